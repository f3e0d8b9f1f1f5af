// Turns server errors into something a form or a toast can show.
import type { FormInstance } from 'antd';
import { ApiError } from '../../shared/api';

interface FieldIssue {
  name: string;
  message: string;
}

/** The per-field messages of a validation error: the server answers `details: [{ field, message }]`. */
export function fieldIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    const { field, message } = (d ?? {}) as { field?: unknown; message?: unknown };
    return typeof field === 'string' && field && typeof message === 'string' ? [{ name: field, message }] : [];
  });
}

/**
 * Puts field messages from the server on the matching form fields: validation details
 * ({field, message}[]) and, via `codeFields`, whole errors that concern one field
 * (e.g. ORG_CODE_TAKEN → code). Returns true when a field took a message, so the caller can skip the toast.
 */
export function applyFieldErrors(
  form: FormInstance,
  err: unknown,
  fieldNames: string[],
  codeFields: Record<string, string> = {},
): boolean {
  if (!(err instanceof ApiError)) return false;
  const byCode = codeFields[err.code];
  if (byCode) {
    form.setFields([{ name: byCode, errors: [err.message] }]);
    return true;
  }
  const issues = fieldIssues(err.details).filter((i) => fieldNames.includes(i.name));
  if (issues.length === 0) return false;
  form.setFields(issues.map((i) => ({ name: i.name, errors: [i.message] })));
  return true;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
