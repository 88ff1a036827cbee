import assert from 'node:assert/strict';

/**
Waits for `check` to hold, polling every 5 ms (for component and unit tests, where nothing is slow); fails the
test saying `what` after `ms`.
*/
export async function until(
	check: () => boolean,
	what: string,
	ms = 3000,
): Promise<void> {
	const deadline = Date.now() + ms;
	while (!check()) {
		if (Date.now() > deadline) {
			assert.fail(`timed out waiting for ${what}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 5);
		});
	}
}
