#!/usr/bin/env node
import process from 'node:process';
import meow from 'meow';
import {checkArguments, UsageError, usageMessage} from './source/flags.js';
import {type EscapeKey, parseEscapeKey} from './source/keymap/escape-key.js';

const flags = {
	host: {type: 'string', shortFlag: 'H'},
	context: {type: 'string', shortFlag: 'c'},
	readOnly: {type: 'boolean', default: false},
	shell: {type: 'string', default: '/bin/bash,/bin/sh'},
	escapeKey: {type: 'string', default: 'ctrl-]'},
	mouse: {type: 'boolean', default: true},
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
	                   (default: $DOCKER_HOST, then the docker context, then the local socket)
	  --context, -c    Docker context to use (default: $DOCKER_CONTEXT, then the current context)
	  --read-only      Look, don't touch: keys that change anything are disabled
	  --shell          Shells x tries in a container, in order (default: /bin/bash,/bin/sh)
	  --escape-key     Key between the shell pane and the lists (default: ctrl-])
	  --no-mouse       Leave the mouse to the terminal (default: click selects, the wheel scrolls)
	  --version        Show the version
	  --help           Show this help

	Environment
	  DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, DOCKER_CONTEXT, DOCKER_CONFIG
	  work as they do for the docker CLI.

	Examples
	  $ dockpit
	  $ dockpit --host ssh://me@build-server
	  $ dockpit --shell /bin/zsh,/bin/bash,/bin/sh
	  $ DOCKER_HOST=tcp://10.0.0.5:2376 DOCKER_TLS_VERIFY=1 dockpit --read-only
`,
	{
		importMeta: import.meta,
		flags,
	},
);

const shells = cli.flags.shell
	.split(',')
	.map(shell => shell.trim())
	.filter(shell => shell !== '');
if (shells.length === 0) {
	process.stderr.write(
		'dockpit: --shell needs at least one shell path (e.g. /bin/sh)\n',
	);
	process.exit(2);
}

let escapeKey: EscapeKey;
try {
	escapeKey = parseEscapeKey(cli.flags.escapeKey);
} catch (error) {
	process.stderr.write(
		`dockpit: ${error instanceof Error ? error.message : String(error)}\n`,
	);
	process.exit(2);
}

if (!process.stdin.isTTY || !process.stdout.isTTY) {
	process.stderr.write(
		'dockpit: needs an interactive terminal (stdin and stdout must be a TTY)\n',
	);
	process.exit(1);
}

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
		...(cli.flags.host === undefined ? {} : {host: cli.flags.host}),
		...(cli.flags.context === undefined ? {} : {context: cli.flags.context}),
		readOnly: cli.flags.readOnly,
		shells,
		escapeKey,
		mouse: cli.flags.mouse,
	});
} catch (error) {
	const message = error instanceof Error ? error.message : String(error);
	process.stderr.write(`dockpit: ${message}\n`);
	process.exitCode = 1;
}
