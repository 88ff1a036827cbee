import type {
	ContainerDetails,
	ContainerSummary,
	DockerEvent,
	EngineErrorKind,
	EngineInfo,
	ImageDetails,
	ImageSummary,
} from '../engine/types.js';
import type {
	FilesOverlay,
	SearchOverlay,
	Transfer,
	TransferFormPurpose,
	TransferOverlay,
} from './transfer-types.js';
import {
	type CleanupDetailsData,
	type CleanupDetailsTarget,
	type CleanupDialogPurpose,
	type CleanupFormPurpose,
	type CleanupState,
	initialCleanup,
	type PruneOverlay,
} from './cleanup-types.js';
import type {InspectorPane} from './inspector-types.js';
import type {CommandLine, LogEntry} from './command-line-types.js';
import {defaultSort, type SortOrder} from './sort.js';
import type {ProjectLogsOverlay} from './project-logs.js';
import type {ConfigView} from './config-view.js';

/**
The live lists, and the Engine pane (disk usage, info, version).
*/
export type PaneId =
	| 'containers'
	| 'images'
	| 'events'
	| 'volumes'
	| 'networks'
	| 'engine'
	| 'projects';

export const paneIds: readonly PaneId[] = [
	'containers',
	'images',
	'events',
	'volumes',
	'networks',
	'engine',
	'projects',
];

/**
A container row: the engine's summary plus when it started, which the list API does not give. It comes from
the `start` event when we saw one, else from the engine's status words (`Up 3 hours`) at list time.
*/
export type ContainerRow = ContainerSummary & {readonly startedAt?: number};

/**
An event in the history, numbered so that a selection can follow it.
*/
export type EventRow = DockerEvent & {readonly seq: number};

/**
How the connection to the engine is doing.
*/
export type Connection =
	| {readonly status: 'connecting'; readonly host: string}
	| {
			readonly status: 'connected';
			readonly host: string;
			readonly info: EngineInfo;
			/**
			The event stream is up but calls fail (a proxy or an ssh link dropping requests): the lists may be
			wrong. Set by `sync.ts` with the last error; cleared only once a re-list succeeded.
			*/
			readonly degraded?: {readonly error: string; readonly since: number};
	  }
	| {
			readonly status: 'reconnecting' | 'unreachable';
			readonly host: string;
			readonly info?: EngineInfo;
			readonly error: string;
			/**
			What kind of failure it was (`unauthorized`: an ssh login or host key refused, a TLS certificate).
			*/
			readonly kind?: EngineErrorKind;
			/**
			When the next try is due, milliseconds since the epoch.
			*/
			readonly retryAt: number;
			readonly attempt: number;
	  };

export type DetailsTarget =
	| {readonly pane: 'containers'; readonly id: string}
	| {readonly pane: 'images'; readonly id: string}
	| {readonly pane: 'events'; readonly seq: number}
	| CleanupDetailsTarget;

export type DetailsData =
	| {readonly kind: 'container'; readonly details: ContainerDetails}
	| {readonly kind: 'image'; readonly details: ImageDetails}
	| {readonly kind: 'event'; readonly event: EventRow}
	| CleanupDetailsData;

/**
A container or image an action is about, with the name to call it by in messages (kept, because the row may be
gone by the time the message is shown).
*/
export type Target = {readonly id: string; readonly name: string};

/**
One field of a form. Text fields are typed into (readline keys, `state/text-field.ts`); toggles flip with Space; choices cycle
through `options` with Space or ←/→.
*/
export type FormField =
	| {
			readonly kind: 'text';
			readonly id: string;
			readonly label: string;
			readonly value: string;
			/**
			Where the cursor is in `value`; at the end when absent.
			*/
			readonly cursor?: number;
			readonly placeholder?: string;
			/**
			Shown under the field while it has the focus.
			*/
			readonly hint?: string;
			readonly error?: string;
			/**
			A password: shown as dots.
			*/
			readonly secret?: boolean;
			/**
			A host path: Tab completes it (`host/path-complete.ts`), a folder only or any entry.
			*/
			readonly complete?: 'folder' | 'path';
			/**
			What a Tab that could add nothing found to choose from, shown under the field until the next edit.
			*/
			readonly candidates?: string;
	  }
	| {
			readonly kind: 'toggle';
			readonly id: string;
			readonly label: string;
			readonly value: boolean;
			readonly hint?: string;
			readonly error?: string;
	  }
	| {
			readonly kind: 'choice';
			readonly id: string;
			readonly label: string;
			readonly value: string;
			readonly options: readonly string[];
			readonly hint?: string;
			readonly error?: string;
	  };

/**
What a form is for, and what it needs to know besides its fields.
*/
export type FormPurpose =
	| {
			readonly form: 'run';
			/**
			The image's own command and entrypoint: without either, the command field is required.
			*/
			readonly imageHasCommand: boolean;
			/**
			The row the form was opened from (an image, or a container whose image it runs); it gets the spinner.
			*/
			readonly source: {
				readonly pane: 'containers' | 'images';
				readonly id: string;
			};
	  }
	| {readonly form: 'commit'; readonly container: Target}
	| {readonly form: 'tag'; readonly image: Target}
	| TransferFormPurpose
	| CleanupFormPurpose;

/**
A line of explanation in a form or dialog.
*/
export type Note = {
	readonly text: string;
	readonly tone?: 'muted' | 'warning' | 'error';
};

export type FormOverlay = {
	readonly kind: 'form';
	readonly title: string;
	readonly purpose: FormPurpose;
	readonly fields: readonly FormField[];
	/**
	Index of the focused field.
	*/
	readonly focus: number;
	readonly notes: readonly Note[];
	/**
	Why the last submit failed (the engine's answer, in words).
	*/
	readonly error?: string;
};

/**
One line of a dialog: a choice (runs when chosen) or an option to tick before choosing.
*/
export type DialogItem =
	| {
			readonly kind: 'choice';
			readonly id: string;
			readonly label: string;
			readonly danger?: boolean;
	  }
	| {
			readonly kind: 'toggle';
			readonly id: string;
			readonly label: string;
			readonly value: boolean;
	  };

/**
The container verbs that need no more than a yes.
*/
export type ContainerVerb = 'start' | 'stop' | 'restart' | 'pause-toggle';

/**
What a dialog's choices act on.
*/
export type DialogPurpose =
	| {
			readonly type: 'containers';
			readonly verb: ContainerVerb;
			readonly targets: readonly Target[];
	  }
	| {readonly type: 'kill'; readonly targets: readonly Target[]}
	| {readonly type: 'remove-containers'; readonly targets: readonly Target[]}
	| {
			readonly type: 'remove-image';
			readonly image: Target;
			readonly tags: readonly string[];
	  }
	| {readonly type: 'force-remove-image'; readonly image: Target}
	| {readonly type: 'remove-images'; readonly targets: readonly Target[]}
	| CleanupDialogPurpose
	/**
	The docker contexts (`0`, `:ctx`): a choice per context (`ctx:NAME`); `shell-open` asks before a switch
	to `names` ends the open shell.
	*/
	| {
			readonly type: 'context';
			readonly step: 'choose' | 'shell-open';
			readonly names?: readonly string[];
	  }
	/**
	`o` on a container that publishes several TCP ports: a choice per URL (`url:…`).
	*/
	| {readonly type: 'open-port'; readonly target: Target}
	| {
			readonly type: 'compose';
			readonly verb: 'down';
			readonly project: string;
			readonly service?: string;
	  };

export type DialogOverlay = {
	readonly kind: 'dialog';
	readonly title: string;
	readonly purpose: DialogPurpose;
	readonly notes: readonly Note[];
	readonly items: readonly DialogItem[];
	/**
	Index of the focused item.
	*/
	readonly focus: number;
};

/**
A screen drawn over the panes. Only one at a time; it takes every key while open.
*/
export type Overlay =
	| {readonly kind: 'help'; readonly scroll: number}
	/** The command log (`:log`), newest first. */
	| {readonly kind: 'log'; readonly scroll: number}
	| {
			readonly kind: 'details';
			readonly target: DetailsTarget;
			readonly data?: DetailsData;
			readonly error?: string;
			readonly scroll: number;
			/**
			Secret-looking values in clear (`v`); masked when absent.
			*/
			readonly reveal?: boolean;
			/**
			Long values wrapped onto more lines (`w`) instead of cut at the edge.
			*/
			readonly wrap?: boolean;
	  }
	| FormOverlay
	| DialogOverlay
	| TransferOverlay
	| FilesOverlay
	| SearchOverlay
	| PruneOverlay
	| ProjectLogsOverlay;

/**
`muted` is for things that are not failures but worth a word (an object that vanished in a race).
*/
export type FlashLevel = 'info' | 'success' | 'warning' | 'error' | 'muted';

/**
An engine call in flight on a row: what it is doing (`stopping`), and which call it is, so that a call that
ends does not clear the mark of a newer one on the same row.
*/
export type Busy = {readonly verb: string; readonly token: number};

/**
The panes whose rows can be marked.
*/
export type MarkablePane = 'containers' | 'images';

export function isMarkable(pane: PaneId): pane is MarkablePane {
	return pane === 'containers' || pane === 'images';
}

export type Flash = {
	readonly text: string;
	readonly level: FlashLevel;
	readonly id: number;
};

/**
Where the cursor is in one pane: the object it is on (so it stays there when the list changes around it) and
the row index, which is where it falls back to when that object goes away.
*/
export type Selection = {readonly key?: string; readonly index: number};

/**
`exec` runs a new shell in the container; `attach` joins its main process (`docker attach`).
*/
export type ShellMode = 'exec' | 'attach';

/**
What a shell pane is about.
*/
export type ShellTarget = {
	readonly containerId: string;
	/**
	The container's name when the pane was opened, for the border.
	*/
	readonly name: string;
	readonly mode: ShellMode;
};

/**
The shell pane, as far as the UI needs to know: serialisable facts only. The live session (a stream) is kept
outside the state, in `shell/sessions.ts`, under `id`.
*/
export type ShellPane = ShellTarget & {
	/**
	Numbers the sessions of this run; a new session in the pane gets a new id.
	*/
	readonly id: number;
	/**
	`opening` until the engine answered, `open` while the session runs, `ended` once it stopped or failed.
	*/
	readonly status: 'opening' | 'open' | 'ended';
	/**
	Keys go to the container, not to the dashboard.
	*/
	readonly focused: boolean;
	/**
	Why the session ended, when it did.
	*/
	readonly ended?: {readonly reason: string; readonly exitCode?: number};
	/**
	The engine would not open the session (no shell, container not running).
	*/
	readonly error?: string;
	/**
	`x` was pressed on another container while this session runs: asking before replacing it.
	*/
	readonly replace?: ShellTarget;
	/**
	The pane fills the whole body of the screen (`z`); the lists are hidden until the keys go back to them.
	*/
	readonly zoomed?: boolean;
};

export type UiState = {
	readonly pane: PaneId;
	/**
	What each list is sorted by (`<` `>` pick the column, `~` reverses); kept across runs under XDG_STATE_HOME.
	*/
	readonly sort: Readonly<Record<PaneId, SortOrder>>;
	readonly showAll: boolean;
	/**
	Containers has CPU and MEM columns (`m`, `stats-columns:` in the config file), fed by a stats stream per
	running row on screen (`inspector/row-stats.ts`).
	*/
	readonly statsColumns?: boolean;
	readonly filters: Readonly<Record<PaneId, string>>;
	/**
	The filter prompt of the current pane is open and takes the keys.
	*/
	readonly filtering: boolean;
	/**
	Where the cursor is in the open filter prompt; at the end when absent.
	*/
	readonly filterCursor?: number;
	/**
	The kill buffer of the text fields: what Ctrl-U/K/W or Alt-Backspace removed last, which Ctrl-Y puts back.
	*/
	readonly killed?: string;
	readonly selection: Readonly<Record<PaneId, Selection>>;
	readonly overlay?: Overlay;
	readonly flash?: Flash;
	/**
	Rows marked with Space, by key; actions apply to all of them.
	*/
	readonly marks: Readonly<Record<MarkablePane, ReadonlySet<string>>>;
	/**
	Rows with an engine call in flight, by key (container or image id).
	*/
	readonly busy: ReadonlyMap<string, Busy>;
	/**
	The split pane with a shell in a container, while it is open.
	*/
	readonly shell?: ShellPane;
	/**
	The inspector pane (logs, stats, processes… of the selected row), while it is open (`inspector-types.ts`).
	*/
	readonly inspector?: InspectorPane;
	/**
	Pulls, pushes, builds and the other long transfers: running ones and the last few finished.
	*/
	readonly transfers?: readonly Transfer[];
	/**
	The `:` command line, while it is open (it takes the keys).
	*/
	readonly commandLine?: CommandLine;
	/**
	Lines run on the command line, oldest first (kept across runs in the state folder).
	*/
	readonly history?: readonly string[];
	/**
	The command log: the docker CLI line of every action dockpit performed, oldest first.
	*/
	readonly log?: readonly LogEntry[];
	/**
	Projects and services folded in the Projects pane (`state/projects.ts` keys).
	*/
	readonly collapsed?: ReadonlySet<string>;
	/**
	The inspector's Config tab: cursor, folds and search (`config-view.ts`).
	*/
	readonly configView?: ConfigView;
};

/**
One engine of several (`--host` given more than once): how its own connection is doing. Its rows carry its
`name` (the ENGINE column); while it is down they are kept, marked stale.
*/
export type EngineStatus = {
	readonly name: string;
	readonly host: string;
	readonly status: 'connecting' | 'live' | 'reconnecting';
	readonly error?: string;
};

export type AppState = {
	readonly connection: Connection;
	/**
	The docker context in use, when the engine came from one (`--context`, `DOCKER_CONTEXT`, the current
	context, or one chosen with `0` / `:ctx`); the header shows it.
	*/
	readonly context?: string;
	/**
	With several engines at once: each one's state, in the order given.
	*/
	readonly engines?: readonly EngineStatus[];
	/**
	The engine in use is read-only (a context listed under `readOnly` in the config, or `--read-only`).
	*/
	readonly readOnly?: boolean;
	readonly containers: ReadonlyMap<string, ContainerRow>;
	readonly images: ReadonlyMap<string, ImageSummary>;
	/**
	Newest first, at most `maxEvents`.
	*/
	readonly events: readonly EventRow[];
	readonly nextEventSeq: number;
	/**
	The last number handed out to a flash, a busy spinner, a command-log entry, a transfer or a log stream
	(`state/serial.ts`), so that an answer that arrives late finds the one it belongs to.
	*/
	readonly serial: number;
	readonly loaded: {readonly containers: boolean; readonly images: boolean};
	/**
	Volumes, networks, disk usage, info and version (`state/cleanup-types.ts`).
	*/
	readonly cleanup: CleanupState;
	readonly ui: UiState;
};

/**
How many events the Events pane keeps.
*/
export const maxEvents = 1000;

export function initialState(
	host: string,
	options: {
		readonly showAll?: boolean;
		readonly statsColumns?: boolean;
		readonly sort?: Readonly<Partial<Record<PaneId, SortOrder>>>;
		readonly context?: string;
		readonly readOnly?: boolean;
	} = {},
): AppState {
	return {
		connection: {status: 'connecting', host},
		...(options.context === undefined ? {} : {context: options.context}),
		...(options.readOnly ? {readOnly: true} : {}),
		containers: new Map(),
		images: new Map(),
		events: [],
		nextEventSeq: 1,
		serial: 0,
		loaded: {containers: false, images: false},
		cleanup: initialCleanup,
		ui: {
			pane: 'containers',
			sort: {...defaultSort, ...options.sort},
			showAll: options.showAll ?? true,
			...(options.statsColumns ? {statsColumns: true} : {}),
			filters: {
				containers: '',
				images: '',
				events: '',
				volumes: '',
				networks: '',
				engine: '',
				projects: '',
			},
			filtering: false,
			selection: {
				containers: {index: 0},
				images: {index: 0},
				events: {index: 0},
				volumes: {index: 0},
				networks: {index: 0},
				engine: {index: 0},
				projects: {index: 0},
			},
			marks: {containers: new Set(), images: new Set()},
			busy: new Map(),
		},
	};
}
