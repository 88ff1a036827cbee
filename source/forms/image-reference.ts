import {type Result, ok, fail, excerpt} from './result.js';

/**
An image reference taken apart.
*/
export type ImageReference = {
	/**
	Repository with its registry host when one was given (`busybox`, `team/app`, `127.0.0.1:5000/team/app`).
	*/
	readonly repo: string;
	/**
	The tag given, or the default tag when neither a tag nor a digest was given.
	*/
	readonly tag?: string;
	/**
	`algorithm:hex` when given (`sha256:…`).
	*/
	readonly digest?: string;
	/**
	What to hand to the engine: `repo@digest` when there is a digest (the engine ignores a tag next to a digest),
	otherwise `repo:tag` (or just `repo` when there is no tag because the default tag was `''`).
	*/
	readonly reference: string;
};

/**
A repository and tag for tagging or committing an image; the tag is always set.
*/
export type RepoTag = {
	readonly repo: string;
	readonly tag: string;
	/**
	`repo:tag`.
	*/
	readonly reference: string;
};

// Docker's reference grammar (github.com/distribution/reference, regexp.go).
const pathComponent = /^[a-z\d]+(?:(?:[._]|__|-+)[a-z\d]+)*$/;
const domainComponent = '(?:[a-zA-Z\\d]|[a-zA-Z\\d][a-zA-Z\\d-]*[a-zA-Z\\d])';
const domainName = `${domainComponent}(?:\\.${domainComponent})*`;
const ipv6Host = '\\[[a-fA-F\\d:]+\\]';
const domain = new RegExp(`^(?:${domainName}|${ipv6Host})(?::\\d+)?$`);
const tagPattern = /^\w[\w.-]{0,127}$/;
const digestPattern =
	/^[A-Za-z][A-Za-z\d]*(?:[-_+.][A-Za-z][A-Za-z\d]*)*:[\da-fA-F]{32,}$/;
const identifier = /^[a-f\d]{64}$/;

/**
Hex length of each digest algorithm the engine accepts (go-digest: lowercase hex only).
*/
const digestLengths: Readonly<Record<string, number>> = {
	sha256: 64,
	sha384: 96,
	sha512: 128,
};

const nameTotalLengthMax = 255;

const tagRule = 'tag may only contain letters, digits, _ . - (max 128)';

/**
Checks `algorithm:hex`; `undefined` when it is a digest the engine accepts, otherwise the message.
*/
function digestError(digest: string): string | undefined {
	if (!digestPattern.test(digest)) {
		return 'digest must look like sha256:<64 hex digits>';
	}

	const colon = digest.indexOf(':');
	const algorithm = digest.slice(0, colon);
	const hex = digest.slice(colon + 1);
	const length = digestLengths[algorithm];
	if (length === undefined) {
		return `unsupported digest algorithm: ${excerpt(algorithm)}`;
	}

	if (hex.length !== length || !/^[a-f\d]+$/.test(hex)) {
		return `${algorithm} digest must be ${length} lowercase hex digits`;
	}

	return undefined;
}

/**
Checks a repository name (`[host[:port]/]path`); `undefined` when it is valid, otherwise the message.
*/
function repositoryError(name: string): string | undefined {
	if (name === '') {
		return 'repository name is empty';
	}

	if (name.length > nameTotalLengthMax) {
		return `repository name is too long (max ${nameTotalLengthMax} characters)`;
	}

	let path = name;
	const slash = name.indexOf('/');
	if (slash !== -1) {
		const first = name.slice(0, slash);
		// The first component is a registry host when it looks like one. (Docker also takes a first component
		// with uppercase letters for a host; we report it as an uppercase repository instead, which is far more
		// likely what was meant.)
		if (first.includes('.') || first.includes(':') || first === 'localhost') {
			if (!domain.test(first)) {
				// `app:feature/x`: a tag with a slash (a branch name, often) rather than a registry host.
				const port = first.slice(first.lastIndexOf(':') + 1);
				if (
					first.includes(':') &&
					!first.startsWith('[') &&
					!/^\d*$/.test(port)
				) {
					return tagRule;
				}

				return `invalid registry host: ${excerpt(first)}`;
			}

			path = name.slice(slash + 1);
		}
	}

	const components = path.split('/');
	if (components.includes('')) {
		return `repository has an empty path part: ${excerpt(name)}`;
	}

	for (const component of components) {
		if (pathComponent.test(component)) {
			continue;
		}

		if (pathComponent.test(component.toLowerCase())) {
			return 'repository must be lowercase';
		}

		return `repository may only contain a-z 0-9 and . _ - between them: ${excerpt(component)}`;
	}

	return undefined;
}

/**
Checks a tag; `undefined` when it is valid, otherwise the message.
*/
function tagError(tag: string): string | undefined {
	if (tag === '') {
		return 'tag is empty (remove the : or add a tag)';
	}

	if (tagPattern.test(tag)) {
		return undefined;
	}

	if (/^[.-]/.test(tag)) {
		return 'tag must start with a letter, digit or _';
	}

	return tagRule;
}

/**
Splits `name[:tag][@digest]`. The tag is after the last `:` that follows the last `/` (so that a registry port
is not taken for a tag).
*/
function split(text: string): {name: string; tag?: string; digest?: string} {
	let rest = text;
	let digest: string | undefined;
	const at = rest.indexOf('@');
	if (at !== -1) {
		digest = rest.slice(at + 1);
		rest = rest.slice(0, at);
	}

	const colon = rest.lastIndexOf(':');
	let tag: string | undefined;
	if (colon !== -1 && colon > rest.lastIndexOf('/')) {
		tag = rest.slice(colon + 1);
		rest = rest.slice(0, colon);
	}

	return {
		name: rest,
		...(tag === undefined ? {} : {tag}),
		...(digest === undefined ? {} : {digest}),
	};
}

/**
Parses an image reference as `docker pull`/`docker run` take it, following Docker's reference grammar:
`[host[:port]/]path[:tag][@digest]`.

- The first `/`-separated part is a registry host when it contains `.` or `:` or is `localhost`
  (`127.0.0.1:5000/team/app`, `ghcr.io/owner/app`, `[::1]:5000/app`).
- Path parts are lowercase letters and digits, separated inside by `.`, `_`, `__` or dashes.
- A tag is `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`; a digest is `sha256:` + 64 hex digits (or sha384/sha512).
- Host and path together are at most 255 characters; a bare 64-digit hex string is refused (it reads as an id).

Surrounding whitespace is ignored. When neither tag nor digest is given, `defaultTag` (`latest`) is used; pass `''`
for none. Nothing is added to or removed from the name (`busybox` stays `busybox`, not `docker.io/library/busybox`).
*/
export function parseImageReference(
	text: string,
	{defaultTag = 'latest'}: {readonly defaultTag?: string} = {},
): Result<ImageReference> {
	const trimmed = text.trim();
	if (trimmed === '') {
		return fail('image is required');
	}

	if (/\s/.test(trimmed)) {
		return fail('image may not contain spaces');
	}

	if (identifier.test(trimmed)) {
		return fail('repository cannot be a 64-digit hex id');
	}

	const {name, tag, digest} = split(trimmed);
	const nameProblem = repositoryError(name);
	if (nameProblem !== undefined) {
		return fail(nameProblem);
	}

	if (tag !== undefined) {
		const problem = tagError(tag);
		if (problem !== undefined) {
			return fail(problem);
		}
	}

	if (digest !== undefined) {
		if (digest === '') {
			return fail('digest is empty (remove the @ or add a digest)');
		}

		const problem = digestError(digest);
		if (problem !== undefined) {
			return fail(problem);
		}

		return ok({
			repo: name,
			...(tag === undefined ? {} : {tag}),
			digest,
			reference: `${name}@${digest}`,
		});
	}

	const finalTag = tag ?? defaultTag;
	if (finalTag === '') {
		return ok({repo: name, reference: name});
	}

	return ok({repo: name, tag: finalTag, reference: `${name}:${finalTag}`});
}

/**
Parses the `repository[:tag]` of the tag and commit forms: the same grammar as `parseImageReference` but without
a digest; the tag defaults to `latest`.
*/
export function parseRepoTag(text: string): Result<RepoTag> {
	const trimmed = text.trim();
	if (trimmed === '') {
		return fail('repository is required');
	}

	if (/\s/.test(trimmed)) {
		return fail('repository may not contain spaces');
	}

	if (trimmed.includes('@')) {
		return fail('a digest is not allowed here, only repository[:tag]');
	}

	const parsed = parseImageReference(trimmed);
	if (!parsed.ok) {
		return parsed;
	}

	const {repo, tag = 'latest'} = parsed.value;
	return ok({repo, tag, reference: `${repo}:${tag}`});
}
