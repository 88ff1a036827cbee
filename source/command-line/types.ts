import type {CommandContext} from '../commands/context.js';
import type {Result} from '../forms/result.js';
import type {AppState} from '../state/types.js';
import type {OptionSpec, ParsedArgs} from './args.js';

/**
What the arguments of a command complete from, by position: names from the live lists, or nothing.
*/
export type ArgumentKind = 'container' | 'image' | 'command' | 'none';

/**
What a command does once its arguments are checked. It may dispatch and call the engine; it never throws (engine
failures are said in the status line, as with keys).
*/
export type LineRun = (context: CommandContext) => void | Promise<void>;

type Common = {
	/**
	What is typed after `:` (`stop`).
	*/
	readonly name: string;
	readonly aliases?: readonly string[];
	/**
	The arguments, as the docker CLI's usage writes them (`[OPTIONS] CONTAINER...`); shown as the hint.
	*/
	readonly usage: string;
	/**
	One line: what it does here.
	*/
	readonly description: string;
	/**
	A command of the docker CLI (listed under that heading in the help), rather than one of dockpit's own.
	*/
	readonly docker: boolean;
	readonly options?: readonly OptionSpec[];
	/**
	Options may come after arguments (`rm web -f`); false where the rest of the line is passed on (`run IMAGE ls -l`).
	@default true
	*/
	readonly interspersed?: boolean;
	/**
	What each argument completes from; the last kind goes on for the arguments after it.
	*/
	readonly complete?: readonly ArgumentKind[];
	/**
	Changes the engine: refused in `--read-only`.
	@default false
	*/
	readonly mutating?: boolean;
};

/**
One command of the command line: an entry of the table (`source/command-line/table.ts`). Adding a command is
adding one of these.
*/
export type LineCommand = Common & {
	/**
	Checks the arguments against the state (names must exist, values must parse) and returns what to do, or the
	reason nothing is done, shown next to the prompt.
	*/
	readonly prepare: (args: ParsedArgs, state: AppState) => Result<LineRun>;
};
