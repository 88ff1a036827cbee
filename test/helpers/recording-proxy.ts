import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

/**
One request that went through the proxy.
*/
export type RecordedRequest = {readonly method: string; readonly url: string};

/**
The engine's unix socket, as the docker CLI finds it (DOCKER_HOST when it is a unix:// address).
*/
export function engineSocketPath(): string {
	const host = process.env['DOCKER_HOST'] ?? '';
	return host.startsWith('unix://')
		? host.slice('unix://'.length)
		: '/var/run/docker.sock';
}

/**
A tiny HTTP proxy on a unix socket in front of the engine's socket, which records the method and path of every
request (and connection upgrade) it forwards. Point dockpit at it with `--host unix://<path>`.
*/
export async function startRecordingProxy(
	target = engineSocketPath(),
): Promise<{
	readonly path: string;
	readonly requests: RecordedRequest[];
	/**
	The requests whose answer is still going (a followed log or stats stream, an event stream).
	*/
	inFlight(): RecordedRequest[];
	/**
	Holds the engine's events back (on) or lets them through, the held ones first (off): a row stays on screen
	after its object is gone, as over a slow link.
	*/
	holdEvents(on: boolean): void;
	close(): Promise<void>;
}> {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dockpit-proxy-'));
	const socketPath = path.join(directory, 'docker.sock');
	const requests: RecordedRequest[] = [];
	const sockets = new Set<net.Socket>();
	const open = new Set<RecordedRequest>();
	const hold = {events: false};
	const held: Array<{response: http.ServerResponse; chunk: Buffer}> = [];
	const server = http.createServer((request, response) => {
		const recorded = {method: request.method ?? '?', url: request.url ?? ''};
		requests.push(recorded);
		open.add(recorded);
		response.on('close', () => {
			open.delete(recorded);
		});
		const upstream = http.request(
			{
				socketPath: target,
				method: request.method,
				path: request.url,
				headers: request.headers,
			},
			answer => {
				response.writeHead(answer.statusCode ?? 502, answer.headers);
				if (!/^\/(v[\d.]+\/)?events\b/.test(recorded.url)) {
					answer.pipe(response);
					return;
				}

				// The event stream, held back while `holdEvents` is on (a slow link's late events).
				answer.on('data', (chunk: Buffer) => {
					if (hold.events) {
						held.push({response, chunk});
					} else {
						response.write(chunk);
					}
				});
				answer.on('end', () => {
					response.end();
				});
			},
		);
		upstream.on('error', () => {
			response.destroy();
		});
		response.on('close', () => {
			upstream.destroy();
		});
		request.pipe(upstream);
	});
	// A hijacked connection (exec, attach) would come as an upgrade: record it, forward nothing.
	server.on('upgrade', (request: http.IncomingMessage, socket: net.Socket) => {
		requests.push({
			method: `${request.method ?? '?'} (upgrade)`,
			url: request.url ?? '',
		});
		socket.destroy();
	});
	server.on('connection', socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>(resolve => {
		server.listen(socketPath, resolve);
	});
	return {
		path: socketPath,
		requests,
		inFlight: () => [...open],
		holdEvents(on) {
			hold.events = on;
			if (!on) {
				for (const {response, chunk} of held.splice(0)) {
					if (!response.destroyed) {
						response.write(chunk);
					}
				}
			}
		},
		async close() {
			for (const socket of sockets) {
				socket.destroy();
			}

			await new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
			});
			fs.rmSync(directory, {recursive: true, force: true});
		},
	};
}
