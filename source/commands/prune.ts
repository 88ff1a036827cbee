/**
The prune screen (`C`, `:prune`): reads what the engine has, shows every object a prune would remove, and on a
confirmed Enter removes exactly the ticked ones, one by one by id (never a blanket prune, which could take an
object made since the preview). Each object is checked again against fresh data first: one that changed
meanwhile (a container started, an image now in use) is skipped and reported, as is one the engine refuses.
*/
import {
	itemKey,
	type PruneData,
	type PruneItem,
	type PruneOptions,
	whyNotNow,
} from '../cleanup/prune-plan.js';
import {planFor} from '../cleanup/prune-rows.js';
import {
	defaultPruneOptions,
	type PruneOverlay,
	type PruneSkip,
} from '../state/cleanup-types.js';
import {type Engine, EngineError} from '../engine/types.js';
import type {Command, CommandContext} from './context.js';
import {isGone, reason} from './words.js';

/**
What the preview is made from: the disk usage (containers, images, volumes, build cache with sizes) and the
networks with their attached containers.
*/
export async function readPruneData(engine: Engine): Promise<PruneData> {
	const [disk, networks] = await Promise.all([
		engine.diskUsage(),
		engine.listNetworks(),
	]);
	return firstEngineOnly({disk, networks, now: Date.now()});
}

/**
With several engines at once a prune is about the first one only, and the screen says so: what the others have
is left out of the preview, and so out of the removal (which goes by tagged id to the engine of each item).
*/
function firstEngineOnly(data: PruneData): PruneData {
	const engines = data.disk.engines;
	const first = engines?.[0];
	if (!engines || !first || engines.length < 2) {
		return data;
	}

	if (first.error !== undefined) {
		throw new EngineError('unreachable', first.error);
	}

	const mine = <T extends {readonly engine?: string}>(rows: readonly T[]) =>
		rows.filter(row => row.engine === first.name);
	return {
		disk: {
			layersSize: first.layersSize,
			images: mine(data.disk.images),
			containers: mine(data.disk.containers),
			volumes: mine(data.disk.volumes),
			buildCache: mine(data.disk.buildCache),
		},
		networks: mine(data.networks),
		now: data.now,
		engine: {name: first.name, of: engines.length},
	};
}

/**
Opens the prune screen with `options` and loads it.
*/
export async function openPrune(
	context: CommandContext,
	options: PruneOptions = defaultPruneOptions,
	unticked: ReadonlySet<string> = new Set(),
): Promise<void> {
	const {store} = context;
	const overlay: PruneOverlay = {
		kind: 'prune',
		options,
		unticked,
		cursor: 0,
		phase: 'preview',
		scroll: 0,
	};
	store.dispatch({type: 'cleanup/prune-open', overlay});
	await loadPrune(context);
}

async function loadPrune({engine, store}: CommandContext): Promise<void> {
	try {
		const data = await readPruneData(engine);
		store.dispatch({type: 'cleanup/prune-loaded', data});
	} catch (error) {
		store.dispatch({
			type: 'cleanup/prune-loaded',
			error: `Could not read what the engine has: ${reason(error)}`,
		});
	}
}

export const openPruneCommand: Command = async context => {
	await openPrune(context);
};

export const reloadPrune: Command = async context => {
	const overlay = context.store.getState().ui.overlay;
	if (overlay?.kind !== 'prune' || overlay.phase === 'running') {
		return;
	}

	await openPrune(context, overlay.options, overlay.unticked);
};

/**
Enter: from the preview, the question (count and size); from the question, the removal; from the result, close.
*/
export const confirmPrune: Command = async context => {
	const {store} = context;
	const overlay = store.getState().ui.overlay;
	if (overlay?.kind !== 'prune') {
		return;
	}

	switch (overlay.phase) {
		case 'preview': {
			if (!overlay.data) {
				return;
			}

			const plan = planFor(overlay.data, overlay.options, overlay.unticked);
			if (plan.selected.length === 0) {
				store.dispatch({
					type: 'ui/flash',
					text: 'Nothing is ticked: nothing to remove',
					level: 'info',
				});
				return;
			}

			store.dispatch({type: 'cleanup/prune-phase', phase: 'confirm'});
			return;
		}

		case 'confirm': {
			await runPrune(context, overlay);
			return;
		}

		case 'done': {
			store.dispatch({type: 'ui/overlay-close'});
			return;
		}

		case 'running': {
			return;
		}
	}
};

export const closePrune: Command = ({store}) => {
	const overlay = store.getState().ui.overlay;
	if (overlay?.kind !== 'prune' || overlay.phase === 'running') {
		return;
	}

	if (overlay.phase === 'confirm') {
		store.dispatch({type: 'cleanup/prune-phase', phase: 'preview'});
		return;
	}

	store.dispatch({type: 'ui/overlay-close'});
};

/**
Removes one item by id; resolves with the engine's reclaimed bytes where it says them (build cache).
*/
async function removeItem(engine: Engine, item: PruneItem): Promise<void> {
	switch (item.kind) {
		case 'container': {
			await engine.removeContainer(item.id, {force: false, volumes: false});
			return;
		}

		case 'image': {
			// An image with several tags goes tag by tag (the last one takes the image), as `image prune -a` does;
			// by id it would need force, which would also take it from under a container.
			const tags = item.tags ?? [];
			for (const tag of tags.slice(0, -1)) {
				// eslint-disable-next-line no-await-in-loop
				await engine.removeImage(tag, {force: false});
			}

			await engine.removeImage(item.id, {force: false});
			return;
		}

		case 'volume': {
			await engine.removeVolume(item.id, {force: false});
			return;
		}

		case 'network': {
			await engine.removeNetwork(item.id);
			return;
		}

		case 'build-cache': {
			// Done all at once by the caller.
		}
	}
}

/**
The removal: fresh data, then each ticked item of the preview in order (containers first, so that their images,
volumes and networks are free by the time those come), skipping what changed.
*/
export async function runPrune(
	context: CommandContext,
	overlay: PruneOverlay,
): Promise<void> {
	const {engine, store} = context;
	if (!overlay.data) {
		return;
	}

	const shown = planFor(overlay.data, overlay.options, overlay.unticked);
	store.dispatch({type: 'cleanup/prune-phase', phase: 'running'});
	let fresh: PruneData;
	try {
		fresh = await readPruneData(engine);
	} catch (error) {
		store.dispatch({type: 'cleanup/prune-phase', phase: 'preview'});
		store.dispatch({
			type: 'ui/flash',
			text: `Nothing removed: could not read the engine again: ${reason(error)}`,
			level: 'error',
		});
		return;
	}

	const freshPlan = planFor(fresh, overlay.options, overlay.unticked);
	const sizes = new Map(freshPlan.selected.map(item => [itemKey(item), item]));
	const removed: PruneItem[] = [];
	const skipped: PruneSkip[] = [];
	let reclaimed = 0;
	const cache: PruneItem[] = [];
	for (const item of shown.selected) {
		const why = whyNotNow(item, fresh, freshPlan);
		if (why !== undefined) {
			skipped.push({item, reason: why});
			continue;
		}

		if (item.kind === 'build-cache') {
			cache.push(item);
			continue;
		}

		try {
			// eslint-disable-next-line no-await-in-loop
			await removeItem(engine, item);
			removed.push(item);
			reclaimed += Math.max(0, sizes.get(itemKey(item))?.size ?? item.size);
		} catch (error) {
			skipped.push({
				item,
				reason: isGone(error)
					? 'it is gone already'
					: `the engine refused: ${reason(error, store.getState())}`,
			});
		}
	}

	if (cache.length > 0) {
		try {
			const answer = await engine.pruneBuildCache(cache.map(item => item.id));
			const deleted = new Set(answer.deleted);
			for (const item of cache) {
				if (deleted.has(item.id)) {
					removed.push(item);
				} else {
					skipped.push({item, reason: 'the engine did not remove it'});
				}
			}

			reclaimed += answer.reclaimed;
		} catch (error) {
			for (const item of cache) {
				skipped.push({item, reason: `the engine refused: ${reason(error)}`});
			}
		}
	}

	store.dispatch({
		type: 'cleanup/prune-result',
		result: {removed, skipped, reclaimed},
	});
}
