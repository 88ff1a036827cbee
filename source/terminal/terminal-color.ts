/**
A colour as the program in the pane set it, as a number: 0-15 one of the 16 ANSI colours (SGR 30-37, 90-97),
`palette256 + n` entry n of the 256-colour palette (SGR 38;5;n), `rgb + 0xRRGGBB` a truecolor (SGR 38;2;r;g;b).
`terminal/sgr.ts` turns it into escape codes with ansi-styles (what Ink's chalk uses), for the terminal's level.

Apart from `screen.ts` so that what needs only these (sgr.ts, loaded at start) does not load the emulator, which
the shell pane loads when a shell first opens.
*/
export type TerminalColor = number;

export const palette256 = 0x1_00;
export const rgb = 0x1_00_00_00;
