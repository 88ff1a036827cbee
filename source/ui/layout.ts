/**
Where the lists and the shell pane go in the body of the screen (between the tab bar and the status line). Pure:
sizes in, sizes out.
*/

export type Size = {readonly width: number; readonly height: number};

export type BodyLayout = {
	/**
	`row`: the shell pane beside the lists; `column`: below them.
	*/
	readonly direction: 'row' | 'column';
	/**
	Outer size of the bordered list box.
	*/
	readonly list: Size;
	/**
	Outer size of the shell pane, border included; absent without a pane.
	*/
	readonly shell?: Size;
	/**
	The shell pane fills the body and the lists are not drawn (their size is what they get back).
	*/
	readonly zoomed?: boolean;
};

/**
From this width on, the shell pane goes beside the lists; below them otherwise.
*/
export const besideFromColumns = 160;

/**
The list box keeps at least this many lines below the pane (border, header and five rows).
*/
export const minListHeight = 8;

/**
The list box keeps at least this width beside the pane (the containers' main columns).
*/
export const minListWidth = 64;

const minShellHeight = 5;
const minShellWidth = 40;

const clamp = (value: number, min: number, max: number) =>
	Math.max(min, Math.min(max, value));

/**
Splits a body of `size` between the lists and, when `shell` is on, the shell pane: beside the lists on a wide
terminal (the lists get 45 %, at least `minListWidth`), below them otherwise (the lists get a third, at least
`minListHeight`). The two parts always fill the body exactly. A zoomed pane gets the whole body.
*/
export function layoutBody(size: Size, shell: boolean | 'zoomed'): BodyLayout {
	const width = Math.max(1, Math.floor(size.width));
	const height = Math.max(1, Math.floor(size.height));
	if (!shell) {
		return {direction: 'column', list: {width, height}};
	}

	if (shell === 'zoomed') {
		return {
			...layoutBody(size, true),
			shell: {width, height},
			zoomed: true,
		};
	}

	if (width >= besideFromColumns) {
		const listWidth = clamp(
			Math.floor(width * 0.45),
			minListWidth,
			width - minShellWidth,
		);
		return {
			direction: 'row',
			list: {width: listWidth, height},
			shell: {width: width - listWidth, height},
		};
	}

	const listHeight = clamp(
		Math.floor(height / 3),
		Math.min(minListHeight, height - minShellHeight),
		Math.max(1, height - minShellHeight),
	);
	return {
		direction: 'column',
		list: {width, height: Math.max(1, listHeight)},
		shell: {width, height: Math.max(1, height - Math.max(1, listHeight))},
	};
}
