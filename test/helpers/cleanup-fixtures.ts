import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {after} from 'node:test';
import {testImage} from './docker.js';
import type {Dockpit} from './pty.js';

/**
The cleanup e2e files' own objects on the shared engine: named dp-cleanup-<run>-…, labelled
dockpit-test.owner=cleanup and dp-cleanup.run=<run>, made through the docker CLI with a config folder of their
own, and removed (exactly this run's) after the file. Call it once at the top level of a test file.
*/
export function cleanupFixtures() {
	/**
	The machine is shared by many test runs at once: give the screen time (this waits for the screen, it never sleeps).
	*/
	async function wait(
		app: Dockpit,
		match: string | RegExp | ((screen: string) => boolean),
		ms = 60_000,
	): Promise<string> {
		return app.waitFor(match, ms);
	}

	const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
	const owner = 'dockpit-test.owner=cleanup';
	const labels = ['--label', owner, '--label', `dp-cleanup.run=${run}`];
	const name = (hint: string) => `dp-cleanup-${run}-${hint}`;
	const config = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-cleanup-config-'));
	const env = {
		HOME: config,
		XDG_CONFIG_HOME: config,
		XDG_STATE_HOME: config,
		DOCKER_CONFIG: config,
	};

	function docker(...args: string[]): string {
		return execFileSync('docker', args, {
			encoding: 'utf8',
			env: {...process.env, DOCKER_CONFIG: config},
			stdio: ['ignore', 'pipe', 'pipe'],
		}).trim();
	}

	function lines(text: string): string[] {
		return text.split('\n').filter(Boolean);
	}

	function exists(
		kind: 'container' | 'volume' | 'network',
		id: string,
	): boolean {
		try {
			docker(kind, 'inspect', id);
			return true;
		} catch {
			return false;
		}
	}

	after(() => {
		const mine = ['--filter', `label=dp-cleanup.run=${run}`];
		for (const id of lines(docker('ps', '-aq', ...mine))) {
			docker('rm', '-f', id);
		}

		for (const id of lines(docker('images', '-aq', ...mine))) {
			try {
				docker('rmi', '-f', id);
			} catch {}
		}

		for (const id of lines(docker('volume', 'ls', '-q', ...mine))) {
			docker('volume', 'rm', '-f', id);
		}

		for (const id of lines(docker('network', 'ls', '-q', ...mine))) {
			docker('network', 'rm', id);
		}

		fs.rmSync(config, {recursive: true, force: true});
	});

	/**
	A stopped container (created, or run and exited), a running one that keeps a volume and a network in use.
	*/
	function container(
		hint: string,
		how: 'created' | 'exited' | 'running',
		extra: string[] = [],
	): string {
		const full = name(hint);
		docker(
			how === 'created' ? 'create' : 'run',
			...(how === 'running' ? ['-d'] : []),
			...labels,
			'--name',
			full,
			...extra,
			testImage,
			...(how === 'exited' ? ['true'] : ['sleep', '300']),
		);
		return full;
	}

	return {
		run,
		owner,
		labels,
		name,
		config,
		env,
		docker,
		lines,
		exists,
		container,
		wait,
	};
}
