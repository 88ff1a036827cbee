import assert from 'node:assert/strict';
import test from 'node:test';
import {
	localSocketMaxBackoffMs,
	reconnectDelay,
} from '../../source/engine/backoff.js';

test('reconnect delays double up to the cap; on a local socket the cap is a second (a restarted dockerd was seen 3.5 s late)', () => {
	const defaults = [500, 10_000] as const;
	const delays = (host: string) =>
		[1, 2, 3, 4, 5, 6, 7].map(attempt =>
			reconnectDelay(attempt, host, defaults),
		);
	assert.deepEqual(
		delays('tcp://10.0.0.5:2376'),
		[500, 1000, 2000, 4000, 8000, 10_000, 10_000],
	);
	assert.deepEqual(
		delays('ssh://me@build'),
		[500, 1000, 2000, 4000, 8000, 10_000, 10_000],
	);
	for (const host of [
		'unix:///var/run/docker.sock',
		'UNIX:///run/podman/podman.sock',
		'npipe:////./pipe/docker_engine',
	]) {
		assert.deepEqual(
			delays(host),
			[500, 1000, 1000, 1000, 1000, 1000, 1000],
			host,
		);
	}

	assert.equal(localSocketMaxBackoffMs, 1000);
	// A smaller cap given (tests) is kept; the first attempt waits `first`.
	assert.equal(reconnectDelay(5, 'unix:///x.sock', [20, 50]), 50);
	assert.equal(reconnectDelay(1, 'unix:///x.sock', [20, 50]), 20);
	assert.equal(reconnectDelay(0, 'tcp://h:1', [20, 50]), 20);
});
