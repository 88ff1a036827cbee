import {execFile} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

const run = promisify(execFile);
const script = path.join(
	path.dirname(fileURLToPath(import.meta.url)),
	'..',
	'sshd-up.sh',
);

export type Sshd = {
	readonly dir: string;
	readonly port: number;
	/**
	For dockpit: its `ssh` is the wrapper in `dir/bin` (the test's own ssh config, known_hosts and key), and
	no agent.
	*/
	readonly env: Record<string, string | undefined>;
	/**
	Cuts the link: kills sshd and every session it runs (by their process ids).
	*/
	cut(): Promise<void>;
	/**
	Starts sshd again with the same host key and config.
	*/
	restart(): Promise<void>;
	stop(): Promise<void>;
};

function children(pid: number): number[] {
	const found: number[] = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) {
			continue;
		}

		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const parent = Number(
				stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1],
			);
			if (parent === pid) {
				found.push(Number(entry), ...children(Number(entry)));
			}
		} catch {}
	}

	return found;
}

/**
Starts a real sshd on 127.0.0.1 (test/sshd-up.sh) in `/tmp/engines-sshd-<pid>`.
*/
export async function startSshd(port = 2222): Promise<Sshd> {
	const dir = `/tmp/engines-sshd-${process.pid}`;
	await run('bash', [script, 'up', dir, String(port)]);
	const pidFile = path.join(dir, 'sshd.pid');
	const pid = () => Number(fs.readFileSync(pidFile, 'utf8').trim());
	const env = {
		PATH: `${dir}/bin:${process.env['PATH'] ?? ''}`,
		SSH_AUTH_SOCK: undefined,
	};
	return {
		dir,
		port,
		env,
		async cut() {
			const listener = pid();
			for (const each of [listener, ...children(listener)]) {
				try {
					process.kill(each, 'SIGKILL');
				} catch {}
			}

			fs.rmSync(pidFile, {force: true});
		},
		async restart() {
			await run('/usr/sbin/sshd', [
				'-f',
				path.join(dir, 'sshd_config'),
				'-E',
				path.join(dir, 'sshd.log'),
			]);
		},
		async stop() {
			if (fs.existsSync(pidFile)) {
				const listener = pid();
				for (const each of [listener, ...children(listener)]) {
					try {
						process.kill(each, 'SIGTERM');
					} catch {}
				}
			}

			await run('bash', [script, 'down', dir]);
		},
	};
}
