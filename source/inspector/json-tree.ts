/**
The Config tab's document as foldable lines: the inspect JSON pretty-printed (two spaces, as `docker inspect`),
where each object or array can be folded to one line (`{…} 12 keys`). Nodes are named by JSON Pointer paths
(`/State/Health/Log/0`, `/NetworkSettings/Ports/80~1tcp`), so folds and the cursor survive a re-fetch and apply
to any container's document alike. Pure.
*/
import sanitize from '../format/printable.js';

export type JsonLine = {
	/**
	The node's path; `''` is the whole document.
	*/
	readonly path: string;
	/**
	The line's id: the path, with `#end` for the line that closes an object or array.
	*/
	readonly id: string;
	readonly depth: number;
	/**
	The key in its parent object (absent in arrays and at the top).
	*/
	readonly key?: string;
	/**
	`open` starts an object or array (folded: the whole of it), `close` ends one, `value` is anything else
	(scalars, and empty objects and arrays).
	*/
	readonly kind: 'open' | 'close' | 'value';
	readonly brackets?: '{}' | '[]';
	readonly folded?: boolean;
	/**
	Keys or items in the node (open lines).
	*/
	readonly size?: number;
	readonly value?: unknown;
	/**
	The last in its parent: no comma after it.
	*/
	readonly last: boolean;
};

const escapeKey = (key: string) =>
	key.replaceAll('~', '~0').replaceAll('/', '~1');

const unescapeKey = (part: string) =>
	part.replaceAll('~1', '/').replaceAll('~0', '~');

export const childPath = (path: string, key: string | number) =>
	`${path}/${typeof key === 'number' ? String(key) : escapeKey(key)}`;

const isContainer = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null;

const entriesOf = (value: Record<string, unknown> | unknown[]) =>
	Array.isArray(value)
		? value.map((item, index) => [index, item] as const)
		: Object.entries(value);

/**
The document's lines with the nodes in `folded` shown as one line each.
*/
export function jsonLines(
	document: unknown,
	folded: ReadonlySet<string> = new Set(),
): JsonLine[] {
	const lines: JsonLine[] = [];
	const walk = (
		value: unknown,
		path: string,
		depth: number,
		key: string | undefined,
		last: boolean,
	) => {
		const named = key === undefined ? {} : {key};
		if (!isContainer(value)) {
			lines.push({path, id: path, depth, ...named, kind: 'value', value, last});
			return;
		}

		const entries = entriesOf(value as Record<string, unknown>);
		const brackets = Array.isArray(value) ? '[]' : '{}';
		if (entries.length === 0) {
			lines.push({path, id: path, depth, ...named, kind: 'value', value, last});
			return;
		}

		const isFolded = folded.has(path);
		lines.push({
			path,
			id: path,
			depth,
			...named,
			kind: 'open',
			brackets,
			folded: isFolded,
			size: entries.length,
			value,
			last,
		});
		if (isFolded) {
			return;
		}

		for (const [index, [childKey, child]] of entries.entries()) {
			walk(
				child,
				childPath(path, childKey),
				depth + 1,
				typeof childKey === 'number' ? undefined : childKey,
				index === entries.length - 1,
			);
		}

		lines.push({path, id: `${path}#end`, depth, kind: 'close', brackets, last});
	};

	walk(document, '', 0, undefined, true);
	return lines;
}

/**
A line as `docker inspect` would print it, in parts: the indent, the key (`"Name": `, empty in arrays), the rest
with its comma; a folded node as `{…}` with a note of its size.
*/
export function lineParts(line: JsonLine): {
	readonly indent: string;
	readonly key: string;
	readonly body: string;
	readonly note?: string;
} {
	const indent = '  '.repeat(line.depth);
	const key = line.key === undefined ? '' : `${JSON.stringify(line.key)}: `;
	const comma = line.last ? '' : ',';
	switch (line.kind) {
		case 'open': {
			if (line.folded) {
				const count = line.size ?? 0;
				const what =
					line.brackets === '[]'
						? `${count} item${count === 1 ? '' : 's'}`
						: `${count} key${count === 1 ? '' : 's'}`;
				return {
					indent,
					key,
					body: `${line.brackets === '[]' ? '[…]' : '{…}'}${comma}`,
					note: `  ${what}`,
				};
			}

			return {indent, key, body: line.brackets![0]!};
		}

		case 'close': {
			return {indent, key: '', body: `${line.brackets![1]!}${comma}`};
		}

		case 'value': {
			return {indent, key, body: `${JSON.stringify(line.value)}${comma}`};
		}
	}
}

/**
The line's text as shown and searched: key and value (`"Name": "/web",`) made printable, without the indent.
*/
export function lineText(line: JsonLine): string {
	const {key, body} = lineParts(line);
	return sanitize(key) + sanitize(body);
}

/**
The paths of the nodes that hold `path`, outermost first (not `path` itself).
*/
export function ancestors(path: string): string[] {
	const parts = path.split('/').slice(1);
	const result: string[] = [''];
	for (let index = 1; index < parts.length; index++) {
		result.push(`/${parts.slice(0, index).join('/')}`);
	}

	return path === '' ? [] : result;
}

/**
The value at `path`, or undefined when the document has nothing there.
*/
export function valueAt(document: unknown, path: string): unknown {
	if (path === '') {
		return document;
	}

	let node: unknown = document;
	for (const part of path.split('/').slice(1)) {
		if (!isContainer(node)) {
			return undefined;
		}

		const key = unescapeKey(part);
		node = Array.isArray(node) ? node[Number(key)] : node[key];
	}

	return node;
}

/**
Every object and array in the document below the top, by path: what "fold all" folds.
*/
export function nodePaths(document: unknown): string[] {
	return jsonLines(document)
		.filter(line => line.kind === 'open' && line.path !== '')
		.map(line => line.path);
}

/**
What `y` copies of a value: a string as it is, anything else as JSON (objects and arrays pretty-printed).
*/
export function copyText(value: unknown): string {
	if (typeof value === 'string') {
		return value;
	}

	return JSON.stringify(value, undefined, isContainer(value) ? 2 : 0) ?? '';
}
