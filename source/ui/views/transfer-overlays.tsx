import FilesView from '../components/files-view.js';
import SearchView from '../components/search-view.js';
import TransferView from '../components/transfer-view.js';
import type {AppState} from '../../state/types.js';

type Props = {
	readonly state: AppState;
	readonly now: number;
	readonly width: number;
	readonly height: number;
};

/**
The overlays of the transfers: progress, file browser, search results.
*/
export default function TransferOverlays({state, now, width, height}: Props) {
	const {overlay} = state.ui;
	if (overlay?.kind === 'transfer') {
		return (
			<TransferView
				transfer={state.ui.transfers?.find(each => each.id === overlay.id)}
				scroll={overlay.scroll}
				now={now}
				width={width}
				height={height}
			/>
		);
	}

	if (overlay?.kind === 'files') {
		return <FilesView files={overlay} width={width} height={height} />;
	}

	if (overlay?.kind === 'search') {
		return <SearchView search={overlay} width={width} height={height} />;
	}

	return null;
}
