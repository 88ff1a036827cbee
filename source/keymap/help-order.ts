import type {PaneId} from '../state/types.js';
import type {Binding} from './keymap.js';

const paneGroups: Readonly<Record<PaneId, string | undefined>> = {
	containers: 'Containers',
	images: 'Images',
	events: undefined,
	volumes: 'Volumes',
	networks: 'Networks',
	engine: undefined,
	projects: 'Projects',
};

/**
The keymap in the order the help overlay shows it from `pane`: the general keys, what can be done in that pane,
moving and marks first; then the rest in table order.
*/
export function helpOrder(
	bindings: readonly Binding[],
	pane: PaneId,
): Binding[] {
	const first = ['General', paneGroups[pane], 'Moving', 'Marks'].filter(
		group => group !== undefined,
	);
	const rank = (binding: Binding) => {
		const index = first.indexOf(binding.group);
		return index === -1 ? first.length : index;
	};

	// `sort` is stable: within a rank the table order stays.
	return [...bindings].sort((a, b) => rank(a) - rank(b));
}
