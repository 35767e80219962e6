import { createHash } from 'node:crypto';
import type { Command } from '../domain/commands.js';
import type { Actor } from '../domain/context.js';

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** JSON with object keys sorted at every level, so that the same command always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What makes a retry "the same command" (IETF idempotency-key draft: same key, same payload): the command,
 * the engagement and who sends it. The actor's display name is left out: it may change between retries.
 */
export function commandFingerprint(engagementId: string, actor: Actor, command: Command | { type: string }): string {
  const who = actor.kind === 'system' ? 'system' : `user:${actor.userId}`;
  return sha256Hex(canonicalJson({ engagementId, actor: who, command }));
}
