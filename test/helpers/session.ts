import {after, afterEach} from 'node:test';
import {createTestDocker} from './docker.js';
import {type Dockpit, key, startDockpit} from './pty.js';

export {freePort} from './net.js';

/**
The setup every end-to-end file shares: the file's own test objects on the shared engine (removed after the
file), and at most one dockpit at a time, killed after each test. Call it once at the top level of a test file.
*/
export function e2eSession() {
	const fixtures = createTestDocker();
	let running: Dockpit | undefined;

	afterEach(async () => {
		running?.kill();
		running = undefined;
	});

	after(async () => {
		running?.kill();
		await fixtures.cleanup();
	});

	return {
		fixtures,
		/**
		Starts dockpit in a pty (killed after the test).
		*/
		start(options: Parameters<typeof startDockpit>[0] = {}): Dockpit {
			running?.kill();
			running = startDockpit(options);
			return running;
		},
	};
}

/**
Opens the focused pane's filter prompt, types `text` and keeps it with Enter, each step waiting for the screen
(other people's rows on the shared engine stay out of the way of the test's own).
*/
export async function filterTo(app: Dockpit, text: string): Promise<void> {
	app.write('/');
	await app.waitFor('type to filter');
	app.write(text);
	await app.waitFor(`/ ${text}`);
	app.write(key.enter);
	await app.waitFor(`filter: ${text}`);
}

/**
Types `text` and waits until the screen shows (the end of) it, so that the next key cannot overtake it.
*/
export async function typeText(app: Dockpit, text: string): Promise<void> {
	app.write(text);
	await app.waitFor(text.slice(-20));
}

/**
A pause, for the few places that play a person's timing on purpose (keys a moment apart); never to wait for
the screen (use `waitFor`).
*/
export async function pause(ms: number): Promise<void> {
	return new Promise(resolve => {
		setTimeout(resolve, ms);
	});
}
