import assert from 'node:assert/strict';
import test from 'node:test';
import {
	app,
	busybox,
	db,
	promptError,
	setup,
	web,
} from '../helpers/command-line.js';

const webId = JSON.stringify(web.id);
const dbId = JSON.stringify(db.id);

/**
Lines that act: what the engine was asked, and the docker line the command log recorded.
*/
const acting: Array<{
	readonly line: string;
	readonly pane?: 'containers' | 'images';
	readonly calls: readonly string[];
	readonly log: readonly string[];
}> = [
	{
		line: 'stop web db',
		calls: [`stopContainer [${webId},null]`, `stopContainer [${dbId},null]`],
		log: ['docker stop web', 'docker stop db'],
	},
	{
		line: 'stop -t 5 web',
		calls: [`stopContainer [${webId},{"timeout":5}]`],
		log: ['docker stop -t 5 web'],
	},
	{
		line: 'start db',
		calls: [`startContainer [${dbId}]`],
		log: ['docker start db'],
	},
	{
		line: 'restart web',
		calls: [`restartContainer [${webId}]`],
		log: ['docker restart web'],
	},
	{
		line: 'pause web',
		calls: [`pauseContainer [${webId}]`],
		log: ['docker pause web'],
	},
	{
		line: 'unpause web',
		calls: [`unpauseContainer [${webId}]`],
		log: ['docker unpause web'],
	},
	{
		line: 'kill -s HUP web',
		calls: [`killContainer [${webId},"SIGHUP"]`],
		log: ['docker kill -s HUP web'],
	},
	{
		line: 'kill --signal=15 web',
		calls: [`killContainer [${webId},"SIGTERM"]`],
		log: ['docker kill -s TERM web'],
	},
	{
		line: 'kill web',
		calls: [`killContainer [${webId},"SIGKILL"]`],
		log: ['docker kill web'],
	},
	{
		line: 'rm -f web',
		calls: [`removeContainer [${webId},{"force":true,"volumes":false}]`],
		log: ['docker rm -f web'],
	},
	{
		line: 'rm db -v',
		calls: [`removeContainer [${dbId},{"force":false,"volumes":true}]`],
		log: ['docker rm -v db'],
	},
	{
		line: 'rmi busybox:local',
		calls: [`removeImage ["${busybox.id}",{"force":false}]`],
		log: ['docker rmi busybox:local'],
	},
	{
		line: 'rmi app:v1',
		calls: ['removeImage ["app:v1",{"force":false}]'],
		log: ['docker rmi app:v1'],
	},
	{
		line: 'tag app:v2',
		pane: 'images',
		calls: [`tagImage ["${app.id}","app","v2"]`],
		log: ['docker tag app:v1 app:v2'],
	},
	{
		line: 'tag busybox:local team/box:1',
		calls: [`tagImage ["${busybox.id}","team/box","1"]`],
		log: ['docker tag busybox:local team/box:1'],
	},
	{
		line: 'commit -m "first try" web app:v2',
		calls: [
			`commitContainer [${webId},{"repo":"app","tag":"v2","reference":"app:v2","message":"first try","author":"","pause":true}]`,
		],
		log: ["docker commit --pause=true -m 'first try' web app:v2"],
	},
	{
		line: 'commit --pause=false web app',
		calls: [
			`commitContainer [${webId},{"repo":"app","tag":"latest","reference":"app:latest","message":"","author":"","pause":false}]`,
		],
		log: ['docker commit --pause=false web app:latest'],
	},
	{
		line: "run -d --name xy -p 8080:80 -e A=1 busybox:local sh -c 'echo hi'",
		calls: [
			'runContainer [{"image":"busybox:local","name":"xy","cmd":["sh","-c","echo hi"],"env":["A=1"],"ports":[{"privatePort":80,"publicPort":8080,"protocol":"tcp"}],"volumes":[],"restartPolicy":"no","autoRemove":false,"tty":false,"openStdin":false,"labels":{}}]',
		],
		log: [
			"docker run -d --name xy -p 8080:80 -e A=1 busybox:local sh -c 'echo hi'",
		],
	},
	{
		line: 'run --rm -e DB_PASSWORD=hunter2 -l team=a busybox:local ls -l',
		calls: [
			'runContainer [{"image":"busybox:local","cmd":["ls","-l"],"env":["DB_PASSWORD=hunter2"],"ports":[],"volumes":[],"restartPolicy":"no","autoRemove":true,"tty":false,"openStdin":false,"labels":{"team":"a"}}]',
		],
		log: [
			'docker run -d -e DB_PASSWORD=•••• --rm --label team=a busybox:local ls -l',
		],
	},
];

for (const each of acting) {
	test(`:${each.line} asks the engine and logs its docker line`, async () => {
		const app = setup(each.pane ? {pane: each.pane} : {});
		const state = await app.type(each.line);
		assert.equal(promptError(state), undefined);
		assert.equal(state.ui.commandLine, undefined, 'the prompt closed');
		assert.deepEqual(app.actions(), each.calls);
		assert.deepEqual(app.log(), each.log);
		assert.deepEqual(state.ui.history, [each.line]);
	});
}

/**
Lines that are wrong: the prompt stays open with the line and says why; nothing reaches the engine.
*/
const wrong: ReadonlyArray<readonly [string, RegExp]> = [
	['stop nosuch', /^no such container: nosuch$/],
	['kill -s FOO web', /dockpit sends KILL, TERM, INT, HUP or USR1.*not FOO/],
	['kill -s', /-s\/--signal needs a value \(SIGNAL\)/],
	[
		'rm -x web',
		/unknown option -x for :rm \(it takes -f\/--force, -v\/--volumes\)/,
	],
	['stop -t soon web', /-t is whole seconds, not soon/],
	['run -p 99999:80 busybox:local', /^-p: port must be 1-65535: 99999/],
	[
		"run --name 'bad name' busybox:local",
		/^--name: name may not contain spaces/,
	],
	['run -e =x busybox:local', /^-e: variable name is missing before =/],
	[
		'run --restart sometimes busybox:local',
		/^--restart: restart policy must be/,
	],
	['run nosuch:v9', /nosuch:v9 is not on this engine; dockpit does not pull/],
	['run -i busybox:local', /-i and -t together/],
	['run -v relative:path:x:y busybox:local', /^-v: /],
	["commit web 'Bad Ref'", /./],
	['tag busybox:local UPPER', /./],
	['rmi nosuch', /^no such image: nosuch/],
	['frobnicate', /^unknown command: frobnicate/],
	['stpo web', /did you mean :stop/],
	["stop 'web", /missing closing ' quote/],
	['save busybox:local', /say where: -o FILE/],
	['cp web:/etc/hosts', /give a source and a destination/],
	['cp /tmp/a /tmp/b', /one side must be CONTAINER:PATH/],
	['pull "bad ref!"', /./],
	['login -p secret', /type the password in the form/],
	['events now', /:events takes no arguments/],
	['attach web db', /attach takes one container/],
];

for (const [line, message] of wrong) {
	test(`:${line} is refused next to the prompt and sends nothing`, async () => {
		const app = setup();
		const state = await app.type(line);
		assert.match(promptError(state) ?? '(no error)', message);
		assert.equal(state.ui.commandLine?.value, line, 'the line is kept');
		assert.deepEqual(app.actions(), []);
		assert.deepEqual(app.log(), []);
		assert.equal(state.ui.history, undefined, 'a refused line is not kept');
	});
}

test('without a name, a command acts on the selected row of its pane, or on the marked ones', async () => {
	const app = setup();
	await app.type('stop');
	assert.deepEqual(app.actions(), [`stopContainer [${webId},null]`]);

	const marked = setup();
	marked.store.dispatch({type: 'ui/mark-toggle'});
	marked.store.dispatch({type: 'ui/mark-toggle'});
	await marked.type('restart');
	assert.deepEqual(marked.actions(), [
		`restartContainer [${webId}]`,
		`restartContainer [${dbId}]`,
	]);
});

test('without a name on another pane, it says to name one rather than act on a hidden row', async () => {
	const app = setup({pane: 'images'});
	const state = await app.type('stop');
	assert.match(promptError(state) ?? '', /name the container \(:stop NAME\)/);
	assert.deepEqual(app.actions(), []);
});

test('--read-only refuses the commands that change the engine, not the others', async () => {
	const app = setup({readOnly: true});
	const refused = await app.type('stop web');
	assert.match(
		promptError(refused) ?? '',
		/read-only: :stop would change the engine/,
	);
	const allowed = await app.type('images');
	assert.equal(allowed.ui.pane, 'images');
	assert.deepEqual(app.actions(), []);
});

test("dockpit's own commands: panes, the log, help, quit", async () => {
	const app = setup();
	assert.equal((await app.type('images busy')).ui.pane, 'images');
	assert.equal(app.store.getState().ui.filters.images, 'busy');
	assert.equal((await app.type('events')).ui.pane, 'events');
	const ps = await app.type('ps');
	assert.equal(ps.ui.pane, 'containers');
	assert.equal(ps.ui.showAll, false);
	assert.equal((await app.type('ps -a')).ui.showAll, true);
	assert.equal((await app.type('log')).ui.overlay?.kind, 'log');
	app.store.dispatch({type: 'ui/overlay-close'});
	assert.equal((await app.type('help')).ui.overlay?.kind, 'help');
	assert.equal((await app.type('compose')).ui.pane, 'projects');
	app.store.dispatch({type: 'ui/pane', pane: 'containers'});
	assert.equal((await app.type('projects')).ui.pane, 'projects');
	assert.match(
		promptError(await app.type('compose up shop')) ?? '',
		/no compose project shop/,
	);
	app.store.dispatch({type: 'cmdline/close'});
	assert.match(
		promptError(await app.type('compose fly shop')) ?? '',
		/no such compose action: fly/,
	);
	app.store.dispatch({type: 'cmdline/close'});
	await app.type('quit');
	assert.ok(app.exited());
});

test('forms: a command without its value opens the form its key opens', async () => {
	const app = setup();
	const commit = await app.type('commit web');
	assert.equal(commit.ui.overlay?.kind, 'form');
	assert.match(
		commit.ui.overlay?.kind === 'form' ? commit.ui.overlay.title : '',
		/Commit web/,
	);
	const images = setup({pane: 'images'});
	const tag = await images.type('tag');
	assert.match(
		tag.ui.overlay?.kind === 'form' ? tag.ui.overlay.title : '',
		/^Tag /,
	);
	const login = await images.type('login -u me 127.0.0.1:21000');
	assert.equal(login.ui.overlay?.kind, 'form');
	const fields =
		login.ui.overlay?.kind === 'form' ? login.ui.overlay.fields : [];
	assert.deepEqual(
		fields.map(field => field.value),
		['127.0.0.1:21000', 'me', ''],
	);
});

test('history: Up and Down go through the lines run, and give back what was being typed', async () => {
	const app = setup();
	await app.type('stop web');
	await app.type('images');
	app.store.dispatch({type: 'cmdline/open', value: 'dr'});
	app.store.dispatch({type: 'cmdline/history-move', delta: -1});
	assert.equal(app.store.getState().ui.commandLine?.value, 'images');
	app.store.dispatch({type: 'cmdline/history-move', delta: -1});
	assert.equal(app.store.getState().ui.commandLine?.value, 'stop web');
	app.store.dispatch({type: 'cmdline/history-move', delta: -1});
	assert.equal(app.store.getState().ui.commandLine?.value, 'stop web');
	app.store.dispatch({type: 'cmdline/history-move', delta: 1});
	app.store.dispatch({type: 'cmdline/history-move', delta: 1});
	assert.equal(app.store.getState().ui.commandLine?.value, 'dr');
});
