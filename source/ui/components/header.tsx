import {Box, Text} from 'ink';
import sanitize from '../../format/printable.js';
import {truncate} from '../../format/text.js';
import type {Connection} from '../../state/types.js';
import {theme} from '../theme.js';

type Props = {
	readonly connection: Connection;
	readonly now: number;
	readonly readOnly: boolean;
};

/**
One line: which engine we are connected to, and how the connection is doing.
*/
export default function Header({connection, now, readOnly}: Props) {
	const info = connection.status === 'connecting' ? undefined : connection.info;
	let status: {text: string; color: string};
	switch (connection.status) {
		case 'connecting': {
			status = {text: '… connecting', color: theme.status.info};
			break;
		}

		case 'connected': {
			status = connection.degraded
				? {
						text: `◐ degraded: ${truncate(sanitize(connection.degraded.error), 40)}`,
						color: theme.status.warning,
					}
				: {text: '● live', color: theme.status.success};
			break;
		}

		case 'reconnecting':
		case 'unreachable': {
			const seconds = Math.max(0, Math.ceil((connection.retryAt - now) / 1000));
			status = {
				text: `⟳ reconnecting in ${seconds}s`,
				color: theme.status.warning,
			};
			break;
		}
	}

	return (
		<Box justifyContent="space-between">
			<Text wrap="truncate">
				<Text bold color={theme.text.title}>
					dockpit
				</Text>
				<Text color={theme.text.secondary}> {connection.host}</Text>
				{info ? (
					<Text color={theme.text.secondary}>
						{' · '}Docker {info.version} (API {info.apiVersion})
					</Text>
				) : null}
				{readOnly ? (
					<Text color={theme.status.warning}> · read-only</Text>
				) : null}
			</Text>
			<Text color={status.color}> {status.text}</Text>
		</Box>
	);
}
