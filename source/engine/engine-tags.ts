/**
Ids made unique across several engines at once (`multi-engine.ts`): `<id>@<n>`, n being the engine's place in
the list. Container and image ids, volume names, network ids and build cache ids get the suffix; the engine
never sees it. A volume or container name cannot contain `@`, nor can an id, so the suffix is never part of
an engine's own name.
*/

export function tagId(id: string, index: number): string {
	return `${id}@${index}`;
}

/**
The engine's place and its own id, from a tagged id (an id without a suffix is the first engine's).
*/
export function untagId(id: string): {index: number; id: string} {
	const match = /^(.*)@(\d+)$/.exec(id);
	return match ? {index: Number(match[2]), id: match[1]!} : {index: 0, id};
}

/**
Does this id carry an engine's suffix?
*/
export function isTagged(id: string): boolean {
	return /@\d+$/.test(id);
}

/**
The id or name as its engine knows it, for display: without the suffix.
*/
export function ownId(id: string): string {
	return untagId(id).id;
}
