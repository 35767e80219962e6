// Instants are ISO 8601 strings in UTC (docs/api.md). The domain reads no clock: every `now` comes in from
// outside; these helpers only parse and format, so the same inputs always give the same outputs.

/** Milliseconds since the epoch of an ISO instant. */
export const ms = (iso: string): number => Date.parse(iso);

/** The ISO instant `seconds` after `iso` (seconds may be negative). */
export const addSeconds = (iso: string, seconds: number): string => new Date(ms(iso) + seconds * 1000).toISOString();

/** Whole seconds from `from` to `to`, floored (TIME rules keep all durations in whole seconds). */
export const secondsBetween = (from: string, to: string): number => Math.floor((ms(to) - ms(from)) / 1000);
