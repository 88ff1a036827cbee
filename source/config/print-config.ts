/**
`dockpit --print-config`: the settings in effect, defaults included, as a config file would write them.
*/
import {Document, visit} from 'yaml';
import {keymap} from '../keymap/keymap.js';
import {makeTheme, type Theme} from '../ui/theme.js';
import type {ColorRole} from './colors.js';
import {keySpecText} from './key-spec.js';
import type {Settings} from './settings.js';

function roleColors(palette: Theme): Record<ColorRole, string> {
	return {
		selection: palette.selection.background,
		running: palette.state.running,
		paused: palette.state.paused,
		exited: palette.state.exited,
		dangling: palette.dangling,
		error: palette.status.error,
		border: palette.border.focused,
		header: palette.header,
	};
}

export function printConfig(settings: Settings, defaultFile: string): string {
	const keys: Record<string, string | string[] | null> = {};
	for (const {command} of keymap) {
		const binding = settings.keymap.find(
			candidate => candidate.command === command,
		);
		const specs = binding?.keys.map(key => keySpecText(key)) ?? [];
		keys[command] =
			specs.length === 0 ? null : specs.length === 1 ? specs[0]! : specs;
	}

	const document = new Document({
		host: settings.host ?? null,
		context: settings.context ?? null,
		shell: [...settings.shells],
		'escape-key': keySpecText(settings.escapeKey.name),
		'read-only': settings.readOnly,
		mouse: settings.mouse,
		color: settings.color,
		'mask-secrets': settings.maskSecrets,
		'stats-columns': settings.statsColumns,
		theme: settings.theme,
		colors: roleColors(makeTheme(settings.theme, settings.config.colors)),
		keys,
	});
	visit(document, {
		Seq(_, node) {
			node.flow = true;
		},
	});
	document.commentBefore = [
		settings.file
			? ` dockpit settings in effect: ${settings.file}, then the defaults`
			: ` dockpit settings in effect: the defaults (no file at ${defaultFile})`,
		' Flags on the command line win over the file. host/context null: $DOCKER_HOST, then the docker',
		' context, then the local socket. keys: a key, a list of keys, or null (unbound).',
	].join('\n');
	return document.toString({lineWidth: 0});
}
