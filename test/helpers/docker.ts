import {execFile} from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import process from 'node:process';
import {promisify} from 'node:util';
import Docker from 'dockerode';

const run = promisify(execFile);

/**
The image `test/engine-up.sh` makes with `docker import` (no registry is reachable here).
*/
export const testImage =
	process.env['DOCKPIT_TEST_IMAGE'] ?? 'dockpit-test/busybox:local';

/**
Every object a test makes carries this label, with the run's id as value, and a name starting with `dockpit-test-`;
cleanup removes only those.
*/
export const testLabel = 'dockpit.test';

/**
Did `test/engine-up.sh` start this engine itself? Only then may a test act on the whole engine (prune).
*/
export const engineIsOurs = fs.existsSync(
	`${process.env['DOCKPIT_STATE_DIR'] ?? '/tmp/dockpit-engine'}/started-here`,
);

/**
A dockerode client for test fixtures, connected like the docker CLI (DOCKER_HOST or the default socket).
*/
export function createTestDocker(
	options: {
		/**
		Another engine's socket (podman's), instead of the one the docker CLI uses.
		*/
		readonly socketPath?: string;
		/**
		The image containers are made from there (podman names it `localhost/…`).
		*/
		readonly image?: string;
	} = {},
) {
	const runId = crypto.randomBytes(4).toString('hex');
	const docker = options.socketPath
		? new Docker({socketPath: options.socketPath})
		: new Docker();
	const image = options.image ?? testImage;
	const labels = {[testLabel]: runId};
	let counter = 0;
	const name = (hint: string) => `dockpit-test-${hint}-${runId}-${++counter}`;
	const imageRefs = new Set<string>();
	const containerNames = new Set<string>();

	return {
		docker,
		runId,
		labels,
		name,
		/**
		Creates (and by default starts) a labelled busybox container; resolves with its id and name.
		*/
		async container(
			options: {
				hint?: string;
				cmd?: string[];
				start?: boolean;
				tty?: boolean;
				openStdin?: boolean;
				ports?: string[];
			} = {},
		) {
			const containerName = name(options.hint ?? 'c');
			const created = await docker.createContainer({
				name: containerName,
				Image: image,
				Cmd: options.cmd ?? ['sleep', '600'],
				Labels: labels,
				Tty: options.tty ?? false,
				OpenStdin: options.openStdin ?? false,
				StopSignal: 'SIGKILL',
			});
			if (options.start ?? true) {
				await created.start();
			}

			return {id: created.id, name: containerName};
		},
		/**
		An image reference in the test namespace, removed by `cleanup()`.
		*/
		imageRef(hint: string) {
			const reference = `dockpit-test/${hint}-${runId}:v1`;
			imageRefs.add(reference);
			return reference;
		},
		/**
		A name for a container that dockpit itself will create (through its run form), so that `cleanup()`
		removes it even though it carries no label of this run.
		*/
		containerName(hint: string) {
			const containerName = name(hint);
			containerNames.add(containerName);
			return containerName;
		},
		/**
		Runs the docker CLI, as someone in another terminal would.
		*/
		async cli(...args: string[]) {
			const {stdout} = await run('docker', args);
			return stdout.trim();
		},
		/**
		Removes the containers with this run's label or a name from `containerName()`, and the images this run
		named, nothing else.
		*/
		async cleanup() {
			const containers = await docker.listContainers({
				all: true,
				filters: {label: [`${testLabel}=${runId}`]},
			});
			await Promise.all([
				...containers.map(async info =>
					docker
						.getContainer(info.Id)
						.remove({force: true, v: true})
						.catch(() => undefined),
				),
				...[...containerNames].map(async each =>
					docker
						.getContainer(each)
						.remove({force: true, v: true})
						.catch(() => undefined),
				),
			]);
			const images = await docker.listImages({
				filters: {label: [`${testLabel}=${runId}`]},
			});
			for (const reference of [
				...imageRefs,
				...images.flatMap(info => info.RepoTags ?? []),
			]) {
				if (reference.startsWith('dockpit-test/') && reference !== testImage) {
					// eslint-disable-next-line no-await-in-loop
					await docker
						.getImage(reference)
						.remove({force: true})
						.catch(() => undefined);
				}
			}
		},
	};
}

/**
Stops the engine that `test/engine-up.sh` started (SIGTERM, as a service manager would), waits for it to go,
and returns a function that starts it again through the same script and waits until it answers. Only for an
engine this suite started itself (`engineIsOurs`): it takes the whole engine away for a moment.
*/
export async function stopOwnEngine(): Promise<() => Promise<void>> {
	if (!engineIsOurs) {
		throw new Error('refusing to stop an engine this test suite did not start');
	}

	const stateDirectory =
		process.env['DOCKPIT_STATE_DIR'] ?? '/tmp/dockpit-engine';
	const pid = Number(fs.readFileSync(`${stateDirectory}/dockerd.pid`, 'utf8'));
	process.kill(pid, 'SIGTERM');
	const deadline = Date.now() + 30_000;
	for (;;) {
		try {
			process.kill(pid, 0);
		} catch {
			break;
		}

		if (Date.now() > deadline) {
			throw new Error(`dockerd (pid ${pid}) did not stop within 30 s`);
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 100);
		});
	}

	return async () => {
		await run('bash', ['test/engine-up.sh']);
	};
}
