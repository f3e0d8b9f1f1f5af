// Turns server errors into something a form or a toast can show.
import type { FormInstance } from 'antd';
import { ApiError } from '../../shared/api';

interface FieldIssue {
  name: string;
  message: string;
}

/** Reads per-field messages from an error's details, whatever common shape the server used. */
export function fieldIssues(details: unknown): FieldIssue[] {
  if (!details || typeof details !== 'object') return [];
  const out: FieldIssue[] = [];
  const pushIssue = (path: unknown, message: unknown) => {
    const name = Array.isArray(path) ? path.map(String).join('.') : typeof path === 'string' ? path : '';
    if (name && typeof message === 'string') out.push({ name, message });
  };
  const list = Array.isArray(details)
    ? details
    : Array.isArray((details as { issues?: unknown }).issues)
      ? (details as { issues: unknown[] }).issues
      : null;
  if (list) {
    for (const it of list) {
      if (it && typeof it === 'object') {
        const o = it as Record<string, unknown>;
        pushIssue(o.path ?? o.field ?? o.name, o.message);
      }
    }
    return out;
  }
  const fields = (details as { fields?: unknown }).fields;
  const map = fields && typeof fields === 'object' ? fields : details;
  for (const [k, v] of Object.entries(map as Record<string, unknown>)) {
    if (typeof v === 'string') pushIssue(k, v);
    else if (Array.isArray(v) && typeof v[0] === 'string') pushIssue(k, v[0]);
  }
  return out;
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
