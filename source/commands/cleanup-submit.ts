/**
Enter in a cleanup form (volume create, network create, connect, prune filters) and a choice in a cleanup
dialog. Every field is checked first; nothing is sent while one is wrong.
*/
import {
	parseAliases,
	validateNetworkForm,
	validatePruneFilters,
	validateVolumeForm,
} from '../forms/cleanup-forms.js';
import {ownId, untagId} from '../engine/engine-tags.js';
import {formValues} from '../forms/form-values.js';
import type {CleanupFormPurpose} from '../state/cleanup-types.js';
import type {AppState, DialogOverlay, FormOverlay} from '../state/types.js';
import {
	cleanupReason,
	performDisconnect,
	performRemoveNetwork,
	performRemoveVolume,
} from './cleanup-commands.js';
import type {CommandContext} from './context.js';
import {whileBusy} from './task.js';

export function isCleanupForm(purpose: {
	readonly form: string;
}): purpose is CleanupFormPurpose {
	return (
		purpose.form === 'volume-create' ||
		purpose.form === 'network-create' ||
		purpose.form === 'network-connect' ||
		purpose.form === 'prune-filters'
	);
}

function refused(
	{store}: CommandContext,
	form: FormOverlay,
	text: string,
): void {
	store.dispatch({type: 'ui/flash', text, level: 'error'});
	if (store.getState().ui.overlay === undefined) {
		store.dispatch({type: 'ui/overlay-open', overlay: {...form, error: text}});
	}
}

/**
A container by name, id or id prefix, among those the dashboard knows (with several engines at once: those on
`engine`, when given).
*/
function findContainer(state: AppState, text: string, engine?: string) {
	const wanted = text.trim().replace(/^\//, '');
	if (wanted === '') {
		return undefined;
	}

	const rows = [...state.containers.values()].filter(
		row => engine === undefined || row.engine === engine,
	);
	return (
		rows.find(row => row.name === wanted) ??
		(/^[\da-f]{4,64}$/.test(wanted)
			? rows.find(row => row.id.startsWith(wanted))
			: undefined)
	);
}

export async function submitCleanupForm(
	context: CommandContext,
	form: FormOverlay,
	purpose: CleanupFormPurpose,
): Promise<void> {
	const {engine, store} = context;
	const values = formValues(form.fields);
	const state = store.getState();
	switch (purpose.form) {
		case 'volume-create': {
			// A new volume goes to the first engine (several at once): its names are the ones taken.
			const result = validateVolumeForm(
				values,
				new Set(
					[...state.cleanup.volumes.keys()]
						.filter(name => untagId(name).index === 0)
						.map(name => ownId(name)),
				),
			);
			if (!result.ok) {
				store.dispatch({type: 'ui/form-errors', errors: result.errors});
				return;
			}

			store.dispatch({type: 'ui/overlay-close'});
			try {
				const made = await engine.createVolume(result.value);
				store.dispatch({
					type: 'ui/flash',
					text: `Created volume ${ownId(made.name)}`,
					level: 'success',
				});
				store.dispatch({type: 'ui/select', pane: 'volumes', key: made.name});
			} catch (error) {
				refused(
					context,
					form,
					`Could not create the volume: ${cleanupReason(error, store.getState())}`,
				);
			}

			return;
		}

		case 'network-create': {
			const result = validateNetworkForm(
				values,
				new Set(
					[...state.cleanup.networks.values()]
						.filter(each => untagId(each.id).index === 0)
						.map(each => each.name),
				),
			);
			if (!result.ok) {
				store.dispatch({type: 'ui/form-errors', errors: result.errors});
				return;
			}

			store.dispatch({type: 'ui/overlay-close'});
			try {
				const id = await engine.createNetwork(result.value);
				store.dispatch({
					type: 'ui/flash',
					text: `Created network ${result.value.name}`,
					level: 'success',
				});
				store.dispatch({type: 'ui/select', pane: 'networks', key: id});
			} catch (error) {
				refused(
					context,
					form,
					`Could not create network ${result.value.name}: ${cleanupReason(error, store.getState())}`,
				);
			}

			return;
		}

		case 'network-connect': {
			const aliases = parseAliases(
				typeof values['aliases'] === 'string' ? values['aliases'] : '',
			);
			const errors: Record<string, string> = {};
			if (!aliases.ok) {
				errors['aliases'] = aliases.error;
			}

			let container = purpose.container;
			if (!container) {
				const typed =
					typeof values['container'] === 'string' ? values['container'] : '';
				const found = findContainer(
					state,
					typed,
					purpose.network
						? state.cleanup.networks.get(purpose.network.id)?.engine
						: undefined,
				);
				if (found) {
					container = {id: found.id, name: found.name};
				} else {
					errors['container'] =
						typed.trim() === ''
							? 'which container? its name or id'
							: `no container ${typed.trim()} on this engine`;
				}
			}

			let network = purpose.network;
			if (!network) {
				const name =
					typeof values['network'] === 'string' ? values['network'] : '';
				// With several engines every one has its `bridge`: the container's engine's.
				const found = [...state.cleanup.networks.values()].find(
					each =>
						each.name === name &&
						(!container ||
							each.engine === state.containers.get(container.id)?.engine),
				);
				if (found) {
					network = {id: found.id, name: found.name};
				} else {
					errors['network'] = `no network ${name} on this engine`;
				}
			}

			if (
				Object.keys(errors).length > 0 ||
				!aliases.ok ||
				!container ||
				!network
			) {
				store.dispatch({type: 'ui/form-errors', errors});
				return;
			}

			store.dispatch({type: 'ui/overlay-close'});
			const target = {container, network};
			try {
				await whileBusy(store, [target.container.id], 'connecting', async () =>
					engine.connectNetwork(target.network.id, target.container.id, {
						aliases: aliases.value,
					}),
				);
				store.dispatch({
					type: 'ui/flash',
					text: `Connected ${target.container.name} to ${target.network.name}${aliases.value.length > 0 ? ` as ${aliases.value.join(', ')}` : ''}`,
					level: 'success',
				});
			} catch (error) {
				refused(
					context,
					form,
					`Could not connect ${target.container.name} to ${target.network.name}: ${cleanupReason(error, store.getState())}`,
				);
			}

			return;
		}

		case 'prune-filters': {
			const result = validatePruneFilters(values, Date.now());
			if (!result.ok) {
				store.dispatch({type: 'ui/form-errors', errors: result.errors});
				return;
			}

			const {prune} = purpose;
			store.dispatch({
				type: 'cleanup/prune-open',
				overlay: {
					...prune,
					options: {...prune.options, filters: result.value},
					cursor: 0,
				},
			});
		}
	}
}

/**
Esc in a cleanup form: the filters form goes back to the preview; the others just close.
*/
export function cancelCleanupForm(
	context: CommandContext,
	form: FormOverlay,
): boolean {
	if (form.purpose.form !== 'prune-filters') {
		return false;
	}

	context.store.dispatch({
		type: 'cleanup/prune-open',
		overlay: form.purpose.prune,
	});
	return true;
}

/**
A choice in a cleanup dialog (the dialog is closed already). Returns false when the dialog is not one of these.
*/
export async function chooseInCleanupDialog(
	context: CommandContext,
	dialog: DialogOverlay,
	choice: string,
): Promise<boolean> {
	const {purpose} = dialog;
	switch (purpose.type) {
		case 'remove-volume': {
			if (choice === 'remove' || choice === 'force') {
				await performRemoveVolume(context, purpose.volume, choice === 'force');
			}

			return true;
		}

		case 'remove-network': {
			if (choice === 'remove') {
				await performRemoveNetwork(context, purpose.network);
			}

			return true;
		}

		case 'network-disconnect': {
			await performDisconnect(context, dialog, choice);
			return true;
		}

		default: {
			return false;
		}
	}
}
