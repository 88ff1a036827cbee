/**
Values that look like secrets (passwords, tokens, keys) are not shown in clear: not in details, the Env tab, nor
the command log. One rule for all of them, here.
*/

/**
Parts of a variable name that mark its value as a secret: `DB_PASSWORD`, `GITHUB_TOKEN`, `AWS_SECRET_ACCESS_KEY`,
`STRIPE_API_KEY`, `TLS_PRIVATE_KEY`, `GCP_CREDENTIALS`.
*/
const secretName =
	/(?:PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE|CREDENTIAL|AUTH|(?:^|_)PASS(?:$|_)|(?:^|_)PWD(?:$|_))/i;

/**
What a hidden value shows as.
*/
export const masked = '••••';

/**
Does the variable `name` look like it holds a secret?
*/
export function looksSecret(name: string): boolean {
	return secretName.test(name);
}

/**
A `KEY=VALUE` entry (as `docker run -e` and the engine's `Env` spell it) with the value hidden when the key looks
secret and `reveal` is off. An entry without `=` is a name only and is kept.
*/
export function maskEnvEntry(entry: string, reveal = false): string {
	const equals = entry.indexOf('=');
	if (reveal || equals === -1) {
		return entry;
	}

	const name = entry.slice(0, equals);
	return looksSecret(name) ? `${name}=${masked}` : entry;
}
