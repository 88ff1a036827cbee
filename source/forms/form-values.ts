import type {FormField} from '../state/types.js';

/**
The values of a form's fields by id: strings for text and choice fields, booleans for toggles.
*/
export type FormValues = Readonly<Record<string, string | boolean>>;

/**
The fields' values by id.
*/
export function formValues(fields: readonly FormField[]): FormValues {
	return Object.fromEntries(fields.map(field => [field.id, field.value]));
}

/**
The value of a text or choice field; `''` when the field is missing or a toggle.
*/
export function text(values: FormValues, id: string): string {
	const value = values[id];
	return typeof value === 'string' ? value : '';
}

/**
The value of a toggle; false when the field is missing or not a toggle.
*/
export function flag(values: FormValues, id: string): boolean {
	return values[id] === true;
}

/**
A form's outcome: the request to send, or a message per invalid field (then nothing is sent).
*/
export type Validated<T> =
	| {readonly ok: true; readonly value: T}
	| {readonly ok: false; readonly errors: Readonly<Record<string, string>>};
