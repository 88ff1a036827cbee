/**
Writes the keys table into readme.md between the markers, from the keymap (`npm run docs:keys`). With `--check`
it only says whether the readme is current. The result is formatted with prettier, as `prettier --check` wants.
*/
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import prettier from 'prettier';
import {keysMarkdown, replaceKeysBlock} from '../../source/keymap/docs.js';

export const readmePath = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'..',
	'..',
	'readme.md',
);

/**
The readme as it should be: the current one with a fresh keys table, formatted.
*/
export async function expectedReadme(readme: string): Promise<string> {
	const options = (await prettier.resolveConfig(readmePath)) ?? {};
	return prettier.format(replaceKeysBlock(readme, keysMarkdown()), {
		...options,
		filepath: readmePath,
	});
}

if (
	process.argv[1] &&
	fileURLToPath(import.meta.url) === path.resolve(process.argv[1])
) {
	const readme = fs.readFileSync(readmePath, 'utf8');
	const updated = await expectedReadme(readme);
	if (process.argv.includes('--check')) {
		if (updated !== readme) {
			process.stderr.write(
				'readme.md keys table is stale: run npm run docs:keys\n',
			);
			process.exit(1);
		}
	} else if (updated === readme) {
		process.stdout.write('readme.md: keys table already current\n');
	} else {
		fs.writeFileSync(readmePath, updated);
		process.stdout.write('readme.md: keys table updated\n');
	}
}
