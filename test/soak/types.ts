/**
One measured figure of the fault suite, printed beside its target.
*/
export type Figure = {
	readonly name: string;
	readonly value: string;
	readonly target: string;
	readonly pass: boolean;
};

export type PartOptions = {
	/**
	The short form, run inside `npm test`: the same checks on fewer repetitions and shorter times.
	*/
	readonly short: boolean;
	/**
	Whether dockerd may be restarted and the whole engine acted on (only when test/engine-up.sh started it).
	*/
	readonly ownEngine: boolean;
	readonly log: (line: string) => void;
};

/**
A part of the fault suite: a file `test/soak/NAME.part.ts` exporting these.
*/
export type Part = {
	readonly title: string;
	readonly run: (options: PartOptions) => Promise<readonly Figure[]>;
};
