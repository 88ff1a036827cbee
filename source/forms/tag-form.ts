import type {FormField} from '../state/types.js';
import {text, type FormValues, type Validated} from './form-values.js';
import {parseRepoTag, type RepoTag} from './image-reference.js';

/**
The field of the tag form (`docker tag`).
*/
export function tagFormFields(): FormField[] {
	return [
		{
			kind: 'text',
			id: 'reference',
			label: 'New tag',
			value: '',
			placeholder: 'repository[:tag], e.g. myapp:v2 (tag defaults to latest)',
		},
	];
}

/**
Turns the tag form into the new reference, or says what is wrong.
*/
export function validateTagForm(values: FormValues): Validated<RepoTag> {
	const reference = parseRepoTag(text(values, 'reference'));
	return reference.ok
		? {ok: true, value: reference.value}
		: {ok: false, errors: {reference: reference.error}};
}
