import {Box, Text} from 'ink';
import {theme} from '../theme.js';

type Size = {readonly columns: number; readonly rows: number};

type Props = {
	readonly size: Size;
	readonly minimum: Size;
};

/**
Shown instead of the dashboard while the terminal is smaller than the layout needs.
*/
export default function TooSmall({size, minimum}: Props) {
	return (
		<Box flexDirection="column">
			<Text color={theme.status.warning}>Terminal too small</Text>
			<Text>
				dockpit needs {minimum.columns}x{minimum.rows}; this one is{' '}
				{size.columns}x{size.rows}.
			</Text>
			<Text color={theme.text.secondary}>
				Make it bigger, or press q to quit.
			</Text>
		</Box>
	);
}
