import type {Plugin} from 'esbuild';

export const maxStyledCharacters: number;
export const maxRowStrings: number;
export const maxMeasuredTexts: number;
export const inkOutputCaches: Plugin;
