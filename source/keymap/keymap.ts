/**
THE keymap: every key dockpit answers to, in one table. It drives the input handling (`ui/hooks/use-keymap.ts`),
the footer hints, the `?` help overlay and the readme's keys table (`npm run docs:keys`; a test fails when the
readme drifts). A command without a handler in `commands/index.ts` is a compile error, and every binding must say
what it does.
*/

/**
Where a binding applies. `global` works wherever no overlay or prompt is open; `always` works even then
(Ctrl-C). `list` applies to whichever of the three panes is focused. `shell` is while the shell pane has the keys
(they all go to the container; its bindings are handled by the pane itself and listed here for the footer and
help); `shell-pane` is the dashboard while a shell pane is open, `shell-live` while its session still runs;
`shell-replace` is the replace-it? question.
*/
export type Scope =
	| 'always'
	| 'global'
	| 'list'
	| 'containers'
	| 'images'
	| 'events'
	| 'filter'
	| 'help'
	| 'details'
	| 'form'
	| 'dialog'
	| 'shell'
	| 'shell-pane'
	| 'shell-live'
	| 'shell-replace'
	| 'transfer'
	| 'files'
	| 'search'
	| 'command'
	| 'log';

export type Binding = {
	readonly command: string;
	/**
	Key names as `keyName()` in `match.ts` spells them: `j`, `G`, `down`, `enter`, `ctrl+c`, `shift+tab`, `space`.
	*/
	readonly keys: readonly string[];
	readonly scope: Scope;
	/**
	Heading in the help overlay and the readme.
	*/
	readonly group: string;
	readonly description: string;
	/**
	A word for the footer's hint line; bindings without one are only in the help overlay.
	*/
	readonly hint?: string;
	/**
	Changes something on the engine; disabled by `--read-only`.
	@default false
	*/
	readonly mutating?: boolean;
};

export const keymap = [
	{
		command: 'app.help',
		keys: ['?'],
		scope: 'global',
		group: 'General',
		description: 'Toggle this help',
		hint: 'help',
	},
	{
		command: 'app.quit',
		keys: ['q'],
		scope: 'global',
		group: 'General',
		description: 'Quit',
	},
	{
		command: 'app.command-line',
		keys: [':'],
		scope: 'global',
		group: 'General',
		description:
			"Command line: docker's commands by name (:stop web, :run …, :log)",
		hint: 'command',
	},
	{
		command: 'app.force-quit',
		keys: ['ctrl+c'],
		scope: 'always',
		group: 'General',
		description:
			'Quit from anywhere but the focused shell pane, where Ctrl-C goes to the container',
	},
	{
		command: 'pane.containers',
		keys: ['1'],
		scope: 'global',
		group: 'Panes',
		description: 'Show Containers',
	},
	{
		command: 'pane.images',
		keys: ['2'],
		scope: 'global',
		group: 'Panes',
		description: 'Show Images',
	},
	{
		command: 'pane.events',
		keys: ['3'],
		scope: 'global',
		group: 'Panes',
		description: 'Show Events',
	},
	{
		command: 'app.contexts',
		keys: ['0'],
		scope: 'global',
		group: 'Panes',
		description:
			'Docker contexts (and DOCKER_HOST): Enter connects to one (also :ctx)',
	},
	{
		command: 'pane.next',
		keys: ['tab'],
		scope: 'global',
		group: 'Panes',
		description: 'Next pane',
	},
	{
		command: 'pane.previous',
		keys: ['shift+tab'],
		scope: 'global',
		group: 'Panes',
		description: 'Previous pane',
	},
	{
		command: 'list.down',
		keys: ['j', 'down'],
		scope: 'list',
		group: 'Moving',
		description: 'Down one row',
	},
	{
		command: 'list.up',
		keys: ['k', 'up'],
		scope: 'list',
		group: 'Moving',
		description: 'Up one row',
	},
	{
		command: 'list.top',
		keys: ['g', 'home'],
		scope: 'list',
		group: 'Moving',
		description: 'First row',
	},
	{
		command: 'list.bottom',
		keys: ['G', 'end'],
		scope: 'list',
		group: 'Moving',
		description: 'Last row',
	},
	{
		command: 'list.page-down',
		keys: ['pagedown', 'ctrl+d'],
		scope: 'list',
		group: 'Moving',
		description: 'Down one page',
	},
	{
		command: 'list.page-up',
		keys: ['pageup', 'ctrl+u'],
		scope: 'list',
		group: 'Moving',
		description: 'Up one page',
	},
	{
		command: 'list.filter',
		keys: ['/'],
		scope: 'list',
		group: 'Moving',
		description: 'Filter this pane',
		hint: 'filter',
	},
	{
		command: 'list.details',
		keys: ['enter'],
		scope: 'list',
		group: 'Moving',
		description: 'Details of the selected row',
	},
	{
		command: 'containers.toggle-all',
		keys: ['a'],
		scope: 'containers',
		group: 'Containers',
		description: 'Show or hide stopped containers',
	},
	{
		command: 'list.mark',
		keys: ['space'],
		scope: 'list',
		group: 'Marks',
		description: 'Mark or unmark the row',
	},
	{
		command: 'list.clear-marks',
		keys: ['escape'],
		scope: 'list',
		group: 'Marks',
		description: 'Unmark all rows of this pane',
	},
	{
		command: 'containers.start',
		keys: ['S'],
		scope: 'containers',
		group: 'Containers',
		description: 'Start',
		mutating: true,
	},
	{
		command: 'containers.stop',
		keys: ['s'],
		scope: 'containers',
		group: 'Containers',
		description: 'Stop gracefully',
		hint: 'stop',
		mutating: true,
	},
	{
		command: 'containers.restart',
		keys: ['R'],
		scope: 'containers',
		group: 'Containers',
		description: 'Restart',
		mutating: true,
	},
	{
		command: 'containers.kill',
		keys: ['K'],
		scope: 'containers',
		group: 'Containers',
		description: 'Kill (choose a signal)',
		mutating: true,
	},
	{
		command: 'containers.pause',
		keys: ['p'],
		scope: 'containers',
		group: 'Containers',
		description: 'Pause or unpause',
		mutating: true,
	},
	{
		command: 'containers.commit',
		keys: ['c'],
		scope: 'containers',
		group: 'Containers',
		description: 'Commit as a new image',
		hint: 'commit',
		mutating: true,
	},
	{
		command: 'containers.remove',
		keys: ['d'],
		scope: 'containers',
		group: 'Containers',
		description: 'Remove (asks first)',
		hint: 'rm',
		mutating: true,
	},
	{
		command: 'containers.run',
		keys: ['r'],
		scope: 'containers',
		group: 'Containers',
		description: 'Run a new one from its image',
		hint: 'run',
		mutating: true,
	},
	{
		command: 'images.run',
		keys: ['r'],
		scope: 'images',
		group: 'Images',
		description: 'Run a container from this image',
		hint: 'run',
		mutating: true,
	},
	{
		command: 'images.tag',
		keys: ['t'],
		scope: 'images',
		group: 'Images',
		description: 'Tag the image',
		hint: 'tag',
		mutating: true,
	},
	{
		command: 'images.remove',
		keys: ['d'],
		scope: 'images',
		group: 'Images',
		description: 'Remove or untag (asks first)',
		hint: 'rmi',
		mutating: true,
	},
	{
		command: 'filter.apply',
		keys: ['enter'],
		scope: 'filter',
		group: 'Filter prompt',
		description: 'Keep the filter',
	},
	{
		command: 'filter.clear',
		keys: ['escape'],
		scope: 'filter',
		group: 'Filter prompt',
		description: 'Clear the filter',
	},
	{
		command: 'details.close',
		keys: ['escape', 'q', 'enter'],
		scope: 'details',
		group: 'Details',
		description: 'Close details',
	},
	{
		command: 'details.down',
		keys: ['j', 'down'],
		scope: 'details',
		group: 'Details',
		description: 'Scroll down',
	},
	{
		command: 'details.up',
		keys: ['k', 'up'],
		scope: 'details',
		group: 'Details',
		description: 'Scroll up',
	},
	{
		command: 'details.page-down',
		keys: ['pagedown', 'space'],
		scope: 'details',
		group: 'Details',
		description: 'Scroll down a page',
	},
	{
		command: 'details.page-up',
		keys: ['pageup'],
		scope: 'details',
		group: 'Details',
		description: 'Scroll up a page',
	},
	{
		command: 'details.top',
		keys: ['g'],
		scope: 'details',
		group: 'Details',
		description: 'Scroll to the top',
	},
	{
		command: 'details.bottom',
		keys: ['G'],
		scope: 'details',
		group: 'Details',
		description: 'Scroll to the bottom',
	},
	{
		command: 'details.reveal',
		keys: ['v'],
		scope: 'details',
		group: 'Details',
		description: 'Show or hide values that look secret (passwords, tokens)',
	},
	{
		command: 'details.wrap',
		keys: ['w'],
		scope: 'details',
		group: 'Details',
		description: 'Wrap long values, or cut them at the edge',
	},
	{
		command: 'help.close',
		keys: ['escape', '?', 'q'],
		scope: 'help',
		group: 'Help',
		description: 'Close help',
	},
	{
		command: 'help.down',
		keys: ['j', 'down'],
		scope: 'help',
		group: 'Help',
		description: 'Scroll help down',
	},
	{
		command: 'help.up',
		keys: ['k', 'up'],
		scope: 'help',
		group: 'Help',
		description: 'Scroll help up',
	},
	{
		command: 'form.next',
		keys: ['tab', 'down'],
		scope: 'form',
		group: 'Forms',
		description: 'Next field',
		hint: 'next',
	},
	{
		command: 'form.previous',
		keys: ['shift+tab', 'up'],
		scope: 'form',
		group: 'Forms',
		description: 'Previous field',
	},
	{
		command: 'form.toggle',
		keys: ['space', 'right'],
		scope: 'form',
		group: 'Forms',
		description: 'Tick, or the next choice',
		hint: 'tick',
	},
	{
		command: 'form.toggle-back',
		keys: ['left'],
		scope: 'form',
		group: 'Forms',
		description: 'The previous choice',
	},
	{
		command: 'form.submit',
		keys: ['enter'],
		scope: 'form',
		group: 'Forms',
		description: 'Check the form and send it',
		hint: 'submit',
		mutating: true,
	},
	{
		command: 'form.cancel',
		keys: ['escape'],
		scope: 'form',
		group: 'Forms',
		description: 'Cancel, changing nothing',
		hint: 'cancel',
	},
	{
		command: 'dialog.next',
		keys: ['down', 'tab'],
		scope: 'dialog',
		group: 'Dialogs',
		description: 'Next choice',
		hint: 'move',
	},
	{
		command: 'dialog.previous',
		keys: ['up', 'shift+tab'],
		scope: 'dialog',
		group: 'Dialogs',
		description: 'Previous choice',
	},
	{
		command: 'dialog.toggle',
		keys: ['space'],
		scope: 'dialog',
		group: 'Dialogs',
		description: 'Tick or untick an option',
		hint: 'tick',
	},
	{
		command: 'dialog.choose',
		keys: ['enter'],
		scope: 'dialog',
		group: 'Dialogs',
		description: 'Do the highlighted choice',
		hint: 'choose',
		mutating: true,
	},
	{
		command: 'dialog.cancel',
		keys: ['escape', 'n'],
		scope: 'dialog',
		group: 'Dialogs',
		description: 'Cancel, changing nothing',
		hint: 'cancel',
	},
	{
		command: 'container.shell',
		keys: ['x'],
		scope: 'containers',
		group: 'Shell',
		description: 'Shell in the container (exec)',
		hint: 'shell',
		mutating: true,
	},
	{
		command: 'container.attach',
		keys: ['X'],
		scope: 'containers',
		group: 'Shell',
		description: 'Attach to its main process',
		mutating: true,
	},
	{
		command: 'shell.focus',
		keys: ['ctrl+]'],
		scope: 'shell-live',
		group: 'Shell',
		description: 'Back to the shell pane',
		hint: 'to shell',
	},
	{
		command: 'shell.zoom',
		keys: ['z'],
		scope: 'shell-live',
		group: 'Shell',
		description: 'Shell pane full screen, until the keys go back to the lists',
	},
	{
		command: 'shell.close',
		keys: ['ctrl+w'],
		scope: 'shell-pane',
		group: 'Shell',
		description: 'Close the shell pane',
	},
	{
		command: 'shell.leave',
		keys: ['ctrl+]'],
		scope: 'shell',
		group: 'Shell',
		description: 'In the shell: back to the lists',
		hint: 'back to the dashboard · every other key goes to the container',
	},
	{
		command: 'shell.replace',
		keys: ['y', 'enter'],
		scope: 'shell-replace',
		group: 'Shell',
		description: 'Yes, replace the running shell',
	},
	{
		command: 'shell.keep',
		keys: ['n', 'escape'],
		scope: 'shell-replace',
		group: 'Shell',
		description: 'Keep the running shell',
	},

	// Transfers: images and files in and out (commands/transfer-commands.ts).
	{
		command: 'images.pull',
		keys: ['P'],
		scope: 'images',
		group: 'Transfers',
		description: 'Pull an image (prefilled with this one)',
		hint: 'pull',
		mutating: true,
	},
	{
		command: 'images.push',
		keys: ['U'],
		scope: 'images',
		group: 'Transfers',
		description: 'Push this tag to its registry',
		hint: 'push',
		mutating: true,
	},
	{
		command: 'images.build',
		keys: ['B'],
		scope: 'images',
		group: 'Transfers',
		description: 'Build an image from a folder',
		mutating: true,
	},
	{
		command: 'images.save',
		keys: ['W'],
		scope: 'images',
		group: 'Transfers',
		description: 'Save this image (or the marked ones) to a tar',
		mutating: true,
	},
	{
		command: 'images.load',
		keys: ['L'],
		scope: 'images',
		group: 'Transfers',
		description: 'Load images from a tar',
		mutating: true,
	},
	{
		command: 'images.import',
		keys: ['I'],
		scope: 'images',
		group: 'Transfers',
		description: 'Import a filesystem tarball as an image',
		mutating: true,
	},
	{
		command: 'registry.login',
		keys: ['A'],
		scope: 'images',
		group: 'Transfers',
		description: 'Log in to a registry (:login)',
		mutating: true,
	},
	{
		command: 'registry.logout',
		keys: ['O'],
		scope: 'images',
		group: 'Transfers',
		description: 'Log out of a registry (:logout)',
		mutating: true,
	},
	{
		command: 'registry.search',
		keys: ['H'],
		scope: 'images',
		group: 'Transfers',
		description: 'Search Docker Hub (:search)',
	},
	{
		command: 'containers.export',
		keys: ['E'],
		scope: 'containers',
		group: 'Transfers',
		description: "Export the container's filesystem to a tar",
		mutating: true,
	},
	{
		command: 'containers.files',
		keys: ['F'],
		scope: 'containers',
		group: 'Transfers',
		description: "Browse the container's files (copy in and out)",
	},
	{
		command: 'transfer.show',
		keys: ['J'],
		scope: 'global',
		group: 'Transfers',
		description: 'Show the last transfer and its progress',
	},
	{
		command: 'transfer.cancel',
		keys: ['escape'],
		scope: 'transfer',
		group: 'Transfer progress',
		description: 'Cancel the transfer (close it when it has ended)',
		hint: 'cancel',
	},
	{
		command: 'transfer.hide',
		keys: ['enter', 'q'],
		scope: 'transfer',
		group: 'Transfer progress',
		description: 'Close; a running transfer goes on (J shows it again)',
		hint: 'hide',
	},
	{
		command: 'transfer.login',
		keys: ['L'],
		scope: 'transfer',
		group: 'Transfer progress',
		description: 'Log in to the registry that refused',
		mutating: true,
	},
	{
		command: 'transfer.up',
		keys: ['k', 'up'],
		scope: 'transfer',
		group: 'Transfer progress',
		description: 'Scroll the output back',
	},
	{
		command: 'transfer.down',
		keys: ['j', 'down'],
		scope: 'transfer',
		group: 'Transfer progress',
		description: 'Scroll the output forward',
	},
	{
		command: 'files.down',
		keys: ['j', 'down'],
		scope: 'files',
		group: 'Files',
		description: 'Down one entry',
	},
	{
		command: 'files.up',
		keys: ['k', 'up'],
		scope: 'files',
		group: 'Files',
		description: 'Up one entry',
	},
	{
		command: 'files.top',
		keys: ['g', 'home'],
		scope: 'files',
		group: 'Files',
		description: 'First entry',
	},
	{
		command: 'files.bottom',
		keys: ['G', 'end'],
		scope: 'files',
		group: 'Files',
		description: 'Last entry',
	},
	{
		command: 'files.open',
		keys: ['enter', 'right'],
		scope: 'files',
		group: 'Files',
		description: 'Into the folder',
		hint: 'open',
	},
	{
		command: 'files.parent',
		keys: ['backspace', 'left', 'h'],
		scope: 'files',
		group: 'Files',
		description: 'Up to the parent folder',
		hint: 'up',
	},
	{
		command: 'files.copy-out',
		keys: ['F'],
		scope: 'files',
		group: 'Files',
		description: 'Copy the entry out to the host (docker cp)',
		hint: 'copy out',
		mutating: true,
	},
	{
		command: 'files.copy-in',
		keys: ['T'],
		scope: 'files',
		group: 'Files',
		description: 'Copy a host file or folder into this folder',
		hint: 'copy in',
		mutating: true,
	},
	{
		command: 'files.close',
		keys: ['escape', 'q'],
		scope: 'files',
		group: 'Files',
		description: 'Close the file browser',
		hint: 'close',
	},
	{
		command: 'search.down',
		keys: ['j', 'down'],
		scope: 'search',
		group: 'Search results',
		description: 'Down one result',
	},
	{
		command: 'search.up',
		keys: ['k', 'up'],
		scope: 'search',
		group: 'Search results',
		description: 'Up one result',
	},
	{
		command: 'search.pull',
		keys: ['enter'],
		scope: 'search',
		group: 'Search results',
		description: 'Pull the result',
		hint: 'pull',
		mutating: true,
	},
	{
		command: 'search.close',
		keys: ['escape', 'q'],
		scope: 'search',
		group: 'Search results',
		description: 'Close the results',
		hint: 'close',
	},

	// The `:` command line (source/command-line/) and the command log.
	{
		command: 'command.run',
		keys: ['enter'],
		scope: 'command',
		group: 'Command line',
		description:
			'Run the line (a wrong argument keeps it here and sends nothing)',
		hint: 'run',
	},
	{
		command: 'command.cancel',
		keys: ['escape'],
		scope: 'command',
		group: 'Command line',
		description: 'Close the command line',
		hint: 'cancel',
	},
	{
		command: 'command.complete',
		keys: ['tab'],
		scope: 'command',
		group: 'Command line',
		description: 'Complete the word (again: the next candidate)',
		hint: 'complete',
	},
	{
		command: 'command.complete-back',
		keys: ['shift+tab'],
		scope: 'command',
		group: 'Command line',
		description: 'The previous candidate',
	},
	{
		command: 'command.history-back',
		keys: ['up'],
		scope: 'command',
		group: 'Command line',
		description: 'The line before, from the history',
		hint: 'history',
	},
	{
		command: 'command.history-forward',
		keys: ['down'],
		scope: 'command',
		group: 'Command line',
		description: 'The line after, from the history',
	},
	{
		command: 'log.close',
		keys: ['escape', 'q', 'enter'],
		scope: 'log',
		group: 'Command log',
		description: 'Close the command log',
		hint: 'close',
	},
	{
		command: 'log.down',
		keys: ['j', 'down'],
		scope: 'log',
		group: 'Command log',
		description: 'Scroll down (older lines)',
	},
	{
		command: 'log.up',
		keys: ['k', 'up'],
		scope: 'log',
		group: 'Command log',
		description: 'Scroll up (newer lines)',
	},
	{
		command: 'log.page-down',
		keys: ['pagedown', 'space'],
		scope: 'log',
		group: 'Command log',
		description: 'Scroll down a page',
	},
	{
		command: 'log.page-up',
		keys: ['pageup'],
		scope: 'log',
		group: 'Command log',
		description: 'Scroll up a page',
	},
	{
		command: 'log.top',
		keys: ['g'],
		scope: 'log',
		group: 'Command log',
		description: 'The newest line',
	},
	{
		command: 'log.bottom',
		keys: ['G'],
		scope: 'log',
		group: 'Command log',
		description: 'The oldest line',
	},
] as const satisfies readonly Binding[];

export type CommandId = (typeof keymap)[number]['command'];
