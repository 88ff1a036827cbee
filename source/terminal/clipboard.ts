/**
Copying to the clipboard of the terminal dockpit runs in, over SSH too: an OSC 52 sequence (`ESC ] 52 ; c ;
BASE64 BEL`), which xterm, iTerm2, kitty, WezTerm, foot, Windows Terminal and tmux (`set-clipboard on`)
understand. The text travels base64-encoded, so nothing in it (container data, escape sequences) reaches the
terminal as it is.
*/

/**
What the terminal is asked to take at most, in bytes of text (about 100 kB once encoded); many terminals refuse
more.
*/
export const maxClipboardBytes = 74_000;

export type Clipboard = {
	/**
	Puts `text` on the clipboard; throws (in words) when it is too big to send.
	*/
	copy(text: string): void;
};

/**
The OSC 52 sequence that puts `text` on the clipboard.
*/
export function osc52(text: string): string {
	return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/**
A clipboard that writes to `write` (the real terminal's stdout).
*/
export function terminalClipboard(write: (data: string) => void): Clipboard {
	return {
		copy(text) {
			const bytes = Buffer.byteLength(text, 'utf8');
			if (bytes > maxClipboardBytes) {
				throw new Error(
					`too big for the clipboard: ${bytes.toLocaleString('en-US')} bytes, terminals take about ${maxClipboardBytes.toLocaleString('en-US')}`,
				);
			}

			write(osc52(text));
		},
	};
}
