import {Text} from 'ink';
import type {Binding} from '../../keymap/keymap.js';
import {keyLabel} from '../../keymap/labels.js';
import {theme} from '../theme.js';

type Props = {
	readonly bindings: readonly Binding[];
};

/**
The hint line: the keys that matter in the current scope, from the keymap.
*/
export default function FooterHints({bindings}: Props) {
	const hinted = bindings.filter(binding => binding.hint !== undefined);
	return (
		<Text wrap="truncate">
			{hinted.map(binding => (
				<Text key={binding.command}>
					<Text color={theme.text.accent}>
						{' '}
						{keyLabel(binding.keys[0] ?? '')}
					</Text>
					<Text color={theme.text.secondary}> {binding.hint}</Text>
				</Text>
			))}
		</Text>
	);
}
