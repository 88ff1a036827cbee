/**
`o`: opens the selected container's published port in the browser, `http://host:port` (`format/port-urls.ts`
says which host). One TCP port: opened at once. Several: a small picker (one choice per URL, in host port
order, the first focused), Enter opens the chosen one; with `--read-only`, where a dialog's Enter is disabled,
the first, naming the others. Without a browser on this machine ($BROWSER unset, no xdg-open), the status line
shows the URL to copy.
*/
import {engineHostOf, portUrls} from '../format/port-urls.js';
import {browserCommand, launch} from '../host/browser.js';
import {selectedContainer} from '../state/selectors.js';
import type {ContainerRow, DialogOverlay} from '../state/types.js';
import type {Command, CommandContext} from './context.js';

const flash = (
	{store}: Pick<CommandContext, 'store'>,
	text: string,
	level: 'info' | 'success' | 'warning' | 'error' | 'muted' = 'info',
) => {
	store.dispatch({type: 'ui/flash', text, level});
};

/**
Opens `url` with this machine's browser, or says it to copy when there is none.
*/
export async function openUrl(
	context: Pick<CommandContext, 'store'>,
	url: string,
	env: Readonly<Record<string, string | undefined>> = process.env,
	more = '',
): Promise<void> {
	const command = browserCommand(url, env);
	if (!command) {
		flash(
			context,
			`No browser here ($BROWSER is not set, no xdg-open): copy ${url}${more}`,
			'warning',
		);
		return;
	}

	try {
		await launch(command);
		flash(context, `Opened ${url} with ${command.source}${more}`, 'success');
	} catch (error) {
		flash(
			context,
			`${error instanceof Error ? error.message : String(error)}; copy ${url}${more}`,
			'error',
		);
	}
}

/**
The picker for a container that publishes several TCP ports.
*/
export function portDialog(
	row: Pick<ContainerRow, 'id' | 'name'>,
	urls: ReturnType<typeof portUrls>,
): DialogOverlay {
	return {
		kind: 'dialog',
		title: `Open a port of ${row.name}`,
		purpose: {type: 'open-port', target: {id: row.id, name: row.name}},
		notes: [
			{
				text: `${urls.length} published TCP ports; Enter opens the one chosen in the browser.`,
				tone: 'muted',
			},
		],
		items: [
			...urls.map(each => ({
				kind: 'choice' as const,
				id: `url:${each.url}`,
				label: `${each.url}  (${each.bindings})`,
			})),
			{kind: 'choice', id: 'cancel', label: 'Cancel'},
		],
		focus: 0,
	};
}

export const openPort: Command = async context => {
	const state = context.store.getState();
	if (state.ui.pane !== 'containers') {
		flash(
			context,
			'o opens the port of a container (1 for Containers)',
			'muted',
		);
		return;
	}

	const row = selectedContainer(state);
	if (!row) {
		flash(context, 'No container selected', 'muted');
		return;
	}

	const urls = portUrls(row.ports, engineHostOf(state, row));
	if (urls.length === 0) {
		flash(
			context,
			row.ports.some(port => port.publicPort !== undefined)
				? `${row.name} publishes no TCP port to open`
				: `${row.name} publishes no port (docker run -p HOST:CONTAINER publishes one)`,
			'muted',
		);
		return;
	}

	// Read-only keeps looking (a browser changes nothing on the engine), but a dialog's Enter is disabled there:
	// the first port, and the others named.
	if (urls.length === 1 || context.readOnly || state.readOnly) {
		await openUrl(
			context,
			urls[0]!.url,
			process.env,
			urls.length > 1
				? ` (the first of ${urls.length}; read-only has no picker: ${urls
						.slice(1)
						.map(each => each.url)
						.join(', ')})`
				: '',
		);
		return;
	}

	context.store.dispatch({
		type: 'ui/overlay-open',
		overlay: portDialog(row, urls),
	});
};

/**
Enter in the port picker: the URL chosen (`url:…`).
*/
export async function choosePort(
	context: CommandContext,
	id: string,
): Promise<void> {
	if (id.startsWith('url:')) {
		await openUrl(context, id.slice('url:'.length));
	}
}
