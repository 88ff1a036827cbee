// The fault suite's short form inside `npm test`: every part of test/soak (test/soak/run.ts), each figure a
// subtest that fails when the figure misses its target. The whole of it runs in about three minutes, so
// test/run.mjs gives this file a longer timeout than the others.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {partNames, runParts} from '../soak/run.js';

test(
	'the fault suite, short form: every figure on its target',
	{timeout: 360_000},
	async t => {
		const figures = await runParts(partNames(), true, line => {
			t.diagnostic(line);
		});
		assert.ok(figures.length > 0, 'the suite measured nothing');
		for (const figure of figures) {
			// eslint-disable-next-line no-await-in-loop
			await t.test(`${figure.part}: ${figure.name}`, () => {
				assert.ok(figure.pass, `${figure.value} (target ${figure.target})`);
			});
		}
	},
);
