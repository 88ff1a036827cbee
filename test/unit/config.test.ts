import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {
	ConfigError,
	defaultConfigPath,
	loadConfig,
	parseConfig,
} from '../../source/config/config-file.js';
import {parseKeySpec} from '../../source/config/key-spec.js';
import {printConfig} from '../../source/config/print-config.js';
import {resolveSettings} from '../../source/config/settings.js';
import {didYouMean} from '../../source/config/suggest.js';
import {keymap} from '../../source/keymap/keymap.js';
import {bindingsFor, resolveName} from '../../source/keymap/match.js';
import {helpOrder} from '../../source/keymap/help-order.js';

const file = '/home/me/.config/dockpit/config.yaml';

function problems(text: string): Array<[number, string]> {
	try {
		parseConfig(text, file);
	} catch (error) {
		assert.ok(error instanceof ConfigError, String(error));
		for (const problem of error.problems) {
			assert.equal(problem.file, file);
		}

		return error.problems.map(problem => [problem.line, problem.message]);
	}

	assert.fail('the file was taken as good');
}

function settingsFor(text: string, flags = {}, env = {}) {
	return resolveSettings({file, config: parseConfig(text, file)}, flags, env);
}

test('an empty or comment-only file is the defaults', () => {
	for (const text of ['', '# nothing yet\n', '---\n']) {
		const settings = settingsFor(text);
		assert.deepEqual(settings.shells, ['/bin/bash', '/bin/sh']);
		assert.equal(settings.escapeKey.name, 'ctrl+]');
		assert.equal(settings.readOnly, false);
		assert.equal(settings.mouse, true);
		assert.equal(settings.color, true);
		assert.equal(settings.theme, 'dark');
		assert.equal(settings.keymap.length, keymap.length);
	}
});

test('every setting is read, and a flag wins over the file', () => {
	const text = [
		'host: tcp://10.0.0.5:2376',
		'context: build',
		'shell: [/bin/zsh, /bin/sh]',
		'escape-key: ctrl-a',
		'read-only: true',
		'mouse: false',
		'color: false',
		'theme: light',
		'colors: {selection: magenta, running: 82, border: "#ff8800"}',
	].join('\n');
	const settings = settingsFor(text);
	assert.equal(settings.host, 'tcp://10.0.0.5:2376');
	assert.equal(settings.context, 'build');
	assert.deepEqual(settings.shells, ['/bin/zsh', '/bin/sh']);
	assert.equal(settings.escapeKey.name, 'ctrl+a');
	assert.equal(settings.readOnly, true);
	assert.equal(settings.mouse, false);
	assert.equal(settings.color, false);
	assert.equal(settings.theme, 'light');
	assert.deepEqual(settings.config.colors, {
		selection: 'magenta',
		running: 'ansi256(82)',
		border: '#ff8800',
	});
	// Both escape-key bindings moved.
	assert.deepEqual(
		settings.keymap
			.filter(binding => binding.command.startsWith('shell.'))
			.filter(binding => binding.keys.includes('ctrl+a'))
			.map(binding => binding.command)
			.sort(),
		['shell.focus', 'shell.leave'],
	);

	const flagged = settingsFor(text, {
		host: 'unix:///other.sock',
		shell: '/bin/ash',
		escapeKey: 'ctrl-b',
		readOnly: false,
		mouse: true,
		color: true,
	});
	assert.equal(flagged.host, 'unix:///other.sock');
	assert.deepEqual(flagged.shells, ['/bin/ash']);
	assert.equal(flagged.escapeKey.name, 'ctrl+b');
	assert.equal(flagged.readOnly, false);
	assert.equal(flagged.mouse, true);
	assert.equal(flagged.color, true);
});

test('DOCKER_HOST and DOCKER_CONTEXT win over the file, NO_COLOR only when the file says nothing', () => {
	const env = {DOCKER_HOST: 'unix:///env.sock', DOCKER_CONTEXT: 'ctx'};
	const settings = settingsFor('host: tcp://a:1\ncontext: b\n', {}, env);
	assert.equal(settings.host, undefined);
	assert.equal(settings.context, undefined);
	assert.equal(settingsFor('', {}, {NO_COLOR: '1'}).color, false);
	assert.equal(settingsFor('', {}, {NO_COLOR: ''}).color, true);
	assert.equal(settingsFor('color: true', {}, {NO_COLOR: '1'}).color, true);
	assert.equal(settingsFor('', {color: false}, {}).color, false);
});

test('keys: a command is rebound, given several keys, or unbound; help and footer follow', () => {
	const settings = settingsFor(
		[
			'keys:',
			'  containers.kill: ctrl-k',
			'  containers.remove: null',
			'  list.down: [j, down, ctrl-n]',
			'  app.help: F1',
		].join('\n'),
	);
	const scopes = ['containers', 'list', 'global', 'always'] as const;
	const table = settings.keymap;
	assert.equal(
		resolveName('ctrl+k', [...scopes], undefined, table),
		'containers.kill',
	);
	assert.equal(resolveName('K', [...scopes], undefined, table), undefined);
	assert.equal(resolveName('d', [...scopes], undefined, table), undefined);
	assert.equal(
		resolveName('ctrl+n', [...scopes], undefined, table),
		'list.down',
	);
	assert.equal(resolveName('f1', [...scopes], undefined, table), 'app.help');
	assert.equal(resolveName('?', [...scopes], undefined, table), undefined);
	// The unbound command is gone from the help and the footer.
	assert.ok(
		!helpOrder(table, 'containers').some(
			binding => binding.command === 'containers.remove',
		),
	);
	assert.ok(
		!bindingsFor([...scopes], undefined, table).some(
			binding => binding.command === 'containers.remove',
		),
	);
	// The table itself is untouched.
	assert.ok(keymap.some(binding => binding.command === 'containers.remove'));
});

for (const [title, text, line, reason] of [
	[
		'not YAML',
		'mouse: true\n\tread-only: true\n',
		2,
		/not valid YAML: Tabs are not allowed/,
	],
	[
		'a key given twice',
		'mouse: true\nmouse: false\n',
		2,
		/not valid YAML: Map keys must be unique/,
	],
	['not a mapping', '- mouse\n', 1, /must be a mapping of settings/],
	[
		'an unknown setting, with a suggestion',
		'mose: false\n',
		1,
		/unknown setting "mose" \(did you mean mouse\?\)/,
	],
	[
		'an unknown setting far from any',
		'zzzzzzzz: 1\n',
		1,
		/unknown setting "zzzzzzzz"; the settings are host/,
	],
	[
		'a boolean that is not one',
		'\n\nread-only: yes please\n',
		3,
		/read-only: give true or false/,
	],
	[
		'a shell list with a hole',
		'shell: [/bin/sh, ""]\n',
		1,
		/shell: give shell paths/,
	],
	[
		'an unknown theme',
		'theme: drak\n',
		1,
		/"drak" is not a theme; give dark or light \(did you mean dark\?\)/,
	],
	[
		'an unknown colour role',
		'colors:\n  runing: red\n',
		2,
		/no colour role "runing" \(did you mean running\?\)/,
	],
	[
		'a bad colour',
		'colors:\n  error: reddish\n',
		2,
		/colors.error: "reddish" is not a colour/,
	],
	[
		'an unknown command, with a suggestion',
		'keys:\n  container.kill: ctrl-k\n',
		2,
		/no command "container.kill" \(did you mean containers.kill\?\)/,
	],
	[
		'an unparseable key',
		'keys:\n  containers.kill: ctrl-k-l\n',
		2,
		/keys.containers.kill: "ctrl-k-l": the terminal has no Ctrl code/,
	],
	[
		'a word that is no key',
		'keys:\n  containers.kill: kill\n',
		2,
		/"kill" is not a key/,
	],
	[
		'a Ctrl key that is another key',
		'keys:\n  containers.kill: ctrl-m\n',
		2,
		/same as enter; write enter/,
	],
	[
		'two commands on one key in one scope',
		'keys:\n  containers.kill: s\n',
		2,
		/s would mean both containers.stop and containers.kill \(both in containers\)/,
	],
	[
		'a key taken in a scope live at the same time',
		'keys:\n\n  containers.start: q\n',
		3,
		/q would mean both app.quit and containers.start \(global and containers are live together\)/,
	],
	[
		"the shell pane's escape key",
		'keys:\n  app.help: ctrl-]\n',
		2,
		/Ctrl-\] is the shell pane's escape key \(escape-key\): it cannot also be app.help/,
	],
	[
		'an escape key the shell needs',
		'escape-key: ctrl-c\n',
		1,
		/escape-key ctrl-c: the shell needs Ctrl-C/,
	],
	[
		'an escape key a rebinding took',
		'keys:\n  app.quit: ctrl-a\nescape-key: ctrl-a\n',
		3,
		/Ctrl-A already means "Quit"/,
	],
	[
		'the escape key unbound',
		'keys:\n  shell.leave: null\n',
		2,
		/the shell pane needs its escape key/,
	],
	[
		'the escape key set twice',
		'escape-key: ctrl-a\nkeys:\n  shell.focus: ctrl-b\n',
		3,
		/the escape key is set twice/,
	],
	['Ctrl-C unbound', 'keys:\n  app.force-quit: null\n', 2, /cannot be unbound/],
	['keys not a mapping', 'keys: [a, b]\n', 1, /keys: give command ids/],
] as const) {
	test(`a bad config file: ${title} (line ${line})`, () => {
		const found = problems(text);
		assert.ok(
			found.some(([at, message]) => at === line && reason.test(message)),
			JSON.stringify(found),
		);
	});
}

test('every problem in the file is reported at once, in line order', () => {
	const found = problems('mose: 1\ntheme: drak\nkeys:\n  nope: x\n');
	assert.deepEqual(
		found.map(([line]) => line),
		[1, 2, 4],
	);
});

test('keys are written as people write them', () => {
	for (const [spec, name] of [
		['ctrl-k', 'ctrl+k'],
		['Ctrl+K', 'ctrl+k'],
		['alt-b', 'alt+b'],
		['shift-tab', 'shift+tab'],
		['esc', 'escape'],
		['Enter', 'enter'],
		['space', 'space'],
		[' ', 'space'],
		['G', 'G'],
		['?', '?'],
		['~', '~'],
		['F5', 'f5'],
		['pgdn', 'pagedown'],
		['ctrl-left', 'ctrl+left'],
	] as const) {
		assert.equal(parseKeySpec(spec), name, spec);
	}

	for (const spec of ['', 'shift-g', 'ctrl-1', 'f13', 'hyper-x', '\u0001']) {
		assert.throws(() => parseKeySpec(spec), Error, spec);
	}
});

test('the nearest name is suggested only when near', () => {
	assert.equal(
		didYouMean('colours', ['colors', 'keys']),
		' (did you mean colors?)',
	);
	assert.equal(
		didYouMean('escape_key', ['escape-key', 'keys']),
		' (did you mean escape-key?)',
	);
	assert.equal(didYouMean('xyzzy', ['colors', 'keys']), '');
});

test('the config file is looked for under XDG_CONFIG_HOME, else ~/.config; --config must exist', () => {
	assert.equal(
		defaultConfigPath({XDG_CONFIG_HOME: '/x'}, '/home/me'),
		'/x/dockpit/config.yaml',
	);
	assert.equal(
		defaultConfigPath({XDG_CONFIG_HOME: 'relative'}, '/home/me'),
		'/home/me/.config/dockpit/config.yaml',
	);
	assert.equal(defaultConfigPath({}, '/home/me'), file);
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-config-unit-'));
	try {
		assert.deepEqual(loadConfig({env: {}, homeDir: home}), {
			file: undefined,
			config: {colors: {}, keys: []},
		});
		assert.throws(
			() =>
				loadConfig({
					explicit: path.join(home, 'missing.yaml'),
					env: {},
					homeDir: home,
				}),
			(error: unknown) =>
				error instanceof ConfigError &&
				/no such file/.test(error.problems[0]!.message),
		);
		const written = path.join(home, 'c.yaml');
		fs.writeFileSync(written, 'mouse: false\n');
		assert.equal(
			loadConfig({explicit: written, env: {}, homeDir: home}).config.mouse,
			false,
		);
	} finally {
		fs.rmSync(home, {recursive: true, force: true});
	}
});

test('--print-config writes a file that reads back as the same settings', () => {
	const settings = settingsFor(
		'theme: light\nkeys:\n  containers.kill: ctrl-k\n  containers.remove: null\n',
	);
	const printed = printConfig(settings, file);
	assert.match(printed, /^# dockpit settings in effect: \/home\/me/);
	assert.match(printed, /^ {2}containers\.kill: ctrl-k$/m);
	assert.match(printed, /^ {2}containers\.remove: null$/m);
	assert.match(printed, /^ {2}list\.down: \[ j, down \]$/m);
	assert.match(printed, /^theme: light$/m);
	assert.match(printed, /^ {2}selection: cyan$/m);
	const again = settingsFor(printed);
	assert.deepEqual(
		again.keymap.map(binding => [binding.command, binding.keys]),
		settings.keymap.map(binding => [binding.command, binding.keys]),
	);
	assert.equal(again.theme, 'light');
});

test('stats-columns: off by default, on from the file, and a non-boolean is a problem', () => {
	assert.equal(settingsFor('').statsColumns, false);
	assert.equal(settingsFor('stats-columns: true\n').statsColumns, true);
	assert.deepEqual(problems('stats-columns: yes please\n'), [
		[1, 'stats-columns: give true or false'],
	]);
	assert.match(
		printConfig(settingsFor('stats-columns: true\n'), file),
		/^stats-columns: true$/m,
	);
});

test('a host address that cannot be used is a problem of the file (its line) or of the flag, not a later error', () => {
	assert.deepEqual(problems('mouse: true\nhost: bogus://x\n'), [
		[
			2,
			'host is bogus://x: unsupported address type "bogus://"; use unix://, tcp:// or ssh://',
		],
	]);
	assert.match(problems('host: tcp://\n')[0]![1], /has no host name/);
	assert.throws(
		() => settingsFor('', {host: ['unix:///ok.sock', 'bogus://x']}),
		/--host is bogus:\/\/x: unsupported address type/,
	);
	assert.throws(
		() => settingsFor('', {host: 'tcp://a:99999'}),
		/not an address/,
	);
	for (const good of [
		'unix:///var/run/docker.sock',
		'tcp://10.0.0.5:2376',
		'ssh://me@box',
		'box:2375',
	]) {
		assert.equal(settingsFor(`host: ${good}\n`).host, good);
		assert.deepEqual(settingsFor('', {host: [good]}).host, [good]);
	}
});
