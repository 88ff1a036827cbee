import {type Dockpit, key, startDockpit} from './pty.js';
import {pause} from './session.js';

/**
What the UI parts of the fault suite (test/soak/vanish, invalid, fuzz, resize) share: a dockpit that is
killed at the end whatever happens, and the steps a person takes, each waiting for the screen.
*/
export async function withDockpit<T>(
	options: Parameters<typeof startDockpit>[0],
	use: (app: Dockpit) => Promise<T>,
): Promise<T> {
	const app = startDockpit(options);
	try {
		return await use(app);
	} finally {
		app.kill();
	}
}

/**
Has the process ended (a crash, since nothing in the parts quits it)?
*/
export function watchExit(app: Dockpit): () => boolean {
	let ended = false;
	void app.exited.then(() => {
		ended = true;
	});
	return () => ended;
}

/**
Filters the focused pane to `text` (the run's own objects on a shared engine), as `filterTo` does, with Ctrl-U
first so that an earlier filter is replaced.
*/
export async function filterPane(app: Dockpit, text: string): Promise<void> {
	app.write('/');
	// The prompt starts with the pane's filter in it, if it has one.
	await app.waitFor(
		screen => screen.includes('type to filter') || /\n \/ \S*\s*$/.test(screen),
	);
	app.write('\u0015');
	app.write(text);
	await app.waitFor(`/ ${text}`);
	app.write(key.enter);
	await app.waitFor(`filter: ${text}`);
}

/**
The status line and the prompt: the last rows of the screen, where dockpit says what happened.
*/
export function bottom(screen: string, rows = 3): string {
	return screen.split('\n').slice(-rows).join('\n');
}

/**
Writes `keys` one at a time, `gapMs` apart (150 ms after Esc) (a person's typing, which lets each key's frame be drawn).
*/
export async function typeKeys(
	app: Dockpit,
	keys: readonly string[],
	gapMs = 40,
): Promise<void> {
	for (const each of keys) {
		app.write(each);
		// A lone Esc followed too soon by a key reads as Alt and that key: give it time to be a key of its own.
		// eslint-disable-next-line no-await-in-loop
		await pause(each === '\u001B' ? Math.max(gapMs, 150) : gapMs);
	}
}

/**
Resolves once the screen has not changed for `quietMs` (at most `timeoutMs`): a frame that is done.
*/
export async function settle(
	app: Dockpit,
	quietMs = 150,
	timeoutMs = 3000,
): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	let last = app.screen();
	let since = Date.now();
	while (Date.now() < deadline) {
		// eslint-disable-next-line no-await-in-loop
		await pause(25);
		const now = app.screen();
		if (now !== last) {
			last = now;
			since = Date.now();
		} else if (Date.now() - since >= quietMs) {
			break;
		}
	}

	return last;
}

/**
A seeded generator (mulberry32), so that a failing run can be played again with the same seed.
*/
export function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

export function figure(
	name: string,
	value: number | string,
	target: string,
	pass: boolean,
) {
	return {name, value: String(value), target, pass};
}
