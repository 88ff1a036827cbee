import {nearest} from '../flags.js';

/**
\` (did you mean X?)\` when a candidate is near \`word\` (the same nearness as for flags, \`flags.ts\`), else nothing.
*/
export function didYouMean(word: string, candidates: Iterable<string>): string {
	const near = nearest(word, [...candidates]);
	return near === undefined ? '' : ` (did you mean ${near}?)`;
}
