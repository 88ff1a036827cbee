import {type Binding, keymap} from './keymap.js';
import {keysLabel} from './labels.js';

export const beginMarker =
	'<!-- keys:begin (generated from source/keymap/keymap.ts by npm run docs:keys) -->';
export const endMarker = '<!-- keys:end -->';

const scopeNames: Readonly<Record<Binding['scope'], string>> = {
	always: 'anywhere',
	global: 'dashboard',
	list: 'any list',
	containers: 'Containers',
	images: 'Images',
	events: 'Events',
	filter: 'filter prompt',
	help: 'help',
	details: 'details',
	form: 'forms',
	dialog: 'dialogs',
	shell: 'shell pane (focused)',
	'shell-pane': 'dashboard, shell pane open',
	'shell-live': 'dashboard, shell running',
	'shell-replace': 'replace question',
	transfer: 'transfer progress',
	files: 'file browser',
	search: 'search results',
	volumes: 'Volumes',
	networks: 'Networks',
	engine: 'Engine',
	prune: 'cleanup screen',
	inspector: 'inspector (focused)',
	'inspector-pane': 'dashboard, inspector open',
	'inspector-prompt': 'inspector prompt',
	command: 'command line',
	log: 'command log',
	projects: 'Projects',
	'project-logs': 'project logs',
};

/**
The readme's keys table, one section per group, straight from the keymap.
*/
export function keysMarkdown(bindings: readonly Binding[] = keymap): string {
	const groups = new Map<string, Binding[]>();
	for (const binding of bindings) {
		groups.set(binding.group, [...(groups.get(binding.group) ?? []), binding]);
	}

	const sections = [...groups].map(([group, members]) => {
		const rows = members.map(
			binding =>
				`| ${keysLabel(binding).replaceAll('|', '\\|')} | ${binding.description}${binding.mutating ? ' (not in `--read-only`)' : ''} | ${scopeNames[binding.scope] ?? binding.scope} |`,
		);
		return [
			`**${group}**`,
			'',
			'| Key | Does | Where |',
			'| --- | --- | --- |',
			...rows,
		].join('\n');
	});
	return sections.join('\n\n');
}

/**
`readme` with the text between the markers replaced by `table`.
*/
export function replaceKeysBlock(readme: string, table: string): string {
	const begin = readme.indexOf(beginMarker);
	const end = readme.indexOf(endMarker);
	if (begin === -1 || end === -1 || end < begin) {
		throw new Error('readme.md has no keys markers');
	}

	return `${readme.slice(0, begin + beginMarker.length)}\n\n${table}\n\n${readme.slice(end)}`;
}
