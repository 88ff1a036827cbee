import assert from 'node:assert/strict';
import test from 'node:test';
import {
	looksSecret,
	masked,
	maskEnvEntry,
} from '../../source/format/secrets.js';

test('looksSecret: names that hold secrets', () => {
	for (const name of [
		'DB_PASSWORD',
		'MYSQL_ROOT_PASSWD',
		'GITHUB_TOKEN',
		'AWS_SECRET_ACCESS_KEY',
		'STRIPE_API_KEY',
		'APIKEY',
		'TLS_PRIVATE_KEY',
		'GCP_CREDENTIALS',
		'REDIS_PASS',
		'basic_auth',
	]) {
		assert.equal(looksSecret(name), true, name);
	}
});

test('looksSecret: ordinary names', () => {
	for (const name of ['PATH', 'HOME', 'LANG', 'NODE_ENV', 'PASSENGER_PORT']) {
		assert.equal(looksSecret(name), false, name);
	}
});

test('maskEnvEntry hides secret values unless revealed, keeps the rest', () => {
	assert.equal(maskEnvEntry('DB_PASSWORD=hunter2'), `DB_PASSWORD=${masked}`);
	assert.equal(
		maskEnvEntry('DB_PASSWORD=hunter2', true),
		'DB_PASSWORD=hunter2',
	);
	assert.equal(maskEnvEntry('PATH=/bin'), 'PATH=/bin');
	assert.equal(maskEnvEntry('TOKEN'), 'TOKEN');
	assert.equal(maskEnvEntry('A_TOKEN=x=y'), `A_TOKEN=${masked}`);
});
