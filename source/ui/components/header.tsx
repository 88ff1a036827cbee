import {Box, Text} from 'ink';
import sanitize from '../../format/printable.js';
import {truncate} from '../../format/text.js';
import type {Connection, EngineStatus} from '../../state/types.js';
import {theme} from '../theme.js';

type Props = {
	readonly connection: Connection;
	readonly now: number;
	readonly readOnly: boolean;
	/**
	The docker context in use, shown before the address.
	*/
	readonly context?: string;
	/**
	Several engines at once: a state each, instead of the one address.
	*/
	readonly engines?: readonly EngineStatus[];
};

const engineMark: Readonly<
	Record<EngineStatus['status'], {text: string; color: string}>
> = {
	connecting: {text: '…', color: theme.status.info},
	live: {text: '●', color: theme.status.success},
	reconnecting: {text: '⟳', color: theme.status.warning},
};

/**
One line: which engine we are connected to, and how the connection is doing.
*/
export default function Header({
	connection,
	now,
	readOnly,
	context,
	engines,
}: Props) {
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
				{context ? (
					<Text color={theme.text.accent}> {sanitize(context)}</Text>
				) : null}
				{engines ? (
					engines.map(engine => (
						<Text key={engine.name}>
							{' '}
							<Text color={engineMark[engine.status].color}>
								{engineMark[engine.status].text}
							</Text>
							<Text color={theme.text.secondary}>
								{' '}
								{sanitize(engine.name)}
								{engine.status === 'reconnecting' ? ' reconnecting' : ''}
							</Text>
						</Text>
					))
				) : (
					<Text color={theme.text.secondary}> {connection.host}</Text>
				)}
				{info && !engines ? (
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
