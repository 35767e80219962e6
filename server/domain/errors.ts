// The domain's one error type. The HTTP edge maps `kind` to a status and renders problem+json;
// `rule` is the SPEC.md rule id that was broken (for example `FLOOR-2`), so a 409 always names it.

export type DomainErrorKind = 'RULE_VIOLATION' | 'NOT_FOUND' | 'FORBIDDEN';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** SPEC.md rule id, for example `FLOOR-2`. */
    readonly rule: string,
    /** Plain words: what is wrong and what to do instead. */
    readonly detail: string,
  ) {
    super(`${rule}: ${detail}`);
    this.name = 'DomainError';
  }
}

export const violation = (rule: string, detail: string): DomainError => new DomainError('RULE_VIOLATION', rule, detail);
export const notFound = (rule: string, detail: string): DomainError => new DomainError('NOT_FOUND', rule, detail);
export const forbidden = (rule: string, detail: string): DomainError => new DomainError('FORBIDDEN', rule, detail);
