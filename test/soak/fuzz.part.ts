// Fuzzed container data on the real engine: names (what docker allows), labels, env, log lines, process
// arguments, file names, image labels and the event attributes they make (labels show up in events), with
// random bytes, every C0 and C1 control, OSC, DCS, APC, PM, SOS, CSI with odd parameters, 8-bit CSI and
// 100 KB lines. dockpit shows them in the list, details, every inspector tab, the Events pane and an image's
// details and layers, and the RAW pty output (not the emulated screen) is checked by output-check.ts for any
// control byte or sequence dockpit does not write itself.
import {createTestDocker, testImage} from '../helpers/docker.js';
import {strayControls} from '../helpers/output-check.js';
import {type Dockpit, key} from '../helpers/pty.js';
import {pause} from '../helpers/session.js';
import {
	figure,
	filterPane,
	seeded,
	settle,
	typeKeys,
	watchExit,
	withDockpit,
} from '../helpers/soak-ui.js';
import type {Figure, PartOptions} from './types.js';

export const title =
	'fuzzed names, labels, env, logs and events: no raw control sequence reaches the terminal';

const escape = '\u001B';
const st = `${escape}\\`;

/**
The hostile strings, each behind a marker (`FZ<n>:`) that the screen is searched for, so that a run that
never showed them cannot pass.
*/
export function payloads(random: () => number): string[] {
	const c0 = Array.from({length: 32}, (_, code) => String.fromCodePoint(code));
	const c1 = Array.from({length: 32}, (_, code) =>
		String.fromCodePoint(0x80 + code),
	);
	const randomText = Array.from({length: 300}, () =>
		String.fromCodePoint(
			random() < 0.3
				? Math.floor(random() * 0x20)
				: random() < 0.5
					? 0x80 + Math.floor(random() * 0x20)
					: 0x20 + Math.floor(random() * 0x2e0),
		),
	).join('');
	return [
		`every C0 [${c0.join('|')}] and DEL [\u007F]`,
		`every C1 [${c1.join('|')}]`,
		`OSC title ${escape}]0;owned${'\u0007'} OSC 52 ${escape}]52;c;aGVsbG8=${'\u0007'} link ${escape}]8;;http://x${st}x${escape}]8;;${st}`,
		`DCS ${escape}P1$qm${st} APC ${escape}_Gf=100;AAAA${st} PM ${escape}^pm${st} SOS ${escape}Xsos${st}`,
		`CSI odd ${escape}[999999999;1H ${escape}[?1049l ${escape}[2J ${escape}[6n ${escape}[>c ${escape}[21t ${escape}[38;5;300m ${escape}[${Array.from({length: 40}, (_, n) => n).join(';')}m ${escape}[?1000h ${escape}[?2004l ${escape}[!p ${escape}[1 q`,
		`8-bit CSI \u009B31m red \u009B2J \u009D0;x\u009C \u0090dcs\u009C`,
		`bare ESC ${escape} ESC c ${escape}c ESC 7 ${escape}7 ESC # 8 ${escape}#8 cut CSI ${escape}[`,
		`random ${randomText}`,
	];
}

/**
A container name docker accepts (`[a-zA-Z0-9][a-zA-Z0-9_.-]+`) with this run's id in it, up to 200 long.
*/
function fuzzName(random: () => number, runId: string, n: number): string {
	const allowed =
		'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-';
	const length = Math.floor(random() * 160);
	let tail = '';
	for (let index = 0; index < length; index++) {
		tail += allowed[Math.floor(random() * allowed.length)];
	}

	return `dockpit-test-fuzz-${runId}-${n}${tail}`;
}

/**
`text` as a busybox `printf` format: every byte of its UTF-8 as an octal escape, except letters and digits
(so that `%` and `\` mean nothing); `raw` adds the C1 bytes 0x80–0x9F unencoded (not UTF-8).
*/
function printfFormat(text: string): string {
	let format = '';
	for (const byte of Buffer.from(text, 'utf8')) {
		format += /[\dA-Za-z ]/.test(String.fromCodePoint(byte))
			? String.fromCodePoint(byte)
			: `\\${byte.toString(8).padStart(3, '0')}`;
	}

	return format;
}

/**
The container's program: prints each payload as a log line (stdout and stderr), the C1 bytes raw, 100 KB of
random bytes and a 100 KB line with escapes in it, makes files named with the payloads (the Diff tab), runs a
process whose arguments carry them (the Top tab), then sleeps.
*/
export function program(texts: readonly string[], longLine: boolean): string[] {
	const rawC1 = Array.from(
		{length: 32},
		(_, code) => `\\${(0x80 + code).toString(8)}`,
	).join('');
	const script = [
		'n=0',
		'for a; do printf "FZ$n: $a\\n"; printf "FZ$n err: $a\\n" >&2; n=$((n+1)); done',
		`printf 'raw C1 bytes ${rawC1} end\\n'`,
		longLine
			? 'head -c 100000 /dev/urandom; echo; i=0; while [ $i -lt 400 ]; do printf "long line %04d \\033]0;x\\007 \\233m \\033P1\\033\\\\ padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding padding pad" $i; i=$((i+1)); done; echo'
			: 'true',
		'mkdir -p /tmp/fz; for a; do touch "/tmp/fz/$(printf "$a" | tr -d "/" | head -c 200)" 2>/dev/null; done',
		'for a; do sh -c "sleep 600" "$(printf "$a" | head -c 100)" & done',
		'exec sleep 600',
	].join('\n');
	return ['sh', '-c', script, 'sh', ...texts.map(text => printfFormat(text))];
}

/**
Env values may hold neither NUL nor (docker drops them) C1 controls; the rest goes in as it is.
*/
const envSafe = (text: string) => text.replaceAll('\u0000', '');

async function look(app: Dockpit, rows: number, short: boolean) {
	for (let row = 0; row < rows; row++) {
		// Details, scrolled to the end, wrapped, and secrets shown.
		await typeKeys(app, [key.enter]);
		await settle(app);
		await typeKeys(app, ['G', 'w', 'v', 'g']);
		await settle(app);
		await typeKeys(app, [key.escape]);
		await settle(app);
		// The inspector, every tab, each scrolled and (Logs) wrapped and unwrapped.
		await typeKeys(app, ['l']);
		await app.waitFor('Logs', 5000);
		await settle(app, 400);
		for (let tab = 0; tab < 6; tab++) {
			await typeKeys(app, ['G', 'w', 'v', 'g', 'w']);
			await settle(app, short ? 200 : 400);
			await typeKeys(app, [']']);
		}

		await typeKeys(app, [key.escape, '\u0017']);
		await settle(app);
		await typeKeys(app, ['j']);
	}
}

export async function run(options: PartOptions): Promise<Figure[]> {
	const {short, log} = options;
	const random = seeded(short ? 8 : 88);
	const fixtures = createTestDocker();
	const {docker, runId, labels} = fixtures;
	const texts = payloads(random);
	const containers = short ? 2 : 5;
	let shownMarkers = 0;
	try {
		const result = await withDockpit({columns: 160, rows: 45}, async app => {
			const crashed = watchExit(app);
			await app.waitFor('● live', 15_000);
			// Made while dockpit watches, so their labels come in the events' attributes too.
			for (let n = 0; n < containers; n++) {
				const fuzzLabels: Record<string, string> = {...labels};
				for (const [index, text] of texts.entries()) {
					fuzzLabels[`fuzz.${index}`] = `FZ${index}: ${text}`;
					fuzzLabels[`k${index}${text.slice(0, 40)}`] = 'key';
				}

				// eslint-disable-next-line no-await-in-loop
				const created = await docker.createContainer({
					name: fuzzName(random, runId, n),
					Image: testImage,
					Cmd: program(texts, n === 0),
					Labels: fuzzLabels,
					Env: texts.map(
						(text, index) => `FUZZ_${index}=FZ${index}: ${envSafe(text)}`,
					),
					StopSignal: 'SIGKILL',
				});
				// eslint-disable-next-line no-await-in-loop
				await created.start();
				if (n === 0) {
					// eslint-disable-next-line no-await-in-loop
					await created.commit({
						repo: fixtures.imageRef('fuzz').split(':')[0],
						tag: 'v1',
						changes: texts
							.slice(0, 6)
							.map(
								(text, index) =>
									`LABEL "fuzz.${index}"="${text.replaceAll(/["\\\n\r]/g, '')}"`,
							),
					});
				}
			}

			await pause(1500);
			await filterPane(app, runId);
			await app.waitFor(`dockpit-test-fuzz-${runId}`, 10_000);
			await look(app, containers, short);
			const seen = new Set<number>();
			const markers = (screen: string) => {
				for (const match of screen.matchAll(/FZ(\d+)/g)) {
					seen.add(Number(match[1]));
				}
			};

			// The Logs tab again, looked at for the markers.
			await typeKeys(app, ['g', 'l']);
			await settle(app, 600);
			for (let index = 0; index < 30; index++) {
				markers(app.screen());
				await typeKeys(app, ['k', 'k', 'k', 'k', 'k']);
			}

			// And the Env tab (Logs, Stats, Top, Env), where every payload has its variable.
			await typeKeys(app, [']', ']', ']']);
			await app.waitFor('FUZZ_', 5000).catch(() => undefined);
			for (let index = 0; index < 10; index++) {
				markers(await settle(app, 200));
				await typeKeys(app, ['j', 'j', 'j']);
			}

			await typeKeys(app, [key.escape, '\u0017']);
			// The Events pane: every event, its details.
			await typeKeys(app, ['3']);
			await settle(app);
			for (let index = 0; index < (short ? 4 : 12); index++) {
				await typeKeys(app, [key.enter]);
				markers(await settle(app));
				await typeKeys(app, ['G', key.escape, 'j']);
			}

			// The image with fuzzed labels: details and its inspector (Layers, Config).
			await typeKeys(app, ['2']);
			await filterPane(app, runId);
			await typeKeys(app, [key.enter]);
			markers(await settle(app));
			await typeKeys(app, ['G', key.escape, 'l']);
			await settle(app, 400);
			await typeKeys(app, [']', 'G']);
			markers(await settle(app, 400));
			await typeKeys(app, [key.escape, '\u0017', '1']);
			markers(await settle(app));
			shownMarkers = seen.size;
			const missing = texts
				.map((_, index) => index)
				.filter(index => !seen.has(index));
			if (missing.length > 0) {
				log(
					`   markers never seen: ${missing.map(index => `FZ${index}`).join(', ')}`,
				);
			}

			return {crashed: crashed(), output: app.output()};
		});
		const stray = strayControls(result.output);
		for (const each of stray.slice(0, 8)) {
			log(`   stray at ${each.at}: ${each.reason}: ${each.sequence}`);
		}

		log(
			`   ${containers} containers, ${texts.length} payloads, ${(result.output.length / 1024).toFixed(0)} KB of output checked`,
		);
		return [
			figure(
				'raw control sequences from container data reaching the terminal',
				stray.length,
				'0',
				stray.length === 0,
			),
			figure('crashes', result.crashed ? 1 : 0, '0', !result.crashed),
			figure(
				'payloads seen on screen (made harmless)',
				`${shownMarkers}/${texts.length}`,
				`${texts.length}/${texts.length}`,
				shownMarkers === texts.length,
			),
		];
	} finally {
		await fixtures.cleanup();
	}
}
