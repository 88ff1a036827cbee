/**
State of the transfers (pull, push, build, save, load, import, export, cp), the file browser and search results.
Serialisable facts only: the live requests (their AbortControllers) are kept in `commands/transfer-runner.ts`.
*/
import type {
	ContainerFileEntry,
	LayerStatus,
	SearchResult,
} from '../engine/types.js';

export type TransferKind =
	| 'pull'
	| 'push'
	| 'build'
	| 'save'
	| 'load'
	| 'import'
	| 'export'
	| 'cp-out'
	| 'cp-in'
	| 'compose'
	| 'save-logs'
	| 'wait';

export type TransferLayer = {
	readonly id: string;
	readonly status: LayerStatus;
	readonly current?: number;
	readonly total?: number;
};

/**
One long transfer, as the progress overlay shows it.
*/
export type Transfer = {
	readonly id: number;
	readonly kind: TransferKind;
	/**
	`Pull 127.0.0.1:5000/team/app:v1`.
	*/
	readonly title: string;
	/**
	The docker CLI line that does the same (`['docker', 'pull', 'app:v1']`), for the command log.
	*/
	readonly docker: readonly string[];
	readonly status: 'running' | 'done' | 'failed' | 'cancelled';
	/**
	Milliseconds since the epoch.
	*/
	readonly startedAt: number;
	readonly endedAt?: number;
	/**
	Layers of a pull or push, in the order they first appeared.
	*/
	readonly layers: readonly TransferLayer[];
	/**
	Status and build output lines, the last `maxTransferLines`.
	*/
	readonly lines: readonly string[];
	/**
	Bytes of a whole-file transfer so far (and of how many, when known).
	*/
	readonly bytes?: {readonly current: number; readonly total?: number};
	/**
	What came of it, in a line (`Pulled app:v1: 2 layers, 1.9 MB in 3.2 s`), or why it failed.
	*/
	readonly result?: string;
	/**
	The engine refused for want of a login: the overlay offers one for this registry.
	*/
	readonly loginRegistry?: string;
};

/**
How many output lines a transfer keeps.
*/
export const maxTransferLines = 500;

export type TransferOverlay = {
	readonly kind: 'transfer';
	readonly id: number;
	/**
	Lines scrolled up from the bottom of the output.
	*/
	readonly scroll: number;
};

/**
The file browser of a container.
*/
export type FilesOverlay = {
	readonly kind: 'files';
	readonly container: {readonly id: string; readonly name: string};
	/**
	The folder shown (absolute, no trailing slash but for `/`).
	*/
	readonly folder: string;
	readonly entries?: readonly ContainerFileEntry[];
	readonly error?: string;
	readonly loading: boolean;
	readonly selected: number;
};

export type SearchOverlay = {
	readonly kind: 'search';
	readonly term: string;
	readonly results?: readonly SearchResult[];
	readonly error?: string;
	readonly selected: number;
};

/**
What a transfer form is for.
*/
export type TransferFormPurpose = {
	readonly form: 'transfer';
	readonly action:
		| 'pull'
		| 'login'
		| 'logout'
		| 'build'
		| 'save'
		| 'load'
		| 'import'
		| 'export'
		| 'cp-out'
		| 'cp-in'
		| 'search'
		| 'save-logs';
	/**
	The images a save is of, the container an export, cp or log save is of.
	*/
	readonly targets?: ReadonlyArray<{
		readonly id: string;
		readonly name: string;
	}>;
	/**
	After a login: push this reference (the push that was refused).
	*/
	readonly thenPush?: string;
	/**
	The file browser's folder the form was opened from: it comes back there after the copy.
	*/
	readonly folder?: string;
};
