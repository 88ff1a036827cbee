import type {
	DockerEvent,
	EngineErrorKind,
	EngineInfo,
	ImageSummary,
} from '../engine/types.js';
import type {TextEdit} from '../forms/text-edit.js';
import type {
	ContainerRow,
	DetailsData,
	DetailsTarget,
	DialogOverlay,
	FlashLevel,
	FormOverlay,
	MarkablePane,
	Note,
	PaneId,
	ShellTarget,
} from './types.js';
import type {TransferAction} from './transfer-reducer.js';
import type {CleanupAction} from './cleanup-reducer.js';
import type {EngineAction} from './engine-reducer.js';
import type {InspectorAction} from './inspector-types.js';
import type {CommandLineAction} from './command-line-reducer.js';
import type {ProjectsAction} from './project-logs.js';
import type {ConfigViewAction} from './config-view.js';

/**
Changes to the shell pane. `id` names the session an outcome is about: outcomes of a session the pane no longer
shows are ignored.
*/
export type ShellAction =
	/** A session is being opened in the pane (replacing what it showed) and takes the keys. */
	| {
			readonly type: 'shell/opening';
			readonly id: number;
			readonly target: ShellTarget;
	  }
	| {readonly type: 'shell/opened'; readonly id: number}
	| {
			readonly type: 'shell/ended';
			readonly id: number;
			readonly reason: string;
			readonly exitCode?: number;
	  }
	| {readonly type: 'shell/failed'; readonly id: number; readonly error: string}
	/** Keys go to the pane (`true`) or to the dashboard. */
	| {readonly type: 'shell/focus'; readonly focused: boolean}
	/** The pane fills the screen and takes the keys, while its session runs. */
	| {readonly type: 'shell/zoom'}
	| {readonly type: 'shell/close'}
	| {readonly type: 'shell/ask-replace'; readonly target: ShellTarget}
	| {readonly type: 'shell/cancel-replace'};

/**
Everything that can change the state. Engine facts come from `sync.ts`; UI intents from `commands/`.
*/
export type Action =
	| {readonly type: 'connection/connecting'}
	| {readonly type: 'connection/connected'; readonly info: EngineInfo}
	/** Calls fail while the event stream is up (`error` is the last one); `undefined`: a re-list succeeded. */
	| {
			readonly type: 'connection/degraded';
			readonly error: string | undefined;
			readonly now: number;
	  }
	| {
			readonly type: 'connection/lost';
			readonly error: string;
			readonly kind?: EngineErrorKind;
			readonly retryAt: number;
			readonly attempt: number;
	  }
	/** A full list: replaces every row. */
	| {
			readonly type: 'containers/listed';
			readonly containers: readonly ContainerRow[];
			readonly now: number;
			/** The first list after a reconnect: start times seen before may be stale (restarted meanwhile). */
			readonly reconnected?: boolean;
			/**
			Ids whose row is kept as it is: the list says another state than the events did, and the engine's list
			view lags its events (a `die` comes before the list says exited), so an inspect decides (`sync.ts`).
			*/
			readonly keep?: readonly string[];
	  }
	/** A list filtered by ids: rows for those ids are replaced, and ids not returned are gone. */
	| {
			readonly type: 'containers/refreshed';
			readonly ids: readonly string[];
			readonly containers: readonly ContainerRow[];
			readonly now: number;
	  }
	| {readonly type: 'images/listed'; readonly images: readonly ImageSummary[]}
	| {readonly type: 'event/received'; readonly event: DockerEvent}
	| {readonly type: 'ui/pane'; readonly pane: PaneId}
	| {readonly type: 'ui/cycle-pane'; readonly delta: 1 | -1}
	/** Move the cursor by rows, or to an end. */
	| {readonly type: 'ui/move'; readonly to: number | 'top' | 'bottom'}
	| {readonly type: 'ui/select'; readonly pane: PaneId; readonly key: string}
	| {readonly type: 'ui/toggle-show-all'}
	/** The CPU and MEM columns of Containers on or off. */
	| {readonly type: 'ui/toggle-stats-columns'}
	/** Sort the current list by the next (1) or previous (-1) column, or the other way round (0). */
	| {readonly type: 'ui/sort'; readonly step: -1 | 0 | 1}
	| {readonly type: 'ui/filter-open'}
	| {readonly type: 'ui/filter-change'; readonly text: string}
	/** A key typed into the open filter prompt. */
	| {readonly type: 'ui/filter-edit'; readonly edit: TextEdit}
	/** Close the filter prompt; `clear` drops the filter text too. */
	| {readonly type: 'ui/filter-close'; readonly clear: boolean}
	| {readonly type: 'ui/help-toggle'}
	| {readonly type: 'ui/details-open'; readonly target: DetailsTarget}
	| {
			readonly type: 'ui/details-loaded';
			readonly target: DetailsTarget;
			readonly data: DetailsData;
	  }
	| {
			readonly type: 'ui/details-failed';
			readonly target: DetailsTarget;
			readonly error: string;
	  }
	/** Scroll the open overlay (help or details) by lines, or to an end. */
	| {readonly type: 'ui/overlay-scroll'; readonly to: number | 'top' | 'bottom'}
	| {readonly type: 'ui/overlay-close'}
	/** Flip a view option of the open details: secrets in clear, long values wrapped. */
	| {readonly type: 'ui/details-toggle'; readonly option: 'reveal' | 'wrap'}
	| {
			readonly type: 'ui/flash';
			readonly text: string;
			readonly level: FlashLevel;
	  }
	| {readonly type: 'ui/flash-clear'; readonly id?: number}
	/** Hand out the next serial number (`state/serial.ts`). */
	| {readonly type: 'serial/take'}
	/** Mark or unmark the selected row of the focused pane, then move down one row. */
	| {readonly type: 'ui/mark-toggle'}
	/** Unmark rows; all of them when `keys` is absent. */
	| {
			readonly type: 'ui/marks-clear';
			readonly pane: MarkablePane;
			readonly keys?: readonly string[];
	  }
	/** An engine call started on these rows (they get a spinner). */
	| {
			readonly type: 'ui/busy';
			readonly keys: readonly string[];
			readonly verb: string;
			readonly token: number;
	  }
	/** The engine call `token` ended. */
	| {
			readonly type: 'ui/idle';
			readonly keys: readonly string[];
			readonly token: number;
	  }
	/** Open a form or dialog (replacing whatever overlay was open). */
	| {
			readonly type: 'ui/overlay-open';
			readonly overlay: FormOverlay | DialogOverlay;
	  }
	/** Move the focus of the open form or dialog. */
	| {readonly type: 'ui/focus-move'; readonly delta: 1 | -1}
	/** Flip the focused toggle, or step the focused choice field by `delta`. */
	| {readonly type: 'ui/field-toggle'; readonly delta: 1 | -1}
	/** Tab in a path field: its completed text, or (when nothing could be added) the entries to choose from. */
	| {
			readonly type: 'ui/field-complete';
			readonly id: string;
			readonly value: string;
			readonly candidates?: string;
	  }
	/** A key typed into a text field of the open form. */
	| {
			readonly type: 'ui/field-edit';
			readonly id: string;
			readonly edit: TextEdit;
	  }
	/** Validation results of the open form: a message per invalid field (and focus on the first). */
	| {
			readonly type: 'ui/form-errors';
			readonly errors: Readonly<Record<string, string>>;
	  }
	/** Notes that arrived after the form `title` opened (the commit form's change count). */
	| {
			readonly type: 'ui/form-notes';
			readonly title: string;
			readonly notes: readonly Note[];
	  }
	| ShellAction
	| InspectorAction
	| TransferAction
	| CleanupAction
	| EngineAction
	| CommandLineAction
	| ProjectsAction
	| ConfigViewAction;
