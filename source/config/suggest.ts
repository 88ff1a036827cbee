/**
The candidate nearest to `word` by edit distance, when it is near enough to be what was meant.
*/
export function nearest(
	word: string,
	candidates: Iterable<string>,
): string | undefined {
	let best: string | undefined;
	let bestDistance = Number.POSITIVE_INFINITY;
	const lower = word.toLowerCase();
	for (const candidate of candidates) {
		const distance = editDistance(lower, candidate.toLowerCase());
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}

	// Near enough: a third of the word may be wrong (at least 2 edits, so short typos still match).
	return best !== undefined &&
		bestDistance <= Math.max(2, Math.floor(word.length / 3))
		? best
		: undefined;
}

export function editDistance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(
				previous[j]! + 1,
				current[j - 1]! + 1,
				previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
			);
		}

		previous = current;
	}

	return previous[b.length]!;
}

/**
` (did you mean X?)` when there is a near candidate, else nothing.
*/
export function didYouMean(word: string, candidates: Iterable<string>): string {
	const near = nearest(word, candidates);
	return near === undefined ? '' : ` (did you mean ${near}?)`;
}
