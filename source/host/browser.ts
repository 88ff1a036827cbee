/**
Opening a URL in this machine's browser (`o` on a container with a published port): `$BROWSER` when it is set
(a command, or a `:`-separated list of them as xdg-utils reads it, where `%s` stands for the URL), else
`xdg-open` (or `open` on macOS) when it is on the PATH. The browser is spawned detached in its own session with
no terminal: nothing it prints reaches the dashboard, and it outlives dockpit.
*/
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {splitCommand} from '../forms/shell-split.js';

export type BrowserCommand = {
	readonly file: string;
	readonly args: readonly string[];
	/**
	Where it came from, for the message: `$BROWSER` or `xdg-open`.
	*/
	readonly source: string;
};

function onPath(
	name: string,
	env: Readonly<Record<string, string | undefined>>,
): boolean {
	for (const folder of (env['PATH'] ?? '').split(path.delimiter)) {
		if (folder === '') {
			continue;
		}

		try {
			fs.accessSync(path.join(folder, name), fs.constants.X_OK);
			return true;
		} catch {}
	}

	return false;
}

/**
The command that would open `url`, or undefined when there is no browser to open it with.
*/
export function browserCommand(
	url: string,
	env: Readonly<Record<string, string | undefined>> = process.env,
	platform: NodeJS.Platform = process.platform,
): BrowserCommand | undefined {
	const browser = (env['BROWSER'] ?? '')
		.split(':')
		.map(each => each.trim())
		.find(Boolean);
	if (browser) {
		const words = splitCommand(browser);
		if (words.ok && words.value.length > 0) {
			const withUrl = words.value.some(word => word.includes('%s'))
				? words.value.map(word => word.replaceAll('%s', url))
				: [...words.value, url];
			return {file: withUrl[0]!, args: withUrl.slice(1), source: '$BROWSER'};
		}
	}

	const opener = platform === 'darwin' ? 'open' : 'xdg-open';
	return onPath(opener, env)
		? {file: opener, args: [url], source: opener}
		: undefined;
}

/**
Starts `command` detached, its output thrown away; resolves once it started, rejects (in words) when it could
not be started.
*/
export async function launch(command: BrowserCommand): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command.file, [...command.args], {
			detached: true,
			stdio: 'ignore',
		});
		child.once('error', error => {
			reject(
				new Error(
					`${command.source} (${command.file}) could not be started: ${error.message}`,
				),
			);
		});
		child.once('spawn', () => {
			child.unref();
			resolve();
		});
	});
}
