import assert from 'node:assert/strict';
import test from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import {capNewSpace, maxNewSpace} from '../../source/launch/new-space.js';

test('the new space grows no more once at its cap, and again once V8 has shrunk it', async () => {
	v8.setFlagsFromString('--expose-gc');
	const gc = vm.runInNewContext('gc') as () => void;
	const collected = async () => {
		gc();
		// Node hands the collection's entry to observers a moment later.
		await new Promise(resolve => {
			setTimeout(resolve, 50);
		});
	};

	const flags: string[] = [];
	let size = maxNewSpace / 4;
	const stop = capNewSpace({
		setFlags(flag) {
			flags.push(flag);
		},
		newSpaceSize: () => size,
	});
	assert.deepEqual(flags, []);
	size = maxNewSpace;
	await collected();
	assert.deepEqual(flags, ['--semi-space-growth-factor=1']);
	await collected();
	assert.deepEqual(flags, ['--semi-space-growth-factor=1']);
	size = maxNewSpace / 2;
	await collected();
	assert.deepEqual(flags, [
		'--semi-space-growth-factor=1',
		'--semi-space-growth-factor=2',
	]);
	size = maxNewSpace;
	await collected();
	// Stopped while capped, it lets V8 grow it again.
	stop();
	assert.deepEqual(flags.slice(2), [
		'--semi-space-growth-factor=1',
		'--semi-space-growth-factor=2',
	]);
});

test('the cap takes effect in a running Node: V8 reads the growth factor at each growth', async () => {
	const stop = capNewSpace();
	const newSpace = () =>
		v8.getHeapSpaceStatistics().find(space => space.space_name === 'new_space')!
			.space_size;
	// Garbage that survives a scavenge or two, as a dashboard's frames make it, for about a second.
	let kept: Array<{index: number; text: string}> = [];
	for (let round = 0; round < 100; round++) {
		for (let index = 0; index < 20_000; index++) {
			kept.push({index, text: `row ${index}`});
			if (kept.length > 100_000) {
				kept = kept.slice(50_000);
			}
		}

		// The check runs after each collection, from the event loop.
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}

	stop();
	assert.ok(
		newSpace() <= maxNewSpace,
		`new space ${newSpace() / 1024} kB (without the cap: 32,768)`,
	);
});
