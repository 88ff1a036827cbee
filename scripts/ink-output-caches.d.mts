import type {Plugin} from 'esbuild';

export const maxStyledCharacters: number;
export const inkOutputCaches: Plugin;
