import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import createMultiEngine from '../../source/engine/multi-engine.js';
import {createSwitchableEngine} from '../../source/engine/switchable.js';
import readOnlyEngine from '../../source/engine/read-only.js';
import type {Engine} from '../../source/engine/types.js';
import {createContextService} from '../../source/state/engine-switch.js';
import reducer from '../../source/state/reducer.js';
import {createStore} from '../../source/state/store.js';
import {initialState} from '../../source/state/types.js';
import {createShellSessions} from '../../source/shell/sessions.js';
import {createFakeEngine} from '../helpers/fake-engine.js';

/**
A fake engine that counts its `close()` calls, into `log`.
*/
function closable(name: string, log: string[]): Engine {
	return Object.assign(createFakeEngine(), {
		close() {
			log.push(`close ${name}`);
		},
	});
}

test('a context switch closes the engine left behind, after its sync stopped, and not the new one', async () => {
	const log: string[] = [];
	const before = closable('before', log);
	const after = closable('after', log);
	const switchable = createSwitchableEngine(before);
	const dockerConfig = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-switch-'));
	try {
		const service = createContextService({
			env: {DOCKER_CONFIG: dockerConfig},
			homeDir: dockerConfig,
			switchable,
			store: createStore(reducer, initialState('unix:///before.sock')),
			sessions: createShellSessions(),
			readOnly: false,
			readOnlyContexts: [],
			connect() {
				log.push('connect');
				return after;
			},
			restartSync() {
				log.push('restart sync');
			},
		});
		await service.switchTo(['default']);
		assert.deepEqual(log, ['connect', 'restart sync', 'close before']);
		assert.equal(switchable.current(), after);
	} finally {
		fs.rmSync(dockerConfig, {recursive: true, force: true});
	}
});

test('several engines close each one; a read-only engine passes close through, and an engine without close is fine', () => {
	const log: string[] = [];
	const multi = createMultiEngine([
		{name: 'one', engine: closable('one', log)},
		{name: 'two', engine: createFakeEngine()},
		{name: 'three', engine: closable('three', log)},
	]);
	readOnlyEngine(multi).close?.();
	assert.deepEqual(log, ['close one', 'close three']);
	assert.equal(readOnlyEngine(createFakeEngine()).close, undefined);
});
