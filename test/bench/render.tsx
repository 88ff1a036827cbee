/**
Render cost without Docker: the app on a fake engine with 1,000 containers, drawn to an in-memory 160x45 TTY.
Moves the cursor 50 times and reports Ink's own render time per frame and the bytes written per frame.
Part of `npm run bench`.
*/
import {EventEmitter} from 'node:events';
import process from 'node:process';
import {render} from 'ink';
import {createShellSessions} from '../../source/shell/sessions.js';
import reducer from '../../source/state/reducer.js';
import {createStore} from '../../source/state/store.js';
import startSync from '../../source/state/sync.js';
import {initialState} from '../../source/state/types.js';
import App from '../../source/ui/app.js';
import {createShellKeys} from '../../source/input/shell-keys.js';
import {ServicesProvider} from '../../source/ui/context.js';
import {container, createFakeEngine} from '../helpers/fake-engine.js';

class FakeTty extends EventEmitter {
	columns = 160;
	rows = 45;
	isTTY = true;
	bytes = 0;
	write(text: string) {
		this.bytes += Buffer.byteLength(text);
		return true;
	}

	setRawMode() {}
	setEncoding() {}
	ref() {}
	unref() {}
	read() {
		return null;
	}
}

const count = 1000;
const engine = createFakeEngine({
	containers: Array.from({length: count}, (_, index) =>
		container({
			id: String(index).padStart(64, '0'),
			name: `bench-${index}`,
			state: 'created',
			status: 'Created',
		}),
	),
});
const store = createStore(reducer, initialState(engine.host));
const stop = startSync(engine, store);
const tty = new FakeTty();
const times: number[] = [];
const instance = render(
	<ServicesProvider
		value={{
			engine,
			store,
			readOnly: false,
			sessions: createShellSessions(),
			shells: ['/bin/sh'],
			keys: createShellKeys(),
		}}
	>
		<App />
	</ServicesProvider>,
	{
		stdout: tty as never,
		stdin: tty as never,
		maxFps: 1000,
		patchConsole: false,
		exitOnCtrlC: false,
		onRender({renderTime}) {
			times.push(renderTime);
		},
	},
);
const wait = async (ms: number) =>
	new Promise(resolve => {
		setTimeout(resolve, ms);
	});
await wait(300);
times.length = 0;
tty.bytes = 0;
const moves = 50;
for (let index = 0; index < moves; index++) {
	store.dispatch({type: 'ui/move', to: 1});
	// eslint-disable-next-line no-await-in-loop
	await wait(5);
}

const sorted = [...times].sort((a, b) => a - b);
process.stdout.write(
	`render (${count} containers, 160x45, ${moves} cursor moves): ${times.length} frames, ` +
		`median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms, ` +
		`${Math.round(tty.bytes / Math.max(1, times.length))} bytes/frame\n`,
);
instance.unmount();
stop();
