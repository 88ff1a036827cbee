/**
Types of the engine's transfers: images and files in and out (pull, push, build, save, load, import, export, cp).
Everything here has been normalised and sanitised by the engine layer.
*/

/**
Where one layer of a pull or push is, as the docker CLI shows it.
*/
export type LayerStatus =
	| 'waiting'
	| 'preparing'
	| 'downloading'
	| 'verifying'
	| 'downloaded'
	| 'extracting'
	| 'pushing'
	| 'done'
	| 'exists';

/**
One message of a long transfer, as it comes.
*/
export type TransferEvent =
	/** A layer of a pull or push moved on. `current`/`total` in bytes while it downloads, extracts or pushes. */
	| {
			readonly kind: 'layer';
			readonly id: string;
			readonly status: LayerStatus;
			readonly current?: number;
			readonly total?: number;
	  }
	/** A line about the whole transfer (`Digest: sha256:…`, `Status: Downloaded newer image for …`). */
	| {readonly kind: 'status'; readonly text: string}
	/** A line of a build's output (`Step 2/3 : RUN make`), already without control sequences. */
	| {readonly kind: 'output'; readonly text: string}
	/** Bytes of a whole-file transfer so far (a build context or a tar going up, a tar coming down). */
	| {
			readonly kind: 'bytes';
			readonly current: number;
			readonly total?: number;
	  };

/**
What every long transfer takes: a signal that cancels it (the request is aborted) and where its progress goes.
*/
export type TransferOptions = {
	readonly signal?: AbortSignal;
	readonly onEvent?: (event: TransferEvent) => void;
};

/**
Credentials for a registry, as the engine takes them (`X-Registry-Auth`, `/auth`).
*/
export type RegistryAuth = {
	readonly username: string;
	readonly password: string;
	/**
	The registry as the docker CLI names it in its config (`127.0.0.1:5000`, `https://index.docker.io/v1/`).
	*/
	readonly serveraddress: string;
};

export type PullOptions = TransferOptions & {
	/**
	`linux/amd64`, `linux/arm64/v8`…; the engine's own when absent.
	*/
	readonly platform?: string;
	readonly auth?: RegistryAuth;
};

export type PushOptions = TransferOptions & {readonly auth?: RegistryAuth};

/**
One result of `docker search`.
*/
export type SearchResult = {
	readonly name: string;
	readonly description: string;
	readonly stars: number;
	readonly official: boolean;
	readonly automated: boolean;
};

/**
What `docker build` is given; checked by the form before it gets here (the context folder exists, the Dockerfile
is inside it).
*/
export type BuildSpec = {
	/**
	Absolute path of the context folder.
	*/
	readonly context: string;
	/**
	The Dockerfile's path relative to the context (`Dockerfile`, `docker/app.Dockerfile`).
	*/
	readonly dockerfile: string;
	readonly tags: readonly string[];
	readonly buildArgs: Readonly<Record<string, string>>;
	readonly target?: string;
	readonly noCache: boolean;
	readonly pull: boolean;
	readonly labels?: Readonly<Record<string, string>>;
};

export type BuildResult = {
	/**
	The new image's id (`sha256:…`).
	*/
	readonly imageId: string;
	/**
	Bytes of the context sent.
	*/
	readonly contextBytes: number;
};

/**
What `docker import` is given.
*/
export type ImportSpec = {
	/**
	`repository:tag`, or empty for an untagged image.
	*/
	readonly reference: string;
	readonly message: string;
	/**
	Dockerfile instructions (`CMD ["/bin/sh"]`, `ENV A=b`), one a line, checked by the form.
	*/
	readonly changes: readonly string[];
};

/**
One entry of a folder in a container, from its archive.
*/
export type ContainerFileEntry = {
	readonly name: string;
	readonly type: 'file' | 'directory' | 'symlink' | 'other';
	readonly size: number;
	/**
	Permission bits (`0o755`).
	*/
	readonly mode: number;
	/**
	Milliseconds since the epoch.
	*/
	readonly modified: number;
	readonly linkTarget?: string;
};

/**
What the engine says of a path in a container (`X-Docker-Container-Path-Stat`).
*/
export type ContainerPathStat = {
	readonly name: string;
	readonly size: number;
	readonly directory: boolean;
	readonly mode: number;
	readonly linkTarget?: string;
};

export type CopyResult = {
	/**
	Bytes of the archive that went across.
	*/
	readonly bytes: number;
	/**
	Where it ended up, in words (`/tmp/out/hosts`, `web:/etc/hosts`).
	*/
	readonly destination: string;
};
