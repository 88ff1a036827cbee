import assert from 'node:assert/strict';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import test from 'node:test';
import {inspect} from 'node:util';
import quietInspect from '../../source/engine/quiet-agent.js';

// What docker-modem does with every request's options, debug log on or not.
const asModemDoes = (agent: http.Agent) =>
	inspect(
		{path: '/containers/json', method: 'GET', agent},
		{showHidden: true, depth: null},
	);

test("docker-modem's inspection of each request's options no longer walks the keep-alive agent and its sockets", async () => {
	const server = http.createServer((_request, response) => {
		response.end('[]');
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	const loud = new http.Agent({keepAlive: true});
	const quiet = quietInspect(new http.Agent({keepAlive: true}));
	try {
		// A request through each, so that each keeps a socket.
		for (const agent of [loud, quiet]) {
			// eslint-disable-next-line no-await-in-loop
			await new Promise<void>((resolve, reject) => {
				http
					.get({host: '127.0.0.1', port, path: '/', agent}, response => {
						response.resume();
						response.on('end', resolve);
					})
					.on('error', reject);
			});
		}

		assert.ok(
			asModemDoes(loud).length > 5000,
			'the plain agent is inspected to the bottom (what made the cost)',
		);
		const text = asModemDoes(quiet);
		assert.ok(text.length < 200, text);
		assert.match(text, /agent: \[Agent]/);
		// And it still keeps its socket, as an agent.
		assert.equal(Object.keys(quiet.freeSockets).length, 1);
	} finally {
		loud.destroy();
		quiet.destroy();
		server.close();
	}
});
