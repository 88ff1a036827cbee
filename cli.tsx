#!/usr/bin/env node
import process from 'node:process';
import meow from 'meow';
import {startupSettings} from './source/config/startup.js';
import {checkArguments, UsageError, usageMessage} from './source/flags.js';

// No defaults here: a flag not given stays undefined, and the config file, then the defaults, decide
// (source/config/settings.ts).
const flags = {
	host: {type: 'string', shortFlag: 'H', isMultiple: true},
	context: {type: 'string', shortFlag: 'c'},
	readOnly: {type: 'boolean'},
	shell: {type: 'string'},
	escapeKey: {type: 'string'},
	mouse: {type: 'boolean'},
	color: {type: 'boolean'},
	config: {type: 'string'},
	printConfig: {type: 'boolean'},
} as const;

// Before meow, which ignores unknown flags and takes `-H` alone as an empty host.
try {
	checkArguments(process.argv.slice(2), flags);
} catch (error) {
	if (!(error instanceof UsageError)) {
		throw error;
	}

	process.stderr.write(usageMessage(error));
	process.exit(2);
}

const cli = meow(
	`
	Usage
	  $ dockpit [options]

	A live, keyboard-driven dashboard for a Docker engine: containers, images and
	events update by themselves as the engine changes. Press ? inside for the keys.

	Options
	  --host, -H       Engine to connect to: unix:///path, tcp://host:port, ssh://user@host
	                   (default: $DOCKER_HOST, then the docker context, then the local socket);
	                   give it more than once to see several engines in one list
	  --context, -c    Docker context to use (default: $DOCKER_CONTEXT, then the current context)
	  --read-only      Look, don't touch: keys that change anything are disabled
	  --shell          Shells x tries in a container, in order (default: /bin/bash,/bin/sh)
	  --escape-key     Key between the shell pane and the lists (default: ctrl-])
	  --no-mouse       Leave the mouse to the terminal (default: click selects, the wheel scrolls)
	  --no-color       Draw without colours (so does NO_COLOR=1)
	  --config PATH    Config file (default: $XDG_CONFIG_HOME/dockpit/config.yaml,
	                   else ~/.config/dockpit/config.yaml)
	  --print-config   Print the settings in effect, defaults included, and exit
	  --version        Show the version
	  --help           Show this help

	Flags win over the config file, which wins over the defaults.

	Environment
	  DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, DOCKER_CONTEXT, DOCKER_CONFIG
	  work as they do for the docker CLI.

	Examples
	  $ dockpit
	  $ dockpit --host ssh://me@build-server
	  $ dockpit -H unix:///var/run/docker.sock -H ssh://me@build-server
	  $ dockpit --shell /bin/zsh,/bin/bash,/bin/sh
	  $ DOCKER_HOST=tcp://10.0.0.5:2376 DOCKER_TLS_VERIFY=1 dockpit --read-only
`,
	{
		// Only its url is read (to find package.json); the CommonJS bundle has no import.meta, only its url (build.mjs).
		importMeta: {url: import.meta.url} as ImportMeta,
		booleanDefault: undefined,
		flags,
	},
);

// The config file and the flags' defaults; a bad file or flag value stops here, before anything is drawn (exit 2).
const settings = startupSettings(cli.flags);

if (!process.stdin.isTTY || !process.stdout.isTTY) {
	process.stderr.write(
		'dockpit: needs an interactive terminal (stdin and stdout must be a TTY)\n',
	);
	process.exit(1);
}

// The rest runs in a function: the bundle is CommonJS (scripts/build.mjs says why), which has no top-level await.
async function start(): Promise<void> {
	// An ssh:// engine: log in now, while the dashboard's code loads (main.js takes the connection over).
	const {default: preconnect} = await import('./source/engine/preconnect.js');
	preconnect({
		...(settings.host === undefined ? {} : {host: settings.host}),
		...(settings.context === undefined ? {} : {context: settings.context}),
	});

	// How many colours to draw, told to chalk (Ink's colours) before Ink is loaded. chalk takes any CI variable, even
	// the CI=false set below for Ink, as "no colours at all", so it is decided here the way chalk would decide it on
	// this terminal (`colorLevel`, which the shell pane uses too). --no-color, NO_COLOR or `color: false`: none.
	const {colorLevel} = await import('./source/terminal/sgr.js');
	process.env['FORCE_COLOR'] = settings.color
		? String(colorLevel(process.env, true))
		: '0';

	// Ink renders nothing until exit when it thinks it runs in CI (the CI variable). dockpit only ever runs on a
	// TTY (checked above), where a live display is the whole point, so tell Ink it is interactive. This has to
	// happen before Ink is loaded, which is why the app is imported here and not at the top.
	process.env['CI'] = 'false';
	process.env['CONTINUOUS_INTEGRATION'] = 'false';
	// React's development build (what React loads when NODE_ENV is not `production`) is slower and keeps debugging
	// data for every render; a shell pane that redraws 30 times a second makes that grow without bound.
	process.env['NODE_ENV'] ??= 'production';

	try {
		const {default: run} = await import('./source/main.js');
		process.exitCode = await run({
			...(settings.host === undefined ? {} : {host: settings.host}),
			...(settings.context === undefined ? {} : {context: settings.context}),
			readOnly: settings.readOnly,
			shells: settings.shells,
			escapeKey: settings.escapeKey,
			mouse: settings.mouse,
			maskSecrets: settings.maskSecrets,
			statsColumns: settings.statsColumns,
			readOnlyContexts: settings.readOnlyContexts,
			keymap: settings.keymap,
			theme: settings.theme,
			colors: settings.config.colors,
		});
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`dockpit: ${message}\n`);
		process.exitCode = 1;
	}
}

void start();
