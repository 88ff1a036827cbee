/**
The lines of the prune preview, in order: the two options that widen the prune, then each kind's heading and its
items. The cursor moves over them; Space ticks the one it is on. Pure.
*/
import {
	itemKey,
	planPrune,
	type PruneData,
	type PruneItem,
	type PruneKind,
	type PruneOptions,
	type PrunePlan,
} from './prune-plan.js';

export type PruneOption = 'allImages' | 'namedVolumes';

export type PruneRow =
	| {
			readonly type: 'option';
			readonly option: PruneOption;
			readonly label: string;
			readonly value: boolean;
			readonly danger?: boolean;
	  }
	| {
			readonly type: 'group';
			readonly kind: PruneKind;
			readonly count: number;
			readonly ticked: number;
			readonly size: number;
			readonly note?: string;
	  }
	| {
			readonly type: 'item';
			readonly item: PruneItem;
			readonly ticked: boolean;
	  };

export const kindTitles: Readonly<Record<PruneKind, string>> = {
	container: 'Stopped containers',
	image: 'Images',
	volume: 'Volumes',
	network: 'Networks',
	'build-cache': 'Build cache',
};

let lastPlan:
	| {
			data: PruneData;
			options: PruneOptions;
			unticked: ReadonlySet<string>;
			plan: PrunePlan;
	  }
	| undefined;

/**
`planPrune`, remembered for the same inputs (every key press redraws the preview).
*/
export function planFor(
	data: PruneData,
	options: PruneOptions,
	unticked: ReadonlySet<string>,
): PrunePlan {
	if (
		lastPlan?.data === data &&
		lastPlan.options === options &&
		lastPlan.unticked === unticked
	) {
		return lastPlan.plan;
	}

	const plan = planPrune(data, options, unticked);
	lastPlan = {data, options, unticked, plan};
	return plan;
}

export function pruneRows(
	plan: PrunePlan,
	options: PruneOptions,
	unticked: ReadonlySet<string>,
): PruneRow[] {
	const rows: PruneRow[] = [
		{
			type: 'option',
			option: 'allImages',
			label: 'all unused images, not only dangling ones (image prune -a)',
			value: options.allImages,
		},
		{
			type: 'option',
			option: 'namedVolumes',
			label: 'named volumes too: DATA LOSS (volume prune --all)',
			value: options.namedVolumes,
			danger: true,
		},
	];
	for (const group of plan.groups) {
		const ticked = group.items.filter(item => !unticked.has(itemKey(item)));
		rows.push({
			type: 'group',
			kind: group.kind,
			count: group.items.length,
			ticked: ticked.length,
			size: ticked.reduce((sum, item) => sum + Math.max(0, item.size), 0),
			...(group.note ? {note: group.note} : {}),
		});
		for (const item of group.items) {
			rows.push({type: 'item', item, ticked: !unticked.has(itemKey(item))});
		}
	}

	return rows;
}

/**
The overlay's rows as they are drawn now.
*/
export function rowsOf(overlay: {
	readonly data?: PruneData;
	readonly options: PruneOptions;
	readonly unticked: ReadonlySet<string>;
}): PruneRow[] {
	if (!overlay.data) {
		return [];
	}

	return pruneRows(
		planFor(overlay.data, overlay.options, overlay.unticked),
		overlay.options,
		overlay.unticked,
	);
}

/**
Space on a row: flips an option, an item, or every item of a kind (all off when all are on, else all on).
*/
export function toggleRow(
	row: PruneRow,
	options: PruneOptions,
	unticked: ReadonlySet<string>,
	plan: PrunePlan,
): {readonly options: PruneOptions; readonly unticked: ReadonlySet<string>} {
	switch (row.type) {
		case 'option': {
			return {options: {...options, [row.option]: !row.value}, unticked};
		}

		case 'item': {
			const next = new Set(unticked);
			const key = itemKey(row.item);
			if (next.has(key)) {
				next.delete(key);
			} else {
				next.add(key);
			}

			return {options, unticked: next};
		}

		case 'group': {
			const items =
				plan.groups.find(group => group.kind === row.kind)?.items ?? [];
			const next = new Set(unticked);
			const allOn = row.ticked === row.count;
			for (const item of items) {
				if (allOn) {
					next.add(itemKey(item));
				} else {
					next.delete(itemKey(item));
				}
			}

			return {options, unticked: next};
		}
	}
}
