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
	close(): Promise<void>;
}> {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dockpit-proxy-'));
	const socketPath = path.join(directory, 'docker.sock');
	const requests: RecordedRequest[] = [];
	const sockets = new Set<net.Socket>();
	const open = new Set<RecordedRequest>();
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
				answer.pipe(response);
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
