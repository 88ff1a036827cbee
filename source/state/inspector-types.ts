/**
The inspector pane's UI state: which tab, whether it has the keys, how the logs are looked at. Serialisable facts
only; what it shows (log lines, stats samples, processes) is kept outside the store, in the inspector feed
(`inspector/feed.ts`), which opens engine streams for what is on screen and nothing else.
*/
import type {TextEdit} from '../forms/text-edit.js';
import type {Query} from '../inspector/log-search.js';

export const containerTabs = [
	'logs',
	'stats',
	'top',
	'env',
	'config',
	'diff',
] as const;

export const imageTabs = ['layers', 'config'] as const;

export type ContainerTab = (typeof containerTabs)[number];
export type ImageTab = (typeof imageTabs)[number];
export type InspectorTab = ContainerTab | ImageTab;

export const tabTitles: Readonly<Record<InspectorTab, string>> = {
	logs: 'Logs',
	stats: 'Stats',
	top: 'Top',
	env: 'Env',
	config: 'Config',
	diff: 'Diff',
	layers: 'Layers',
};

/**
`docker logs` options for the Logs tab (`:logs --since 10m --tail 200`).
*/
export type LogOptions = {
	/**
	Lines from the end to start with.
	@default 1000
	*/
	readonly tail: number | 'all';
	/**
	Only lines from then on, milliseconds since the epoch.
	*/
	readonly since?: number;
};

export type LogView = LogOptions & {
	/**
	Following stopped (scrolled back): the `seq` of the line at the bottom of the view. Following when absent.
	*/
	readonly bottom?: number;
	readonly timestamps: boolean;
	readonly wrap: boolean;
	/**
	Columns scrolled sideways, when not wrapping.
	*/
	readonly column: number;
	readonly search?: Query;
	/**
	The search match the view is on (`n`/`N`), by `seq`.
	*/
	readonly match?: number;
	readonly filter?: Query;
	/**
	Lines of context around each filter match (`grep -C`).
	*/
	readonly context: number;
};

export type InspectorPrompt = {
	readonly kind: 'search' | 'filter';
	readonly value: string;
	readonly cursor: number;
	readonly regex: boolean;
};

export type InspectorPane = {
	readonly containerTab: ContainerTab;
	readonly imageTab: ImageTab;
	/**
	Keys go to the pane (scrolling, search), not to the lists.
	*/
	readonly focused: boolean;
	/**
	The pane fills the body (`z`).
	*/
	readonly zoomed?: boolean;
	readonly logs: LogView;
	/**
	Lines scrolled down in the other tabs.
	*/
	readonly scroll: number;
	/**
	Secret-looking values are shown in Env and Config.
	*/
	readonly reveal: boolean;
	readonly prompt?: InspectorPrompt;
};

export type InspectorAction =
	| {
			readonly type: 'inspector/open';
			readonly tab?: InspectorTab;
			readonly focus: boolean;
			readonly logs?: Partial<LogOptions>;
	  }
	| {readonly type: 'inspector/close'}
	| {readonly type: 'inspector/focus'; readonly focused: boolean}
	| {readonly type: 'inspector/tab'; readonly delta: 1 | -1}
	| {readonly type: 'inspector/zoom'}
	| {readonly type: 'inspector/scroll'; readonly to: number | 'top' | 'bottom'}
	| {
			readonly type: 'inspector/logs-at';
			/**
			The line to show at the bottom; undefined: follow again.
			*/
			readonly bottom: number | undefined;
			readonly match?: number;
	  }
	| {
			readonly type: 'inspector/toggle';
			readonly flag: 'timestamps' | 'wrap' | 'reveal';
	  }
	| {readonly type: 'inspector/sideways'; readonly delta: number}
	| {readonly type: 'inspector/context'; readonly delta: number}
	| {readonly type: 'inspector/prompt-open'; readonly kind: 'search' | 'filter'}
	| {readonly type: 'inspector/prompt-edit'; readonly edit: TextEdit}
	| {readonly type: 'inspector/prompt-regex'}
	| {readonly type: 'inspector/prompt-close'; readonly apply: boolean};

export const defaultLogView: LogView = {
	tail: 1000,
	timestamps: false,
	wrap: true,
	column: 0,
	context: 2,
};

export function isInspectorAction(action: {
	readonly type: string;
}): action is InspectorAction {
	return action.type.startsWith('inspector/');
}
