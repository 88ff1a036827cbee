import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {engineSocketPath} from './recording-proxy.js';

/**
A byte-for-byte proxy on a unix socket in front of the engine's socket: every connection, hijacked exec and attach
streams included, is piped through as it is. `cut` ends every connection and refuses new ones, as an engine
that went away would; the engine itself, and every container, keeps running. Point dockpit at it with
`--host unix://<path>`.
*/
export async function startSocketProxy(target = engineSocketPath()): Promise<{
	readonly path: string;
	cut(): Promise<void>;
}> {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dockpit-cut-'));
	const socketPath = path.join(directory, 'docker.sock');
	const sockets = new Set<net.Socket>();
	const server = net.createServer(client => {
		const upstream = net.connect(target);
		for (const socket of [client, upstream]) {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
			socket.on('error', () => {
				client.destroy();
				upstream.destroy();
			});
		}

		client.pipe(upstream);
		upstream.pipe(client);
	});
	await new Promise<void>(resolve => {
		server.listen(socketPath, resolve);
	});
	return {
		path: socketPath,
		async cut() {
			const closed = new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
			});
			for (const socket of sockets) {
				socket.destroy();
			}

			await closed;
			fs.rmSync(directory, {recursive: true, force: true});
		},
	};
}
