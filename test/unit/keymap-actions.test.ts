import assert from 'node:assert/strict';
import test from 'node:test';
import {keyLabel} from '../../source/keymap/labels.js';
import {type Binding, keymap, type Scope} from '../../source/keymap/keymap.js';
import {bindingsFor} from '../../source/keymap/match.js';

const bindings: readonly Binding[] = keymap;

test('every container and image action is marked mutating (disabled by --read-only)', () => {
	const actions = bindings.filter(
		binding =>
			(binding.scope === 'containers' || binding.scope === 'images') &&
			binding.command !== 'containers.toggle-all' &&
			// Reads that --read-only keeps: searching Docker Hub, browsing a container's files.
			binding.command !== 'registry.search' &&
			binding.command !== 'containers.files' &&
			// Looks only: the CPU and MEM columns, a published port in the browser.
			binding.command !== 'containers.stats-columns' &&
			binding.command !== 'containers.open-port',
	);
	assert.ok(actions.length >= 11);
	for (const binding of actions) {
		assert.equal(binding.mutating, true, binding.command);
	}

	for (const command of ['form.submit', 'dialog.choose']) {
		assert.equal(
			bindings.find(binding => binding.command === command)?.mutating,
			true,
			command,
		);
	}
});

test('no key means two things in one scope', () => {
	const seen = new Map<string, string>();
	for (const binding of bindings) {
		for (const key of binding.keys) {
			const id = `${binding.scope} ${key}`;
			assert.ok(
				!seen.has(id),
				`${id}: ${seen.get(id) ?? ''} and ${binding.command}`,
			);
			seen.set(id, binding.command);
		}
	}
});

test('a pane key never shadows a list or global key it would hide', () => {
	for (const pane of ['containers', 'images'] as const) {
		for (const binding of bindings.filter(each => each.scope === pane)) {
			for (const key of binding.keys) {
				const hidden = bindings.find(
					other =>
						(other.scope === 'list' || other.scope === 'global') &&
						(other.keys as readonly string[]).includes(key),
				);
				assert.equal(
					hidden,
					undefined,
					`${pane} ${key} hides ${hidden?.command ?? ''}`,
				);
			}
		}
	}
});

/**
The footer as `FooterHints` draws it: ` key hint` per hinted binding.
*/
function footer(scopes: Scope[], readOnly = false): string {
	return bindingsFor(
		scopes,
		binding => !(readOnly && binding.mutating === true),
	)
		.filter(binding => binding.hint !== undefined)
		.map(binding => ` ${keyLabel(binding.keys[0] ?? '')} ${binding.hint ?? ''}`)
		.join('');
}

test('the footer hints fit 80 columns in every scope', () => {
	const scopes: Scope[][] = [
		['containers', 'list', 'global', 'always'],
		['containers', 'list', 'shell-pane', 'global', 'always'],
		['images', 'list', 'global', 'always'],
		['events', 'list', 'global', 'always'],
		['form', 'always'],
		['dialog', 'always'],
		['containers', 'list', 'shell-pane', 'shell-live', 'global', 'always'],
		['containers', 'list', 'inspector-pane', 'global', 'always'],
		['inspector', 'global', 'always'],
		['inspector-prompt', 'always'],
	];
	for (const each of scopes) {
		const line = footer(each);
		assert.ok(line.length <= 80, `${each[0]}: ${line.length}: ${line}`);
	}

	assert.match(footer(scopes[0]!), /s stop .*d rm .*r run/);
	assert.doesNotMatch(footer(scopes[0]!, true), /\b(?:stop|rm|run|commit)\b/);
	assert.match(footer(scopes[2]!), /r run .*t tag .*d rmi/);
	// Ctrl-] back to the shell is offered while its session runs, not after it ended.
	assert.match(footer(scopes[6]!), /Ctrl-] to shell/);
	assert.doesNotMatch(footer(scopes[1]!), /Ctrl-]/);
});
