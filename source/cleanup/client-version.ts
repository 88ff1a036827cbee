/**
dockpit's own version, from its package.json (found by walking up from this file, which sits at a different
depth in `source/` and in `dist/`).
*/
import fs from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

let cached: string | undefined;

export default function clientVersion(): string {
	if (cached !== undefined) {
		return cached;
	}

	cached = 'unknown';
	let folder = path.dirname(fileURLToPath(import.meta.url));
	for (let depth = 0; depth < 6; depth++) {
		try {
			const manifest = JSON.parse(
				fs.readFileSync(path.join(folder, 'package.json'), 'utf8'),
			) as {name?: unknown; version?: unknown};
			if (manifest.name === 'dockpit' && typeof manifest.version === 'string') {
				cached = manifest.version;
				break;
			}
		} catch {}

		folder = path.dirname(folder);
	}

	return cached;
}
