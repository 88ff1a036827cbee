// The fault suite, `npm run soak`: every part (test/soak/*.part.ts) on the real engine, each figure printed
// beside its target. `--short` runs the short form (what test/e2e/soak-short.test.ts runs inside `npm test`);
// naming parts (`npm run soak -- restarts fuzz`) runs only those. Exit 1 when any figure misses its target.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import type {Figure, Part} from './types.js';

const folder = path.dirname(fileURLToPath(import.meta.url));

export function partNames(): string[] {
	return fs
		.readdirSync(folder)
		.filter(name => name.endsWith('.part.ts'))
		.map(name => name.slice(0, -'.part.ts'.length))
		.sort();
}

export function ownEngine(): boolean {
	const stateDirectory =
		process.env['DOCKPIT_STATE_DIR'] ?? '/tmp/dockpit-engine';
	return fs.existsSync(path.join(stateDirectory, 'started-here'));
}

export async function runParts(
	names: readonly string[],
	short: boolean,
	log: (line: string) => void,
): Promise<Array<Figure & {readonly part: string}>> {
	const figures: Array<Figure & {readonly part: string}> = [];
	for (const name of names) {
		// eslint-disable-next-line no-await-in-loop
		const part = (await import(path.join(folder, `${name}.part.ts`))) as Part;
		log(`== ${name}: ${part.title}${short ? ' (short)' : ''}`);
		const started = Date.now();
		// eslint-disable-next-line no-await-in-loop
		const partFigures = await part.run({short, ownEngine: ownEngine(), log});
		for (const figure of partFigures) {
			log(
				`   ${figure.pass ? 'ok  ' : 'MISS'} ${figure.name}: ${figure.value} (target ${figure.target})`,
			);
			figures.push({...figure, part: name});
		}

		log(`   (${((Date.now() - started) / 1000).toFixed(1)} s)`);
	}

	return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const short = process.argv.includes('--short');
	const asked = process.argv.slice(2).filter(a => !a.startsWith('--'));
	const known = partNames();
	const unknown = asked.filter(name => !known.includes(name));
	if (unknown.length > 0) {
		console.error(
			`soak: no part ${unknown.join(', ')}; parts: ${known.join(', ')}`,
		);
		process.exit(2);
	}

	const figures = await runParts(
		asked.length > 0 ? asked : known,
		short,
		line => console.log(line),
	);
	const missed = figures.filter(figure => !figure.pass);
	console.log(
		`\n== soak: ${figures.length - missed.length}/${figures.length} figures on target`,
	);
	process.exit(missed.length > 0 ? 1 : 0);
}
