/**
dockpit's own commands (`:containers`, `:images`, `:events`, `:help`, `:log`, `:quit`), the docker CLI's listing
commands that are panes here (`:ps`, `:images`, `:events`), and the docker commands dockpit cannot do yet (none
now): each would say so, and what to use meanwhile.
*/
import {
	composeDescription,
	composeUsage,
	prepareCompose,
} from '../commands/compose-command.js';
import {ctxCommand} from '../commands/contexts.js';
import {fail, ok} from '../forms/result.js';
import type {Action} from '../state/actions.js';
import type {PaneId} from '../state/types.js';
import type {LineCommand} from './types.js';

function pane(
	id: PaneId,
	name: string,
	description: string,
	docker: boolean,
): LineCommand {
	return {
		name,
		usage: id === 'events' ? '' : '[FILTER]',
		description,
		docker,
		complete: [
			id === 'images' ? 'image' : id === 'containers' ? 'container' : 'none',
		],
		prepare(args) {
			const filter = args.positional.join(' ');
			if (id === 'events' && filter !== '') {
				return fail(':events takes no arguments (/ filters the pane)');
			}

			return ok(({store}) => {
				store.dispatch({type: 'ui/pane', pane: id});
				if (filter !== '') {
					store.dispatch({type: 'ui/filter-change', text: filter});
				}
			});
		},
	};
}

const dispatching =
	(action: Action): LineCommand['prepare'] & {} =>
	() =>
		ok(({store}) => {
			store.dispatch(action);
		});

export const dockpitCommands: readonly LineCommand[] = [
	pane(
		'containers',
		'containers',
		'The Containers pane (a word filters it)',
		false,
	),
	pane('images', 'images', 'The Images pane (a word filters it)', true),
	pane(
		'events',
		'events',
		'The Events pane: what the engine reports, live',
		true,
	),
	{
		name: 'ps',
		usage: '[-a]',
		description: 'The Containers pane: running ones, or all with -a',
		docker: true,
		options: [{short: 'a', long: 'all', description: 'Stopped ones too'}],
		complete: ['none'],
		prepare(args) {
			if (args.positional.length > 0) {
				return fail(':ps takes no names (/ filters the pane)');
			}

			const all = args.flags['all'] ?? false;
			return ok(({store}) => {
				store.dispatch({type: 'ui/pane', pane: 'containers'});
				if (store.getState().ui.showAll !== all) {
					store.dispatch({type: 'ui/toggle-show-all'});
				}
			});
		},
	},
	{
		name: 'ctx',
		aliases: ['context'],
		usage: '[NAME...] | use NAME',
		description:
			"Docker contexts: none lists them, NAME connects (A B: several at once), use NAME makes it the CLI's current",
		docker: false,
		complete: ['none'],
		prepare: args =>
			ok(async context => ctxCommand(context, args.positional.join(' '))),
	},
	{
		name: 'compose',
		aliases: ['projects'],
		usage: composeUsage,
		description: composeDescription,
		docker: false,
		complete: ['none'],
		// In read-only, `prepareCompose` refuses the verbs that change the engine; showing a project still works.
		prepare: (args, state) =>
			prepareCompose(args.positional, state, {
				readOnly: state.readOnly === true,
			}),
	},
	{
		name: 'log',
		usage: '',
		description: 'The command log: the docker line of everything dockpit did',
		docker: false,
		prepare: dispatching({type: 'log/open'}),
	},
	{
		name: 'help',
		usage: '',
		description: 'The keys and these commands',
		docker: false,
		prepare: dispatching({type: 'ui/help-toggle'}),
	},
	{
		name: 'quit',
		aliases: ['q', 'exit'],
		usage: '',
		description: 'Quit dockpit',
		docker: false,
		prepare: () =>
			ok(({exit}) => {
				exit();
			}),
	},
];
