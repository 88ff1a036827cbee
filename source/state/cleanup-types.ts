/**
State of the cleanup feature: the Volumes and Networks panes, the Engine pane (disk usage, `docker info`,
`docker version`) and the prune preview. Serialisable facts only.
*/
import type {
	PruneItem,
	PruneOptions,
	PruneData,
} from '../cleanup/prune-plan.js';
import {noFilters} from '../cleanup/prune-filters.js';
import type {
	DiskUsage,
	EngineFigures,
	NetworkSummary,
	SystemInfo,
	VersionInfo,
	VolumeDetails,
	VolumeSummary,
} from '../engine/cleanup-types.js';

/**
The rows of the Engine pane: the four kinds `docker system df` counts.
*/
export type DiskKind = 'images' | 'containers' | 'volumes' | 'build-cache';

export const diskKinds: readonly DiskKind[] = [
	'images',
	'containers',
	'volumes',
	'build-cache',
];

export type CleanupState = {
	/**
	By name.
	*/
	readonly volumes: ReadonlyMap<string, VolumeSummary>;
	/**
	By id.
	*/
	readonly networks: ReadonlyMap<string, NetworkSummary>;
	readonly loaded: {readonly volumes: boolean; readonly networks: boolean};
	/**
	The last `/system/df` answer (sizes of volumes, the Engine pane), once a pane needed it.
	*/
	readonly disk?: DiskUsage;
	/**
	When `disk` was read, ms since the epoch.
	*/
	readonly diskAt?: number;
	readonly diskLoading: boolean;
	readonly diskError?: string;
	readonly info?: SystemInfo;
	readonly version?: VersionInfo;
	/**
	With several engines at once: each one's info and version, in order (the Engine pane shows them all).
	*/
	readonly engineFigures?: readonly EngineFigures[];
	readonly systemError?: string;
};

export const initialCleanup: CleanupState = {
	volumes: new Map(),
	networks: new Map(),
	loaded: {volumes: false, networks: false},
	diskLoading: false,
};

export type CleanupDetailsTarget =
	| {readonly pane: 'volumes'; readonly id: string}
	| {readonly pane: 'networks'; readonly id: string}
	| {readonly pane: 'engine'; readonly id: string};

export type CleanupDetailsData =
	| {
			readonly kind: 'volume';
			readonly details: VolumeDetails;
			/**
			Bytes, from the disk usage; -1 when unknown.
			*/
			readonly size: number;
	  }
	| {readonly kind: 'network'; readonly details: NetworkSummary}
	/** `docker system df -v` for one kind. */
	| {
			readonly kind: 'disk';
			readonly section: DiskKind;
			readonly disk: DiskUsage;
	  };

export type Named = {readonly id: string; readonly name: string};

/**
What a cleanup form is for.
*/
export type CleanupFormPurpose =
	| {readonly form: 'volume-create'}
	| {readonly form: 'network-create'}
	/** Connect `container` to a network, or (from Networks) a container to `network`. */
	| {
			readonly form: 'network-connect';
			readonly network?: Named;
			readonly container?: Named;
	  }
	/** The prune preview's filters; the preview comes back when the form closes. */
	| {readonly form: 'prune-filters'; readonly prune: PruneOverlay};

export type CleanupDialogPurpose =
	| {
			readonly type: 'remove-volume';
			readonly volume: Named;
			/**
			The engine refused a plain remove for a reason force gets past.
			*/
			readonly force?: boolean;
	  }
	| {readonly type: 'remove-network'; readonly network: Named}
	/** Choices `network-id container-id`. */
	| {readonly type: 'network-disconnect'};

export type PruneSkip = {readonly item: PruneItem; readonly reason: string};

export type PruneResult = {
	readonly removed: readonly PruneItem[];
	readonly skipped: readonly PruneSkip[];
	/**
	Bytes: the disk usage figures of what went, and what the engine said for the build cache.
	*/
	readonly reclaimed: number;
};

/**
The prune screen (`C`): the preview, its confirmation, the run and its result.
*/
export type PruneOverlay = {
	readonly kind: 'prune';
	readonly options: PruneOptions;
	/**
	What the engine said when the preview was made; absent while loading.
	*/
	readonly data?: PruneData;
	readonly error?: string;
	/**
	Items left out, by `itemKey`.
	*/
	readonly unticked: ReadonlySet<string>;
	/**
	Index of the focused row (`prune-rows.ts`).
	*/
	readonly cursor: number;
	readonly phase: 'preview' | 'confirm' | 'running' | 'done';
	readonly result?: PruneResult;
	/**
	Lines scrolled, on the result.
	*/
	readonly scroll: number;
};

export const defaultPruneOptions: PruneOptions = {
	allImages: false,
	namedVolumes: false,
	filters: noFilters,
};
