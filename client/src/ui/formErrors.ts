import type { ApiError } from '../api/apiError.js';

/** One message per field, plus `form` for what belongs to no field. */
export type FormErrors<K extends string> = Partial<Record<K | 'form', string>>;

/** The shape of a zod schema's `safeParse`, without depending on zod here. */
interface Parser<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/**
 * Checks a form's values with the same schema the server uses. Each field's first problem becomes
 * "<Label> <message>", e.g. "Work email must be an email address".
 */
export function validateForm<T, K extends string>(
  schema: Parser<T>,
  values: Record<K, unknown>,
  labels: Record<K, string>,
): { ok: true; data: T } | { ok: false; errors: FormErrors<K> } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FormErrors<K> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    if (typeof key === 'string' && key in labels) {
      const field = key as K;
      errors[field] ??= `${labels[field]} ${issue.message}.`;
    } else {
      errors.form ??= sentence(issue.message);
    }
  }
  return { ok: false, errors };
}

/**
 * An API refusal shown where it belongs: under the field it names (the server's "email: must be…"
 * becomes "Work email must be…"), or above the form.
 */
export function apiFormErrors<K extends string>(error: ApiError, labels: Record<K, string>): FormErrors<K> {
  const field = error.field?.split('.').pop();
  const errors: FormErrors<K> = {};
  if (field !== undefined && field in labels) {
    const known = field as K;
    const prefix = `${error.field}: `;
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : null;
    errors[known] = message ? `${labels[known]} ${message.replace(/\.$/, '')}.` : sentence(error.message);
  } else {
    errors.form = sentence(error.message);
  }
  return errors;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** Moves focus to the first field marked invalid, so keyboard and screen-reader users land on it. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
