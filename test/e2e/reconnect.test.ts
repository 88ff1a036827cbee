import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {
	createTestDocker,
	engineIsOurs,
	stopOwnEngine,
} from '../helpers/docker.js';
import {type Dockpit, startDockpit} from '../helpers/pty.js';

const fixtures = createTestDocker();
let running: Dockpit | undefined;

after(async () => {
	running?.kill();
	await fixtures.cleanup();
});

test(
	'the daemon restarts: the header says reconnecting, then the lists are fresh and live again',
	{
		skip: engineIsOurs
			? false
			: 'needs the engine that test/engine-up.sh started (it restarts the whole daemon); the suite does not stop an engine it shares',
	},
	async () => {
		running = startDockpit();
		const app = running;
		await app.waitFor('● live');
		const before = await fixtures.container({hint: 'before'});
		await app.waitFor(before.name, 3000);

		const start = await stopOwnEngine();
		const down = await app.waitFor('reconnecting', 15_000);
		assert.match(down, /⟳ reconnecting in \d+s/);
		assert.ok(
			down.includes(before.name),
			'the last known lists stay on screen while the engine is away',
		);

		await start();
		// The daemon stopped the container on its way down (no restart policy): the re-list must say so.
		await app.waitFor(
			screen =>
				screen.includes('● live') &&
				new RegExp(`${before.name} .*exited`).test(screen),
			30_000,
		);

		// And the event stream is followed again: a new container shows up by itself.
		const afterRestart = await fixtures.container({hint: 'after'});
		await app.waitFor(afterRestart.name, 5000);
	},
);
