import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {parseConfig} from '../../source/config/config-file.js';
import {resolveSettings} from '../../source/config/settings.js';
import {container, createFakeEngine} from '../helpers/fake-engine.js';
import {keys, renderApp, waitForFrame} from '../helpers/render.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
	for (const cleanup of cleanups) {
		cleanup();
	}

	cleanups = [];
});

const keymapOf = (text: string) =>
	resolveSettings(
		{file: 'config.yaml', config: parseConfig(text, 'config.yaml')},
		{},
		{},
	).keymap;

const db = container({id: 'd'.repeat(64), name: 'db'});

/**
Logs of db scrolled back (paused): the status line, as the keymap `config` makes it.
*/
async function pausedStatus(config?: string): Promise<string> {
	const engine = createFakeEngine({containers: [db]});
	const app = renderApp(engine, config ? {keymap: keymapOf(config)} : {});
	cleanups.push(app.cleanup);
	await waitForFrame(app.lastFrame, frame => /› db/.test(frame));
	app.stdin.write('l');
	await waitForFrame(app.lastFrame, () => engine.inspector.logs.has(db.id));
	const feed = engine.inspector.logs.get(db.id)!;
	for (let index = 1; index <= 40; index++) {
		feed.push({
			stream: 'stdout',
			data: new TextEncoder().encode(`row ${index}\n`),
		});
	}

	await waitForFrame(app.lastFrame, frame => /row 40/.test(frame));
	app.stdin.write(keys.up);
	const frame = await waitForFrame(app.lastFrame, text => /paused/.test(text));
	return /paused[^·\n]*(?:· [^·\n]*follows)?/.exec(frame)![0].trim();
}

test('Logs paused: the status line names the key that follows again, as the keymap has it', async () => {
	assert.equal(await pausedStatus(), 'paused · G follows');
	assert.equal(
		await pausedStatus('keys:\n  inspector.bottom: F\n'),
		'paused · F follows',
	);
	assert.equal(
		await pausedStatus('keys:\n  inspector.bottom: null\n'),
		'paused',
	);
});
