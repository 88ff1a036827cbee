import type {FormOverlay} from '../state/types.js';
import {validateCommitForm} from './commit-form.js';
import {formValues} from './form-values.js';
import {validateRunForm} from './run-form.js';
import {validateTagForm} from './tag-form.js';
import {validateTransferForm} from './transfer-forms.js';

/**
The message for each invalid field of an open form (empty when it is valid).
*/
export function formErrors(
	form: FormOverlay,
): Readonly<Record<string, string>> {
	const values = formValues(form.fields);
	const {purpose} = form;
	const result =
		purpose.form === 'run'
			? validateRunForm(values, purpose)
			: purpose.form === 'commit'
				? validateCommitForm(values)
				: purpose.form === 'transfer'
					? validateTransferForm(purpose, values)
					: validateTagForm(values);
	return result.ok ? {} : result.errors;
}
