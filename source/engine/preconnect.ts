/**
Start-up's head start on remote engines: `cli.tsx` calls this as soon as the flags and the config file are read,
before the dashboard's code is loaded, so that the ssh login (a few hundred ms) overlaps that loading instead of
following it. Only `ssh://` engines have something to start; `main.tsx` resolves the endpoints again and
reports any problem with them, so one that does not resolve is left alone here.
*/
import process from 'node:process';
import {resolveEndpoint} from './connection.js';
import {preconnectSsh} from './ssh-transport.js';

export default function preconnect(options: {
	readonly host?: string | readonly string[];
	readonly context?: string;
}): void {
	const hosts =
		options.host === undefined
			? [undefined]
			: typeof options.host === 'string'
				? [options.host]
				: options.host;
	for (const host of hosts) {
		try {
			const endpoint = resolveEndpoint({
				...(host === undefined ? {} : {host}),
				...(options.context === undefined ? {} : {context: options.context}),
				env: process.env,
				homeDir: process.env['HOME'] ?? '',
			});
			if (endpoint.ssh) {
				preconnectSsh(endpoint.ssh);
			}
		} catch {}
	}
}
