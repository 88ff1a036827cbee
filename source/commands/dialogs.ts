import type {KillSignal} from '../engine/types.js';
import type {Command} from './context.js';
import {performKill, performVerb} from './containers.js';
import {performRemove} from './remove-containers.js';
import {chooseContext} from './contexts.js';
import {performRemoveImage, performRemoveImages} from './images.js';
import {chooseInCleanupDialog} from './cleanup-submit.js';
import {runComposeVerb} from './projects.js';
import {choosePort} from './open-port.js';

const killSignals = new Set<string>([
	'SIGKILL',
	'SIGTERM',
	'SIGINT',
	'SIGHUP',
	'SIGUSR1',
]);

/**
Enter in a dialog: ticks the focused option, or closes the dialog and does the focused choice.
*/
export const chooseInDialog: Command = async context => {
	const {store} = context;
	const dialog = store.getState().ui.overlay;
	if (dialog?.kind !== 'dialog') {
		return;
	}

	const item = dialog.items[dialog.focus];
	if (!item) {
		return;
	}

	if (item.kind === 'toggle') {
		store.dispatch({type: 'ui/field-toggle', delta: 1});
		return;
	}

	store.dispatch({type: 'ui/overlay-close'});
	if (item.id === 'cancel') {
		return;
	}

	const ticked = (id: string) =>
		dialog.items.some(
			each => each.kind === 'toggle' && each.id === id && each.value,
		);
	if (await chooseInCleanupDialog(context, dialog, item.id)) {
		return;
	}

	const {purpose} = dialog;
	switch (purpose.type) {
		case 'containers': {
			await performVerb(context, purpose.verb, purpose.targets);
			return;
		}

		case 'kill': {
			if (killSignals.has(item.id)) {
				await performKill(context, item.id as KillSignal, purpose.targets);
			}

			return;
		}

		case 'remove-containers': {
			if (
				item.id === 'remove' ||
				item.id === 'stop-remove' ||
				item.id === 'force'
			) {
				await performRemove(
					context,
					item.id,
					ticked('volumes'),
					purpose.targets,
				);
			}

			return;
		}

		case 'remove-image': {
			await performRemoveImage(
				context,
				purpose.image,
				item.id.startsWith('untag:')
					? {untag: item.id.slice('untag:'.length)}
					: {},
			);
			return;
		}

		case 'force-remove-image': {
			await performRemoveImage(context, purpose.image, {force: true});
			return;
		}

		case 'remove-images': {
			await performRemoveImages(context, purpose.targets);
			return;
		}

		case 'context': {
			await chooseContext(context, purpose.step, item.id, purpose.names);
			break;
		}

		case 'open-port': {
			await choosePort(context, item.id);
			return;
		}

		case 'compose': {
			await runComposeVerb(
				context,
				purpose.verb,
				purpose.project,
				purpose.service,
			);
		}
	}
};
