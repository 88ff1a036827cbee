import {execFile} from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {engineSocketPath} from './recording-proxy.js';

const run = promisify(execFile);
const script = path.join(
	path.dirname(fileURLToPath(import.meta.url)),
	'..',
	'tls-certs.sh',
);

export type TlsEndpoint = {
	/**
	`tcp://127.0.0.1:PORT`.
	*/
	readonly host: string;
	readonly port: number;
	/**
	Where test/tls-certs.sh put the certificates: `client/` (a right DOCKER_CERT_PATH), `wrong-ca/`, `no-client/`.
	*/
	readonly dir: string;
	/**
	Ends every connection and refuses new ones (the engine and its containers keep running).
	*/
	cut(): Promise<void>;
	/**
	Listens again on the same port, after `cut`.
	*/
	restart(): Promise<void>;
	stop(): Promise<void>;
};

/**
A TLS endpoint on 127.0.0.1 in front of the engine's unix socket, as `dockerd --tlsverify` would be: node's tls
server with the certificates test/tls-certs.sh makes with openssl, asking for a client certificate signed by
the test CA and refusing connections without one. The bytes inside are passed through as they are (hijacked
exec streams included).
*/
export async function startTlsProxy(
	port: number,
	target = engineSocketPath(),
): Promise<TlsEndpoint> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engines-tls-'));
	await run('bash', [script, dir]);
	const read = (name: string) => fs.readFileSync(path.join(dir, name));
	const sockets = new Set<net.Socket>();
	const makeServer = () =>
		tls.createServer(
			{
				ca: read('ca.pem'),
				cert: read('server-cert.pem'),
				key: read('server-key.pem'),
				requestCert: true,
				rejectUnauthorized: true,
			},
			client => {
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
			},
		);

	let server: tls.Server | undefined;
	const listen = async () => {
		const next = makeServer();
		// Failed handshakes (no client certificate, a client that does not trust us) are the tests' business.
		next.on('tlsClientError', () => undefined);
		await new Promise<void>((resolve, reject) => {
			next.once('error', reject);
			next.listen(port, '127.0.0.1', () => {
				next.off('error', reject);
				resolve();
			});
		});
		server = next;
	};

	const close = async () => {
		const current = server;
		server = undefined;
		if (!current) {
			return;
		}

		const closed = new Promise<void>(resolve => {
			current.close(() => {
				resolve();
			});
		});
		for (const socket of sockets) {
			socket.destroy();
		}

		await closed;
	};

	await listen();
	return {
		host: `tcp://127.0.0.1:${port}`,
		port,
		dir,
		cut: close,
		restart: listen,
		async stop() {
			await close();
			fs.rmSync(dir, {recursive: true, force: true});
		},
	};
}
