import type {CommitSpec} from '../engine/types.js';
import type {FormField} from '../state/types.js';
import {flag, text, type FormValues, type Validated} from './form-values.js';
import {parseRepoTag} from './image-reference.js';

/**
The fields of the commit form (`docker commit`).
*/
export function commitFormFields(): FormField[] {
	return [
		{
			kind: 'text',
			id: 'reference',
			label: 'Repository',
			value: '',
			placeholder: 'repository[:tag], e.g. myapp:v2 (tag defaults to latest)',
		},
		{kind: 'text', id: 'message', label: 'Message', value: ''},
		{
			kind: 'text',
			id: 'author',
			label: 'Author',
			value: '',
			placeholder: 'Jane Doe <jane@example.com>',
		},
		{
			kind: 'toggle',
			id: 'pause',
			label: 'Pause the container while committing',
			value: true,
			hint: 'As docker commit does; keeps the copy consistent',
		},
	];
}

/**
Turns the commit form into the request, or says what is wrong.
*/
export function validateCommitForm(
	values: FormValues,
): Validated<CommitSpec & {readonly reference: string}> {
	const reference = parseRepoTag(text(values, 'reference'));
	if (!reference.ok) {
		return {ok: false, errors: {reference: reference.error}};
	}

	return {
		ok: true,
		value: {
			repo: reference.value.repo,
			tag: reference.value.tag,
			reference: reference.value.reference,
			message: text(values, 'message'),
			author: text(values, 'author'),
			pause: flag(values, 'pause'),
		},
	};
}
