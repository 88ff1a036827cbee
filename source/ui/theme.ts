import type {ContainerState} from '../engine/types.js';
import type {FlashLevel} from '../state/types.js';

/**
Semantic colours: components name a role, never a raw colour.
*/
export const theme = {
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
} as const;

export const containerStateColor: Readonly<Record<ContainerState, string>> = {
	running: 'green',
	paused: 'yellow',
	restarting: 'yellow',
	removing: 'magenta',
	created: 'cyan',
	exited: 'gray',
	dead: 'red',
	unknown: 'gray',
};

export const flashColor: Readonly<Record<FlashLevel, string>> = {
	info: theme.status.info,
	success: theme.status.success,
	warning: theme.status.warning,
	error: theme.status.error,
	muted: theme.text.secondary,
};
