import type { FormInstance } from 'antd';
import { describeGraphQLError, errorKindOf, fieldErrorOf, serverMessageOf, type DescribeErrorOptions } from '@dr/graphql-client';

/**
 * Shows a failed save where the user can act on it: an error the server pinned on a field of this
 * form (`extensions.field`, BAD_USER_INPUT or CONFLICT) goes under that field; anything else comes
 * back as a sentence for a message above the form. A CONFLICT without a field keeps the server's own
 * sentence, which names the record involved.
 * @param form - the form that was submitted
 * @param error - what the mutation threw
 * @param fields - the form's top-level field names
 * @param options - field labels and screen-specific texts (what FORBIDDEN means here)
 * @returns the sentence to show above the form, or null when the error went to a field
 */
export function showServerError(form: FormInstance, error: unknown, fields: readonly string[], options: DescribeErrorOptions = {}): string | null {
  const fieldError = fieldErrorOf(error);
  if (fieldError) {
    const path = fieldError.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    if (fields.includes(String(path[0]))) {
      form.setFields([{ name: path, errors: [fieldError.message] }]);
      form.scrollToField(path);
      return null;
    }
    return `${fieldError.message}`;
  }
  if (errorKindOf(error) === 'CONFLICT') return serverMessageOf(error, 'CONFLICT') ?? describeGraphQLError(error, options);
  return describeGraphQLError(error, options);
}
