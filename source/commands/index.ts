import type {Command} from './context.js';
import {containerVerb, killContainers} from './containers.js';
import {chooseInDialog} from './dialogs.js';
import {openContexts} from './contexts.js';
import {
	commitContainer,
	runFromContainer,
	runFromImage,
	tagImage,
} from './open-forms.js';
import {removeImages} from './images.js';
import {removeContainers} from './remove-containers.js';
import {submitForm} from './submit-form.js';
import {completeFocusedPath} from './complete-path.js';
import {lineCommands} from './line-commands.js';
import {transferCommands} from './transfer-commands.js';
import {cleanupCommands, openCleanupDetails} from './cleanup-commands.js';
import {cancelCleanupForm} from './cleanup-submit.js';
import {inspectorCommands} from './inspector.js';
import {openPort} from './open-port.js';
import {configTab} from './config-tab.js';
import {projectCommands} from './project-commands.js';
import {projectsEnter} from './projects.js';
import type {CommandId} from '../keymap/keymap.js';
import {
	answerReplace,
	closeShell,
	focusShell,
	leaveShell,
	openForSelected,
	zoomShell,
} from './shell.js';
import {selectedKey} from '../state/selectors.js';
import {isMarkable, type MarkablePane} from '../state/types.js';
import {needsRow} from './targets.js';
import {showDetails} from './details.js';

export type {Command, CommandContext} from './context.js';

const move =
	(to: number | 'top' | 'bottom'): Command =>
	({store}) => {
		store.dispatch({type: 'ui/move', to});
	};

const page =
	(direction: 1 | -1): Command =>
	({store, pageSize}) => {
		store.dispatch({
			type: 'ui/move',
			to: direction * Math.max(1, pageSize() - 1),
		});
	};

const scrollOverlay =
	(to: number | 'top' | 'bottom'): Command =>
	({store}) => {
		store.dispatch({type: 'ui/overlay-scroll', to});
	};

const pageOverlay =
	(direction: 1 | -1): Command =>
	({store, pageSize}) => {
		store.dispatch({
			type: 'ui/overlay-scroll',
			to: direction * Math.max(1, pageSize() - 1),
		});
	};

const quit: Command = ({exit}) => {
	exit();
};

/**
Opens the details overlay on the selected row and loads what it shows.
*/
const openDetails: Command = async context => {
	const {store} = context;
	const state = store.getState();
	const {pane: focused} = state.ui;
	let key = selectedKey(state, focused);
	if (key === undefined) {
		return;
	}

	// Projects: a container row's details; a project or service row folds.
	if (focused === 'projects') {
		if (projectsEnter(context) === 'done') {
			return;
		}

		key = key.replace(/^c:/, '');
	}

	const pane = focused === 'projects' ? 'containers' : focused;

	if (pane === 'volumes' || pane === 'networks' || pane === 'engine') {
		await openCleanupDetails(context, pane, key);
		return;
	}

	await showDetails(context, pane, key);
};

/**
One handler per command of the keymap.
*/
export const commands: Record<CommandId, Command> = {
	'app.help'({store}) {
		store.dispatch({type: 'ui/help-toggle'});
	},
	'app.quit': quit,
	'app.contexts': openContexts,
	'app.force-quit': quit,
	'pane.containers'({store}) {
		store.dispatch({type: 'ui/pane', pane: 'containers'});
	},
	'pane.images'({store}) {
		store.dispatch({type: 'ui/pane', pane: 'images'});
	},
	'pane.events'({store}) {
		store.dispatch({type: 'ui/pane', pane: 'events'});
	},
	'pane.projects'({store}) {
		store.dispatch({type: 'ui/pane', pane: 'projects'});
	},
	'pane.next'({store}) {
		store.dispatch({type: 'ui/cycle-pane', delta: 1});
	},
	'pane.previous'({store}) {
		store.dispatch({type: 'ui/cycle-pane', delta: -1});
	},
	'list.down': move(1),
	'list.up': move(-1),
	'list.top': move('top'),
	'list.bottom': move('bottom'),
	'list.page-down': page(1),
	'list.page-up': page(-1),
	'list.filter'({store}) {
		store.dispatch({type: 'ui/filter-open'});
	},
	'list.details': openDetails,
	'containers.toggle-all'({store}) {
		store.dispatch({type: 'ui/toggle-show-all'});
		const {showAll} = store.getState().ui;
		store.dispatch({
			type: 'ui/flash',
			text: showAll
				? 'Showing all containers'
				: 'Showing running containers only',
			level: 'info',
		});
	},
	'containers.open-port': openPort,
	'inspector.open-port': openPort,
	'containers.stats-columns'({store}) {
		store.dispatch({type: 'ui/toggle-stats-columns'});
		store.dispatch({
			type: 'ui/flash',
			text: store.getState().ui.statsColumns
				? 'CPU and MEM: a stats stream per running row on screen'
				: 'CPU and MEM off: their stats streams closed',
			level: 'info',
		});
	},
	'container.shell': openForSelected('exec'),
	'container.attach': openForSelected('attach'),
	'shell.focus': focusShell,
	'shell.zoom': zoomShell,
	'shell.close': closeShell,
	'shell.leave': leaveShell,
	async 'shell.replace'(context) {
		await answerReplace(context, true);
	},
	async 'shell.keep'(context) {
		await answerReplace(context, false);
	},
	'filter.apply'({store}) {
		store.dispatch({type: 'ui/filter-close', clear: false});
	},
	'filter.clear'({store}) {
		store.dispatch({type: 'ui/filter-close', clear: true});
	},
	'details.close'({store}) {
		store.dispatch({type: 'ui/overlay-close'});
	},
	'details.down': scrollOverlay(1),
	'details.up': scrollOverlay(-1),
	'details.page-down': pageOverlay(1),
	'details.page-up': pageOverlay(-1),
	'details.top': scrollOverlay('top'),
	'details.bottom': scrollOverlay('bottom'),
	'details.reveal'({store}) {
		store.dispatch({type: 'ui/details-toggle', option: 'reveal'});
	},
	'details.wrap'({store}) {
		store.dispatch({type: 'ui/details-toggle', option: 'wrap'});
	},
	'help.close'({store}) {
		store.dispatch({type: 'ui/overlay-close'});
	},
	'help.down': scrollOverlay(1),
	'help.up': scrollOverlay(-1),
	'list.sort-next'({store}) {
		store.dispatch({type: 'ui/sort', step: 1});
	},
	'list.sort-previous'({store}) {
		store.dispatch({type: 'ui/sort', step: -1});
	},
	'list.sort-reverse'({store}) {
		store.dispatch({type: 'ui/sort', step: 0});
	},
	'list.mark'({store}) {
		store.dispatch({type: 'ui/mark-toggle'});
	},
	'list.clear-marks'({store}) {
		const {pane} = store.getState().ui;
		if (isMarkable(pane)) {
			store.dispatch({type: 'ui/marks-clear', pane});
		}
	},
	'containers.start': containerVerb('start'),
	'containers.stop': containerVerb('stop'),
	'containers.restart': containerVerb('restart'),
	'containers.pause': containerVerb('pause-toggle'),
	'containers.kill': killContainers,
	'containers.commit': commitContainer,
	'containers.remove': removeContainers,
	'containers.run': runFromContainer,
	'images.run': runFromImage,
	'images.tag': tagImage,
	'images.remove': removeImages,
	'form.next'({store}) {
		store.dispatch({type: 'ui/focus-move', delta: 1});
	},
	'form.complete'({store}) {
		if (!completeFocusedPath(store)) {
			store.dispatch({type: 'ui/focus-move', delta: 1});
		}
	},
	'form.previous'({store}) {
		store.dispatch({type: 'ui/focus-move', delta: -1});
	},
	'form.toggle'({store}) {
		store.dispatch({type: 'ui/field-toggle', delta: 1});
	},
	'form.toggle-back'({store}) {
		store.dispatch({type: 'ui/field-toggle', delta: -1});
	},
	'form.submit': submitForm,
	'form.cancel'(context) {
		const {overlay} = context.store.getState().ui;
		if (overlay?.kind === 'form' && cancelCleanupForm(context, overlay)) {
			return;
		}

		context.store.dispatch({type: 'ui/overlay-close'});
	},
	'dialog.next'({store}) {
		store.dispatch({type: 'ui/focus-move', delta: 1});
	},
	'dialog.previous'({store}) {
		store.dispatch({type: 'ui/focus-move', delta: -1});
	},
	'dialog.toggle'({store}) {
		store.dispatch({type: 'ui/field-toggle', delta: 1});
	},
	'dialog.choose': chooseInDialog,
	'dialog.cancel'({store}) {
		store.dispatch({type: 'ui/overlay-close'});
	},
	...transferCommands,
	...cleanupCommands,
	...inspectorCommands,
	...configTab(inspectorCommands),
	...lineCommands,
	...projectCommands,
};

// The keys that act on the selected (or marked) row say so when there is none, instead of doing nothing.
const rowCommands: ReadonlyArray<[CommandId, MarkablePane, string]> = [
	['list.details', 'containers', 'show'],
	['list.details', 'images', 'show'],
	['containers.start', 'containers', 'start'],
	['containers.stop', 'containers', 'stop'],
	['containers.restart', 'containers', 'restart'],
	['containers.pause', 'containers', 'pause or unpause'],
	['containers.kill', 'containers', 'kill'],
	['containers.commit', 'containers', 'commit'],
	['containers.remove', 'containers', 'remove'],
	['containers.run', 'containers', 'run from'],
	['containers.export', 'containers', 'export'],
	['containers.files', 'containers', 'browse'],
	['containers.connect', 'containers', 'connect'],
	['containers.disconnect', 'containers', 'disconnect'],
	['container.shell', 'containers', 'open a shell in'],
	['container.attach', 'containers', 'attach to'],
	['images.run', 'images', 'run'],
	['images.tag', 'images', 'tag'],
	['images.remove', 'images', 'remove'],
	['images.push', 'images', 'push'],
	['images.save', 'images', 'save'],
];
for (const [id, pane, doing] of rowCommands) {
	commands[id] = needsRow(pane, doing, commands[id]);
}
