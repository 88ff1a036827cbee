/**
Makes (or removes) many labelled objects, for trying dockpit with a big engine and for `npm run bench`.

  node --import=tsx test/scripts/many.ts create [--containers 1000] [--images 0] [--label dockpit.many=1]
  node --import=tsx test/scripts/many.ts remove [--label dockpit.many=1]

Containers are only created (`docker create`), not started. Images are imported from a tiny tarball each (no
registry needed). Everything carries the label, and `remove` removes only what carries it.
*/
import process from 'node:process';
import {pathToFileURL} from 'node:url';
import Docker from 'dockerode';
import {testImage} from '../helpers/docker.js';

export type ManyOptions = {
	readonly containers: number;
	readonly images: number;
	readonly label: string;
	/**
	Names start with it: `<prefix>-<tag>-00001` for containers, `<prefix>/<tag>-00001:v1` for images.
	@default 'dockpit-many'
	*/
	readonly prefix?: string;
	/**
	How many of the containers are started (the others are only created).
	@default 0
	*/
	readonly running?: number;
	/**
	Where numbering starts, to add to a fleet made before.
	@default 0
	*/
	readonly first?: number;
};

function tarWithFile(name: string, content: string): Buffer {
	const body = Buffer.from(content);
	const header = Buffer.alloc(512);
	header.write(name, 0);
	header.write('0000644\0', 100);
	header.write('0000000\0', 108);
	header.write('0000000\0', 116);
	header.write(body.length.toString(8).padStart(11, '0') + '\0', 124);
	header.write(
		Math.floor(Date.now() / 1000)
			.toString(8)
			.padStart(11, '0') + '\0',
		136,
	);
	header.write('        ', 148);
	header.write('0', 156);
	header.write('ustar\0', 257);
	header.write('00', 263);
	let sum = 0;
	for (const byte of header) {
		sum += byte;
	}

	header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
	const padding = Buffer.alloc((512 - (body.length % 512)) % 512);
	return Buffer.concat([header, body, padding, Buffer.alloc(1024)]);
}

async function inBatches(
	count: number,
	concurrency: number,
	task: (index: number) => Promise<unknown>,
) {
	let next = 0;
	await Promise.all(
		Array.from({length: concurrency}, async () => {
			while (next < count) {
				const index = next++;
				// eslint-disable-next-line no-await-in-loop
				await task(index);
			}
		}),
	);
}

export async function createMany(
	docker: Docker,
	{
		containers,
		images,
		label,
		prefix = 'dockpit-many',
		running = 0,
		first = 0,
	}: ManyOptions,
): Promise<void> {
	const [key = 'dockpit.many', value = '1'] = label.split('=');
	const tag = value.replaceAll(/[^a-z\d]/g, '');
	await inBatches(containers, 4, async index => {
		const container = await docker.createContainer({
			name: `${prefix}-${tag}-${String(first + index).padStart(5, '0')}`,
			Image: testImage,
			Cmd: ['sleep', '3600'],
			Labels: {[key]: value},
		});
		if (index < running) {
			await container.start();
		}
	});
	await inBatches(images, 4, async index => {
		const stream = await docker.importImage(
			tarWithFile('id.txt', `${label} ${index}\n`) as never,
			{
				repo: `${prefix}/${tag}-${String(first + index).padStart(5, '0')}`,
				tag: 'v1',
				changes: [`LABEL ${key}=${value}`],
			} as never,
		);
		await new Promise((resolve, reject) => {
			docker.modem.followProgress(
				stream as unknown as NodeJS.ReadableStream,
				error => (error ? reject(error) : resolve(undefined)),
			);
		});
	});
}

export async function removeMany(docker: Docker, label: string): Promise<void> {
	const containers = await docker.listContainers({
		all: true,
		filters: {label: [label]},
	});
	await inBatches(containers.length, 8, async index =>
		docker
			.getContainer(containers[index]!.Id)
			.remove({force: true})
			.catch(() => undefined),
	);
	const images = await docker.listImages({filters: {label: [label]}});
	await inBatches(images.length, 4, async index =>
		docker
			.getImage(images[index]!.Id)
			.remove({force: true})
			.catch(() => undefined),
	);
}

function flag(name: string, fallback: string): string {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

if (
	process.argv[1] &&
	import.meta.url === pathToFileURL(process.argv[1]).href
) {
	const docker = new Docker();
	const label = flag('label', 'dockpit.many=1');
	const started = Date.now();
	if (process.argv[2] === 'remove') {
		await removeMany(docker, label);
		process.stdout.write(
			`removed everything labelled ${label} in ${Date.now() - started} ms\n`,
		);
	} else {
		const containers = Number(flag('containers', '1000'));
		const images = Number(flag('images', '0'));
		await createMany(docker, {containers, images, label});
		process.stdout.write(
			`created ${containers} containers and ${images} images labelled ${label} in ${Date.now() - started} ms\n`,
		);
	}
}
