import {commands, type CommandContext} from '../../source/commands/index.js';
import {submitLine} from '../../source/command-line/submit.js';
import type {CommandId} from '../../source/keymap/keymap.js';
import {createShellSessions} from '../../source/shell/sessions.js';
import reducer from '../../source/state/reducer.js';
import {createStore} from '../../source/state/store.js';
import {
	type AppState,
	initialState,
	type PaneId,
} from '../../source/state/types.js';
import {container, createFakeEngine, fakeInfo, image} from './fake-engine.js';

export const web = container({id: 'a'.repeat(64), name: 'web'});
export const db = container({
	id: 'd'.repeat(64),
	name: 'db',
	state: 'exited',
	status: 'Exited (0) 1 hour ago',
});
export const busybox = image({
	id: 'sha256:' + 'b'.repeat(64),
	repoTags: ['busybox:local'],
});
export const app = image({
	id: 'sha256:' + 'e'.repeat(64),
	repoTags: ['app:v1', 'app:latest'],
	created: Date.now() - 1000,
});

const ticks = async (count = 8) => {
	for (let index = 0; index < count; index++) {
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}
};

/**
A store with two containers and two images, the commands' context on a fake engine, and a way to type a line
on the command line and see what came of it.
*/
export function setup(
	options: {readonly pane?: PaneId; readonly readOnly?: boolean} = {},
) {
	const engine = createFakeEngine({
		containers: [web, db],
		images: [busybox, app],
	});
	const store = createStore(reducer, initialState(engine.host));
	store.dispatch({type: 'connection/connected', info: fakeInfo});
	store.dispatch({
		type: 'containers/listed',
		containers: engine.containers,
		now: Date.now(),
	});
	store.dispatch({type: 'images/listed', images: engine.images});
	if (options.pane) {
		store.dispatch({type: 'ui/pane', pane: options.pane});
	}

	let exited = false;
	const context: CommandContext = {
		engine,
		store,
		sessions: createShellSessions(),
		shells: ['/bin/sh'],
		pageSize: () => 5,
		shellSize: () => ({columns: 80, rows: 10}),
		readOnly: options.readOnly ?? false,
		exit() {
			exited = true;
		},
	};
	const actions = () =>
		engine.calls
			.filter(call => !/^(?:list|ping|info|events|inspect)/.test(call.method))
			.map(call => `${call.method} ${JSON.stringify(call.args)}`);
	return {
		engine,
		store,
		context,
		actions,
		exited: () => exited,
		/**
		Opens the prompt, types `line` and presses Enter; resolves once what it started has settled.
		*/
		async type(line: string) {
			store.dispatch({type: 'cmdline/open', value: line});
			await submitLine(context, line);
			await ticks();
			return store.getState();
		},
		async press(command: CommandId) {
			await commands[command](context);
			await ticks();
			return store.getState();
		},
		log: () => (store.getState().ui.log ?? []).map(entry => entry.line),
	};
}

/**
The error shown next to the prompt, if it is still open with one.
*/
export function promptError(state: AppState): string | undefined {
	return state.ui.commandLine?.error;
}
