import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {engineSocketPath} from './recording-proxy.js';

export type FaultKind = 'fail' | 'delay' | 'cut';

/**
An HTTP proxy on a unix socket in front of the engine that, while `faulty`, spoils a share (`rate`) of the
requests: answers 503 with an engine-style message (`fail`), holds them 200–1000 ms before forwarding
(`delay`), or drops the connection without an answer (`cut`), one kind in three each. The event stream
(`/events`) is left alone, so calls fail while the stream stays up: what a flaky proxy or ssh link does.
Hijacked connections (exec, attach) are refused. Point dockpit at it with `--host unix://<path>`.
*/
export async function startFaultProxy(
	options: {
		readonly rate?: number;
		readonly target?: string;
		readonly random?: () => number;
	} = {},
): Promise<{
	readonly path: string;
	/**
	Faults on or off (on from the start).
	*/
	faulty: boolean;
	readonly counts: Record<FaultKind | 'passed', number>;
	close(): Promise<void>;
}> {
	const rate = options.rate ?? 0.1;
	const random = options.random ?? Math.random;
	const target = options.target ?? engineSocketPath();
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dockpit-fault-'));
	const socketPath = path.join(directory, 'docker.sock');
	const sockets = new Set<net.Socket>();
	const counts = {fail: 0, delay: 0, cut: 0, passed: 0};
	const state = {faulty: true};
	const forward = (
		request: http.IncomingMessage,
		response: http.ServerResponse,
	) => {
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
	};

	const server = http.createServer((request, response) => {
		const url = request.url ?? '';
		const spared = /\/events\b/.test(url) || /\/_ping\b/.test(url);
		if (!state.faulty || spared || random() >= rate) {
			counts.passed++;
			forward(request, response);
			return;
		}

		const kind: FaultKind = (['fail', 'delay', 'cut'] as const)[
			Math.min(2, Math.floor(random() * 3))
		]!;
		counts[kind]++;
		switch (kind) {
			case 'fail': {
				request.resume();
				response.writeHead(503, {'Content-Type': 'application/json'});
				response.end(JSON.stringify({message: 'fault proxy: request dropped'}));
				return;
			}

			case 'delay': {
				setTimeout(
					() => {
						forward(request, response);
					},
					200 + Math.floor(random() * 800),
				);
				return;
			}

			case 'cut': {
				request.socket.destroy();
			}
		}
	});
	server.on('upgrade', (_request: http.IncomingMessage, socket: net.Socket) => {
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
		get faulty() {
			return state.faulty;
		},
		set faulty(value: boolean) {
			state.faulty = value;
		},
		counts,
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
