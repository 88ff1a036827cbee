import type {ColorRole, ThemeName} from '../config/colors.js';
import type {ContainerState} from '../engine/types.js';
import type {FlashLevel} from '../state/types.js';

/**
Semantic colours: components name a role, never a raw colour.
*/
export type Theme = {
	readonly text: {
		readonly primary: string;
		readonly secondary: string;
		readonly accent: string;
		readonly title: string;
	};
	readonly border: {readonly focused: string; readonly normal: string};
	readonly status: {
		readonly success: string;
		readonly warning: string;
		readonly error: string;
		readonly info: string;
	};
	readonly selection: {
		readonly background: string;
		readonly foreground: string;
	};
	readonly mark: string;
	/**
	The column headings of the lists.
	*/
	readonly header: string;
	/**
	Images without a tag.
	*/
	readonly dangling: string;
	readonly state: Readonly<Record<ContainerState, string>>;
};

export const darkTheme: Theme = {
	text: {
		primary: 'white',
		secondary: 'gray',
		accent: 'cyan',
		title: 'cyanBright',
	},
	border: {focused: 'cyan', normal: 'gray'},
	status: {success: 'green', warning: 'yellow', error: 'red', info: 'cyan'},
	selection: {background: 'blue', foreground: 'whiteBright'},
	mark: 'magentaBright',
	header: 'gray',
	dangling: 'yellow',
	state: {
		running: 'green',
		paused: 'yellow',
		restarting: 'yellow',
		removing: 'magenta',
		created: 'cyan',
		exited: 'gray',
		dead: 'red',
		unknown: 'gray',
	},
};

/**
For terminals with a light background: no white text, no yellow on white.
*/
export const lightTheme: Theme = {
	text: {
		primary: 'black',
		secondary: 'gray',
		accent: 'blue',
		title: 'blue',
	},
	border: {focused: 'blue', normal: 'gray'},
	status: {success: 'green', warning: 'magenta', error: 'red', info: 'blue'},
	selection: {background: 'cyan', foreground: 'black'},
	mark: 'magenta',
	header: 'gray',
	dangling: 'magenta',
	state: {
		running: 'green',
		paused: 'magenta',
		restarting: 'magenta',
		removing: 'magenta',
		created: 'blue',
		exited: 'gray',
		dead: 'red',
		unknown: 'gray',
	},
};

/**
`name`'s palette with the colours the config file gives by role.
*/
export function makeTheme(
	name: ThemeName,
	colors: Readonly<Partial<Record<ColorRole, string>>> = {},
): Theme {
	const base = name === 'light' ? lightTheme : darkTheme;
	const error = colors.error ?? base.status.error;
	return {
		...base,
		border: {...base.border, focused: colors.border ?? base.border.focused},
		status: {...base.status, error},
		selection: {
			...base.selection,
			background: colors.selection ?? base.selection.background,
		},
		header: colors.header ?? base.header,
		dangling: colors.dangling ?? base.dangling,
		state: {
			...base.state,
			running: colors.running ?? base.state.running,
			paused: colors.paused ?? base.state.paused,
			restarting: colors.paused ?? base.state.restarting,
			exited: colors.exited ?? base.state.exited,
			dead: error,
		},
	};
}

function flashColors(palette: Theme): Readonly<Record<FlashLevel, string>> {
	return {
		info: palette.status.info,
		success: palette.status.success,
		warning: palette.status.warning,
		error: palette.status.error,
		muted: palette.text.secondary,
	};
}

/**
The palette of this run. Chosen once, before the first frame (`applyTheme`, from `main.tsx`), and not changed after: the
views read it as a constant.
*/
export let theme: Theme = darkTheme;

export let containerStateColor: Readonly<Record<ContainerState, string>> =
	darkTheme.state;

export let flashColor: Readonly<Record<FlashLevel, string>> =
	flashColors(darkTheme);

/**
Sets the palette for this run; call it before rendering.
*/
export function applyTheme(palette: Theme): void {
	theme = palette;
	containerStateColor = palette.state;
	flashColor = flashColors(palette);
}
