/**
The command line's history file: one line per command run, oldest first, kept across runs where the XDG base
directory spec keeps state (`$XDG_STATE_HOME/dockpit/history`, else `~/.local/state/dockpit/history`).
*/
import fs from 'node:fs';
import path from 'node:path';
import {maxHistory} from '../state/command-line-types.js';

/**
Where the history is kept, from the environment.
*/
export function historyPath(
	env: Readonly<Record<string, string | undefined>>,
	home: string,
): string {
	const state = env['XDG_STATE_HOME'];
	const base =
		state && path.isAbsolute(state)
			? state
			: path.join(home, '.local', 'state');
	return path.join(base, 'dockpit', 'history');
}

/**
The lines of the history file, oldest first (at most `maxHistory`); none when there is no file yet.
*/
export function readHistory(file: string): string[] {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch {
		return [];
	}

	return text
		.split('\n')
		.filter(line => line.trim() !== '')
		.slice(-maxHistory);
}

/**
Adds `line` at the end of the file (making its folder), and keeps the file to the last `maxHistory` lines.
*/
export async function appendHistory(file: string, line: string): Promise<void> {
	const clean = line.replaceAll(/[\r\n]/g, ' ');
	await fs.promises.mkdir(path.dirname(file), {recursive: true, mode: 0o700});
	await fs.promises.appendFile(file, `${clean}\n`, {mode: 0o600});
	const lines = readHistory(file);
	const text = await fs.promises.readFile(file, 'utf8');
	if (text.split('\n').length > maxHistory * 2) {
		await fs.promises.writeFile(file, `${lines.join('\n')}\n`, {mode: 0o600});
	}
}
