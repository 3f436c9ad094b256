/**
 * A refusal by a domain rule, turned into `{ error: { code, message, fields? } }` with `status`.
 * `message` is English, for API clients; `fields` name each refused field's code of the catalogues'
 * `fieldErrors` (lib/field-errors.ts), whose text takes `values`.
 */
export class DomainError extends Error {
  constructor(
    public readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 503,
    public readonly code: string,
    message: string,
    public readonly fields?: Record<string, string>,
    public readonly values?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
