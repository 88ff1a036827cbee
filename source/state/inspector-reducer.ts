import {applyEdit} from '../forms/text-edit.js';
import {
	containerTabs,
	defaultLogView,
	imageTabs,
	type InspectorAction,
	type InspectorPane,
	type InspectorTab,
} from './inspector-types.js';
import type {AppState, UiState} from './types.js';
import {scrolledTo} from './scroll.js';

const isContainerTab = (
	tab: InspectorTab,
): tab is InspectorPane['containerTab'] =>
	(containerTabs as readonly string[]).includes(tab);

const isImageTab = (tab: InspectorTab): tab is InspectorPane['imageTab'] =>
	(imageTabs as readonly string[]).includes(tab);

export function newInspector(): InspectorPane {
	return {
		containerTab: 'logs',
		imageTab: 'layers',
		focused: false,
		logs: defaultLogView,
		scroll: 0,
		reveal: false,
	};
}

/**
The tabs the pane has for the current list: a container's, an image's, or none (Events).
*/
export function inspectorTabs(
	state: Pick<AppState, 'ui'>,
): readonly InspectorTab[] {
	return state.ui.pane === 'containers'
		? containerTabs
		: state.ui.pane === 'images'
			? imageTabs
			: [];
}

/**
The tab shown now.
*/
export function inspectorTab(
	state: Pick<AppState, 'ui'>,
): InspectorTab | undefined {
	const pane = state.ui.inspector;
	if (!pane) {
		return undefined;
	}

	return state.ui.pane === 'containers'
		? pane.containerTab
		: state.ui.pane === 'images'
			? pane.imageTab
			: undefined;
}

/**
The inspector's part of the reducer: `(ui, action) → ui`, pure.
*/
export default function reduceInspector(
	ui: UiState,
	action: InspectorAction,
): UiState {
	const pane = ui.inspector;
	const set = (next: InspectorPane): UiState => ({...ui, inspector: next});
	switch (action.type) {
		case 'inspector/open': {
			let next = pane ?? newInspector();
			const {tab} = action;
			// The tab asked for, on the list it belongs to (`i` on Images opens Config there).
			if (tab !== undefined) {
				const onImages = ui.pane === 'images';
				if (onImages && isImageTab(tab)) {
					next = {...next, imageTab: tab};
				} else if (isContainerTab(tab)) {
					next = {...next, containerTab: tab};
				} else if (isImageTab(tab)) {
					next = {...next, imageTab: tab};
				}

				next = {...next, scroll: 0};
			}

			if (action.logs) {
				// New `docker logs` options replace the old ones: no `since` in them is no `since`.
				const {since, ...rest} = next.logs;
				next = {
					...next,
					logs: {...rest, ...action.logs},
				};
			}

			return {
				...set({...next, focused: action.focus || next.focused}),
				...(action.focus ? {filtering: false} : {}),
			};
		}

		case 'inspector/close': {
			return pane ? {...ui, inspector: undefined} : ui;
		}

		case 'inspector/focus': {
			if (!pane || pane.focused === action.focused) {
				return ui;
			}

			// Keys back to the lists: the lists come back too.
			const {zoomed, prompt, ...rest} = pane;
			return action.focused
				? set({...pane, focused: true})
				: set({...rest, focused: false});
		}

		case 'inspector/tab': {
			if (!pane) {
				return ui;
			}

			if (ui.pane === 'containers') {
				const index = containerTabs.indexOf(pane.containerTab);
				const tab =
					containerTabs[
						(index + action.delta + containerTabs.length) % containerTabs.length
					]!;
				return set({...pane, containerTab: tab, scroll: 0});
			}

			if (ui.pane === 'images') {
				const index = imageTabs.indexOf(pane.imageTab);
				const tab =
					imageTabs[
						(index + action.delta + imageTabs.length) % imageTabs.length
					]!;
				return set({...pane, imageTab: tab, scroll: 0});
			}

			return ui;
		}

		case 'inspector/zoom': {
			if (!pane) {
				return ui;
			}

			return pane.zoomed
				? set({...pane, zoomed: false})
				: set({...pane, zoomed: true, focused: true});
		}

		case 'inspector/scroll': {
			if (!pane) {
				return ui;
			}

			const scroll = scrolledTo(pane.scroll, action.to, 1e9);
			return set({...pane, scroll});
		}

		case 'inspector/logs-at': {
			if (!pane) {
				return ui;
			}

			const {bottom, match, ...logs} = pane.logs;
			return set({
				...pane,
				logs: {
					...logs,
					...(action.bottom === undefined ? {} : {bottom: action.bottom}),
					...(action.match === undefined ? {} : {match: action.match}),
				},
			});
		}

		case 'inspector/toggle': {
			if (!pane) {
				return ui;
			}

			if (action.flag === 'reveal') {
				return set({...pane, reveal: !pane.reveal});
			}

			return set({
				...pane,
				logs: {
					...pane.logs,
					[action.flag]: !pane.logs[action.flag],
					column: 0,
				},
			});
		}

		case 'inspector/sideways': {
			if (!pane || pane.logs.wrap) {
				return ui;
			}

			return set({
				...pane,
				logs: {
					...pane.logs,
					column: Math.max(0, pane.logs.column + action.delta),
				},
			});
		}

		case 'inspector/context': {
			if (!pane) {
				return ui;
			}

			return set({
				...pane,
				logs: {
					...pane.logs,
					context: Math.max(0, Math.min(50, pane.logs.context + action.delta)),
				},
			});
		}

		case 'inspector/prompt-open': {
			if (!pane) {
				return ui;
			}

			const current =
				action.kind === 'search' ? pane.logs.search : pane.logs.filter;
			const value = current?.text ?? '';
			return set({
				...pane,
				focused: true,
				prompt: {
					kind: action.kind,
					value,
					cursor: value.length,
					regex: current?.regex ?? false,
				},
			});
		}

		case 'inspector/prompt-edit': {
			if (!pane?.prompt) {
				return ui;
			}

			const edited = applyEdit(
				{
					value: pane.prompt.value,
					cursor: pane.prompt.cursor,
					...(ui.killed === undefined ? {} : {killed: ui.killed}),
				},
				action.edit,
			);
			return {
				...set({
					...pane,
					prompt: {
						...pane.prompt,
						value: edited.value,
						cursor: edited.cursor,
					},
				}),
				...(edited.killed === undefined ? {} : {killed: edited.killed}),
			};
		}

		case 'inspector/prompt-regex': {
			if (!pane?.prompt) {
				return ui;
			}

			return set({
				...pane,
				prompt: {...pane.prompt, regex: !pane.prompt.regex},
			});
		}

		case 'inspector/prompt-close': {
			if (!pane?.prompt) {
				return ui;
			}

			const {prompt, ...rest} = pane;
			if (!action.apply) {
				return set(rest);
			}

			const query =
				prompt.value === ''
					? undefined
					: {text: prompt.value, regex: prompt.regex};
			const {search, filter, match, ...logs} = rest.logs;
			return set({
				...rest,
				logs: {
					...logs,
					...(prompt.kind === 'search'
						? {
								...(query ? {search: query} : {}),
								...(filter ? {filter} : {}),
							}
						: {
								...(search ? {search} : {}),
								...(query ? {filter: query} : {}),
							}),
				},
			});
		}
	}
}
