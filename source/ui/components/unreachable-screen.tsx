import {Box, Text} from 'ink';
import {theme} from '../theme.js';

type Props = {
	readonly host: string;
	readonly error: string;
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
			<Text wrap="wrap">
				• Start the engine: sudo systemctl start docker, or {'sudo dockerd &'}
			</Text>
			<Text wrap="wrap">
				• Or point dockpit at another one: DOCKER_HOST=tcp://host:2376,
				ssh://user@host, or --host
			</Text>
			<Text wrap="wrap">
				• Or pick a docker context: --context NAME (see docker context ls)
			</Text>
			<Text wrap="wrap">
				• Permission denied? Add yourself to the docker group, or run as root.
			</Text>
			<Text> </Text>
			<Text color={theme.text.secondary}>q quits</Text>
		</Box>
	);
}
