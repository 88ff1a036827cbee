import {execFile} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import process from 'node:process';
import {promisify} from 'node:util';

const run = promisify(execFile);
const script = path.join(
	path.dirname(fileURLToPath(import.meta.url)),
	'..',
	'podman-up.sh',
);

export type Podman = {
	/**
	`unix:///tmp/dockpit-podman/podman.sock`.
	*/
	readonly host: string;
	readonly socketPath: string;
	/**
	The test image as podman names it.
	*/
	readonly image: string;
	stop(): Promise<void>;
};

/**
Starts Debian's `podman system service` on a unix socket (test/podman-up.sh, which installs podman when it is
missing and loads the test image into it); `stop` ends the service.
*/
export async function startPodman(
	dir = '/tmp/dockpit-podman',
): Promise<Podman> {
	await run('bash', [script, 'up', dir], {timeout: 600_000});
	const socketPath = path.join(dir, 'podman.sock');
	return {
		host: `unix://${socketPath}`,
		socketPath,
		image: `localhost/${process.env['DOCKPIT_TEST_IMAGE'] ?? 'dockpit-test/busybox:local'}`,
		async stop() {
			await run('bash', [script, 'down', dir]);
		},
	};
}
