import {Box, Text} from 'ink';
import type {EngineErrorKind} from '../../engine/types.js';
import {theme} from '../theme.js';

type Props = {
	readonly host: string;
	readonly error: string;
	/**
	`unauthorized`: the engine is there but refused us (ssh login or host key, TLS certificate); the hints say so.
	*/
	readonly kind?: EngineErrorKind;
	readonly retryInSeconds: number;
	readonly attempt: number;
	readonly width: number;
	readonly height: number;
};

/**
Shown instead of the panes while no engine has ever answered.
*/
export default function UnreachableScreen({
	host,
	error,
	kind,
	retryInSeconds,
	attempt,
	width,
	height,
}: Props) {
	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			borderStyle="round"
			borderColor={theme.status.error}
			paddingX={1}
		>
			<Text bold color={theme.status.error}>
				Cannot reach the Docker engine at {host}
			</Text>
			<Text> </Text>
			<Text wrap="wrap">{error}</Text>
			<Text> </Text>
			<Text color={theme.status.warning}>
				Retrying in {retryInSeconds}s (attempt {attempt})…
			</Text>
			<Text> </Text>
			<Text bold>How to fix it:</Text>
			{(kind === 'unauthorized' ? refusedHints(host) : startHints).map(hint => (
				<Text key={hint} wrap="wrap">
					• {hint}
				</Text>
			))}
			<Text> </Text>
			<Text color={theme.text.secondary}>q quits</Text>
		</Box>
	);
}

const startHints = [
	'Start the engine: sudo systemctl start docker, or sudo dockerd &',
	'Or point dockpit at another one: DOCKER_HOST=tcp://host:2376, ssh://user@host, or --host',
	'Or pick a docker context: --context NAME (see docker context ls)',
	'Permission denied? Add yourself to the docker group, or run as root.',
];

/**
The engine is there but would not let us in: starting it is not the answer.
*/
function refusedHints(host: string): string[] {
	return host.startsWith('ssh://')
		? [
				`Try the same login in this shell: ssh -o BatchMode=yes ${host.slice(6)} docker version`,
				'Host keys: dockpit checks ~/.ssh/known_hosts strictly and never adds or replaces a key itself.',
				'Keys: dockpit uses your ssh agent and ~/.ssh/config (IdentityFile, User, Port), never a password.',
			]
		: [
				'Check the certificates: DOCKER_CERT_PATH (or the context) must hold ca.pem, cert.pem and key.pem for this engine.',
				'Try the same with the docker CLI: docker --tlsverify version',
			];
}
