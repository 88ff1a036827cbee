/**
The commands of the Volumes, Networks and Engine panes and the prune screen: forms and confirmations open here,
and engine calls go out from here. Docker state is never patched: the engine's events do that (`cleanup-sync.ts`).
*/
import {
	connectFormFields,
	networkFormFields,
	predefinedNetworkNames,
	pruneFilterFields,
	volumeFormFields,
} from '../forms/cleanup-forms.js';
import {isTagged, ownId, untagId} from '../engine/engine-tags.js';
import {shortId} from '../format/text.js';
import {
	diskOfEngine,
	visibleNetworks,
	visibleVolumes,
	volumeName,
	volumeSizes,
} from '../state/cleanup-selectors.js';
import type {Named} from '../state/cleanup-types.js';
import {refreshEngine} from '../state/cleanup-sync.js';
import {selectedContainer, selectedKey} from '../state/selectors.js';
import type {
	AppState,
	DetailsTarget,
	DialogItem,
	DialogOverlay,
	FormOverlay,
	Note,
} from '../state/types.js';
import type {Command, CommandContext} from './context.js';
import {
	closePrune,
	confirmPrune,
	openPruneCommand,
	reloadPrune,
} from './prune.js';
import {whileBusy} from './task.js';
import {count, isConflict, isGone, reason, withNames} from './words.js';

/**
The engine's words without the `volume name: ` / `network id: ` the engine layer puts first, ids named.
*/
export function cleanupReason(error: unknown, state: AppState): string {
	const message = error instanceof Error ? error.message : String(error);
	return withNames(
		message.replace(/^(?:volume|network|container|image) \S+: /, ''),
		state,
	);
}

function flash(
	{store}: CommandContext,
	text: string,
	level: 'info' | 'success' | 'warning' | 'error' | 'muted',
) {
	store.dispatch({type: 'ui/flash', text, level});
}

function openForm(context: CommandContext, form: FormOverlay) {
	context.store.dispatch({type: 'ui/overlay-open', overlay: form});
}

function openDialog(context: CommandContext, dialog: DialogOverlay) {
	context.store.dispatch({type: 'ui/overlay-open', overlay: dialog});
}

function selectedVolume(state: AppState) {
	const key = selectedKey(state, 'volumes');
	return key === undefined ? undefined : state.cleanup.volumes.get(key);
}

function selectedNetwork(state: AppState) {
	const key = selectedKey(state, 'networks');
	return key === undefined ? undefined : state.cleanup.networks.get(key);
}

/**
Containers using a volume, by name with their state.
*/
function volumeUsers(state: AppState, name: string): string[] {
	const volume = state.cleanup.volumes.get(name);
	return (volume?.usedBy ?? []).map(user => {
		const row = state.containers.get(user.id);
		return row ? `${row.name} (${row.state})` : user.name;
	});
}

const createVolume: Command = context => {
	openForm(context, {
		kind: 'form',
		title: 'Create a volume',
		purpose: {form: 'volume-create'},
		fields: volumeFormFields(),
		focus: 0,
		notes: [{text: 'As docker volume create does.', tone: 'muted'}],
	});
};

const removeVolume: Command = context => {
	const state = context.store.getState();
	const volume = selectedVolume(state);
	if (!volume) {
		return;
	}

	const users = volumeUsers(state, volume.name);
	const notes: Note[] = [
		{
			text: `${ownId(volume.name)}${volume.engine ? ` on ${volume.engine}` : ''}`,
			tone: 'muted',
		},
		...(users.length > 0
			? [
					{
						text: `In use by ${users.join(', ')}: the engine will refuse until ${users.length === 1 ? 'that container is' : 'those containers are'} removed.`,
						tone: 'warning' as const,
					},
				]
			: []),
		{text: 'The data in it is lost.', tone: 'warning'},
	];
	openDialog(context, {
		kind: 'dialog',
		title: `Remove volume ${volumeName(volume)}?`,
		purpose: {
			type: 'remove-volume',
			volume: {id: volume.name, name: volumeName(volume)},
		},
		notes,
		items: [
			{kind: 'choice', id: 'remove', label: 'Remove', danger: true},
			{kind: 'choice', id: 'cancel', label: 'Cancel'},
		],
		focus: 0,
	});
};

export async function performRemoveVolume(
	context: CommandContext,
	volume: Named,
	force: boolean,
): Promise<void> {
	const {engine, store} = context;
	try {
		await whileBusy(store, [volume.id], 'removing', async () =>
			engine.removeVolume(volume.id, {force}),
		);
		flash(context, `Removed volume ${volume.name}`, 'success');
	} catch (error) {
		const state = store.getState();
		if (isGone(error)) {
			flash(context, `Volume ${volume.name} is gone already`, 'muted');
			return;
		}

		const words = cleanupReason(error, state);
		if (isConflict(error)) {
			// In use: force does not get past that (the engine refuses it too); say who uses it.
			const users = volumeUsers(state, volume.id);
			flash(
				context,
				`Could not remove volume ${volume.name}: ${words}${users.length > 0 ? `; used by ${users.join(', ')}` : ''}`,
				'error',
			);
			return;
		}

		if (force) {
			flash(
				context,
				`Could not remove volume ${volume.name}: ${words}`,
				'error',
			);
			return;
		}

		// A driver's refusal: `docker volume rm -f` gets past it (the engine forgets the volume).
		openDialog(context, {
			kind: 'dialog',
			title: `The engine could not remove volume ${volume.name}`,
			purpose: {type: 'remove-volume', volume, force: true},
			notes: [
				{text: words, tone: 'error'},
				{
					text: 'Force removes it from the engine even so (docker volume rm -f).',
					tone: 'muted',
				},
			],
			items: [
				{kind: 'choice', id: 'force', label: 'Force remove', danger: true},
				{kind: 'choice', id: 'cancel', label: 'Cancel'},
			],
			focus: 0,
		});
	}
}

const createNetwork: Command = context => {
	openForm(context, {
		kind: 'form',
		title: 'Create a network',
		purpose: {form: 'network-create'},
		fields: networkFormFields(),
		focus: 0,
		notes: [{text: 'As docker network create does.', tone: 'muted'}],
	});
};

const removeNetwork: Command = context => {
	const state = context.store.getState();
	const network = selectedNetwork(state);
	if (!network) {
		return;
	}

	if (predefinedNetworkNames.has(network.name)) {
		flash(
			context,
			`${network.name} is one of the engine's predefined networks (bridge, host, none): it cannot be removed`,
			'warning',
		);
		return;
	}

	const attached = network.containers.map(each => each.name);
	openDialog(context, {
		kind: 'dialog',
		title: `Remove network ${network.name}?`,
		purpose: {
			type: 'remove-network',
			network: {id: network.id, name: network.name},
		},
		notes: [
			{
				text: `${shortId(network.id)}, ${network.driver}${network.engine ? `, on ${network.engine}` : ''}`,
				tone: 'muted',
			},
			...(attached.length > 0
				? [
						{
							text: `In use by ${attached.join(', ')}: the engine will refuse until ${attached.length === 1 ? 'it is' : 'they are'} disconnected.`,
							tone: 'warning' as const,
						},
					]
				: []),
		],
		items: [
			{kind: 'choice', id: 'remove', label: 'Remove', danger: true},
			{kind: 'choice', id: 'cancel', label: 'Cancel'},
		],
		focus: 0,
	});
};

export async function performRemoveNetwork(
	context: CommandContext,
	network: Named,
): Promise<void> {
	const {engine, store} = context;
	try {
		await whileBusy(store, [network.id], 'removing', async () =>
			engine.removeNetwork(network.id),
		);
		flash(context, `Removed network ${network.name}`, 'success');
	} catch (error) {
		const state = store.getState();
		if (isGone(error)) {
			flash(context, `Network ${network.name} is gone already`, 'muted');
			return;
		}

		const attached =
			state.cleanup.networks
				.get(network.id)
				?.containers.map(each => each.name) ?? [];
		flash(
			context,
			`Could not remove network ${network.name}: ${cleanupReason(error, state)}${attached.length > 0 ? `; in use by ${attached.join(', ')}` : ''}`,
			'error',
		);
	}
}

/**
`N` on Networks: a container (the one selected on Containers, prefilled) to connect to this network.
*/
const connectToNetwork: Command = context => {
	const state = context.store.getState();
	const network = selectedNetwork(state);
	if (!network) {
		return;
	}

	const container = selectedContainer(state);
	openForm(context, {
		kind: 'form',
		title: `Connect a container to ${network.name}`,
		purpose: {
			form: 'network-connect',
			network: {id: network.id, name: network.name},
		},
		fields: connectFormFields({container: container?.name ?? ''}),
		focus: 0,
		notes: [{text: 'As docker network connect does.', tone: 'muted'}],
	});
};

/**
`N` on Containers: a network (of those it is not on) to connect the selected container to.
*/
const connectContainer: Command = async context => {
	const {engine, store} = context;
	const container = selectedContainer(store.getState());
	if (!container) {
		return;
	}

	const details = await engine
		.inspectContainer(container.id)
		.catch(() => undefined);
	const on = new Set(details?.networks.map(each => each.name) ?? []);
	const networks = visibleNetworks(store.getState())
		// With several engines at once: the networks of the container's engine.
		.filter(each => each.engine === container.engine)
		.map(each => each.name)
		.filter(name => !on.has(name) && name !== 'host' && name !== 'none');
	if (networks.length === 0) {
		flash(
			context,
			`${container.name} is on every network it could join already`,
			'info',
		);
		return;
	}

	openForm(context, {
		kind: 'form',
		title: `Connect ${container.name} to a network`,
		purpose: {
			form: 'network-connect',
			container: {id: container.id, name: container.name},
		},
		fields: connectFormFields({networks}),
		focus: 0,
		notes: [
			{
				text: 'Space or ←/→ picks the network. As docker network connect does.',
				tone: 'muted',
			},
		],
	});
};

function disconnectDialog(
	context: CommandContext,
	title: string,
	pairs: ReadonlyArray<{
		readonly network: Named;
		readonly container: Named;
		readonly label: string;
	}>,
) {
	const items: DialogItem[] = [
		...pairs.map((pair): DialogItem => ({
			kind: 'choice',
			id: `${pair.network.id} ${pair.container.id}`,
			label: pair.label,
		})),
		{kind: 'toggle', id: 'force', label: 'Force', value: false},
		{kind: 'choice', id: 'cancel', label: 'Cancel'},
	];
	openDialog(context, {
		kind: 'dialog',
		title,
		purpose: {type: 'network-disconnect'},
		notes: [{text: 'As docker network disconnect does.', tone: 'muted'}],
		items,
		focus: 0,
	});
}

const disconnectFromNetwork: Command = context => {
	const network = selectedNetwork(context.store.getState());
	if (!network) {
		return;
	}

	if (network.containers.length === 0) {
		flash(context, `No container is attached to ${network.name}`, 'info');
		return;
	}

	disconnectDialog(
		context,
		`Disconnect from ${network.name}`,
		network.containers.map(each => ({
			network: {id: network.id, name: network.name},
			container: {id: each.id, name: each.name},
			label: `${each.name}${each.ipv4 ? ` (${each.ipv4})` : ''}`,
		})),
	);
};

const disconnectContainer: Command = async context => {
	const {engine, store} = context;
	const container = selectedContainer(store.getState());
	if (!container) {
		return;
	}

	let networks: ReadonlyArray<{name: string; ipAddress: string}>;
	try {
		networks = (await engine.inspectContainer(container.id)).networks;
	} catch (error) {
		flash(
			context,
			`Could not read ${container.name}'s networks: ${reason(error)}`,
			'error',
		);
		return;
	}

	if (networks.length === 0) {
		flash(context, `${container.name} is on no network`, 'info');
		return;
	}

	const byName = new Map(
		[...store.getState().cleanup.networks.values()]
			.filter(each => each.engine === container.engine)
			.map(each => [each.name, each]),
	);
	disconnectDialog(
		context,
		`Disconnect ${container.name} from a network`,
		networks.map(each => ({
			network: {id: byName.get(each.name)?.id ?? each.name, name: each.name},
			container: {id: container.id, name: container.name},
			label: `${each.name}${each.ipAddress ? ` (${each.ipAddress})` : ''}`,
		})),
	);
};

export async function performDisconnect(
	context: CommandContext,
	dialog: DialogOverlay,
	choice: string,
): Promise<void> {
	const {engine, store} = context;
	const [networkId = '', containerId = ''] = choice.split(' ');
	const item = dialog.items.find(each => each.id === choice);
	const force = dialog.items.some(
		each => each.kind === 'toggle' && each.id === 'force' && each.value,
	);
	const state = store.getState();
	const networkName =
		state.cleanup.networks.get(networkId)?.name ?? networkId.slice(0, 12);
	const containerName =
		state.containers.get(containerId)?.name ?? containerId.slice(0, 12);
	try {
		await engine.disconnectNetwork(networkId, containerId, {force});
		flash(
			context,
			`Disconnected ${containerName} from ${networkName}`,
			'success',
		);
	} catch (error) {
		flash(
			context,
			`Could not disconnect ${item?.label ?? containerName}: ${cleanupReason(error, store.getState())}`,
			'error',
		);
	}
}

const refresh: Command = async ({engine, store}) => {
	await refreshEngine(engine, store);
};

const openFilters: Command = ({store}) => {
	const overlay = store.getState().ui.overlay;
	if (overlay?.kind !== 'prune' || overlay.phase !== 'preview') {
		return;
	}

	store.dispatch({
		type: 'ui/overlay-open',
		overlay: {
			kind: 'form',
			title: 'Cleanup filters',
			purpose: {form: 'prune-filters', prune: overlay},
			fields: pruneFilterFields(overlay.options.filters),
			focus: 0,
			notes: [
				{
					text: 'As the docker CLI takes them: --filter until=24h --filter label=key=value.',
					tone: 'muted',
				},
			],
		},
	});
};

/**
Enter on Volumes, Networks or Engine: the details of the row.
*/
export async function openCleanupDetails(
	context: CommandContext,
	pane: 'volumes' | 'networks' | 'engine',
	key: string,
): Promise<void> {
	const {engine, store} = context;
	const target: DetailsTarget = {pane, id: key};
	store.dispatch({type: 'ui/details-open', target});
	try {
		switch (pane) {
			case 'volumes': {
				const details = await engine.inspectVolume(key);
				store.dispatch({
					type: 'ui/details-loaded',
					target,
					data: {
						kind: 'volume',
						details,
						size: volumeSizes(store.getState()).get(key) ?? -1,
					},
				});
				return;
			}

			case 'networks': {
				const details = await engine.inspectNetwork(key);
				store.dispatch({
					type: 'ui/details-loaded',
					target,
					data: {kind: 'network', details},
				});
				return;
			}

			case 'engine': {
				const disk = await engine.diskUsage();
				store.dispatch({type: 'cleanup/disk-loaded', disk, at: Date.now()});
				// `images`, or with several engines `images@1`: that engine's images only.
				const {index, id: kind} = untagId(key);
				store.dispatch({
					type: 'ui/details-loaded',
					target,
					data: {
						kind: 'disk',
						section:
							kind === 'images' ||
							kind === 'containers' ||
							kind === 'volumes' ||
							kind === 'build-cache'
								? kind
								: 'images',
						disk: isTagged(key) ? diskOfEngine(disk, index) : disk,
					},
				});
			}
		}
	} catch (error) {
		store.dispatch({
			type: 'ui/details-failed',
			target,
			error: isGone(error) ? `It is gone: ${reason(error)}` : reason(error),
		});
	}
}

export const cleanupCommands = {
	'pane.volumes'({store}) {
		store.dispatch({type: 'ui/pane', pane: 'volumes'});
	},
	'pane.networks'({store}) {
		store.dispatch({type: 'ui/pane', pane: 'networks'});
	},
	'pane.engine'({store}) {
		store.dispatch({type: 'ui/pane', pane: 'engine'});
	},
	'cleanup.prune': openPruneCommand,
	'volumes.create': createVolume,
	'volumes.remove': removeVolume,
	'networks.create': createNetwork,
	'networks.remove': removeNetwork,
	'networks.connect': connectToNetwork,
	'networks.disconnect': disconnectFromNetwork,
	'containers.connect': connectContainer,
	'containers.disconnect': disconnectContainer,
	'engine.refresh': refresh,
	'prune.down'({store}) {
		store.dispatch({type: 'cleanup/prune-move', to: 1});
	},
	'prune.up'({store}) {
		store.dispatch({type: 'cleanup/prune-move', to: -1});
	},
	'prune.page-down'({store, pageSize}) {
		store.dispatch({
			type: 'cleanup/prune-move',
			to: Math.max(1, pageSize() - 1),
		});
	},
	'prune.page-up'({store, pageSize}) {
		store.dispatch({
			type: 'cleanup/prune-move',
			to: -Math.max(1, pageSize() - 1),
		});
	},
	'prune.top'({store}) {
		store.dispatch({type: 'cleanup/prune-move', to: 'top'});
	},
	'prune.bottom'({store}) {
		store.dispatch({type: 'cleanup/prune-move', to: 'bottom'});
	},
	'prune.toggle'({store}) {
		store.dispatch({type: 'cleanup/prune-toggle'});
	},
	'prune.filters': openFilters,
	'prune.reload': reloadPrune,
	'prune.confirm': confirmPrune,
	'prune.close': closePrune,
} satisfies Record<string, Command>;

/**
How many volumes the pane shows; for `:volumes`.
*/
export function volumeCount(state: AppState): string {
	return count(visibleVolumes(state).length, 'volume');
}
