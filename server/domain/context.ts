import type { Role } from './vocabulary.js';

// Who acts and who looks. Time and ids come in from outside: the domain has no clock and no randomness.

/** A signed-in person (or the server itself) issuing a command. */
export type Actor = { kind: 'user'; userId: string; displayName: string } | { kind: 'system' };

/** What the server allows one participant (its settings, SPEC LIMIT-3); absent: no quota. */
export interface DomainLimits {
  /** LIMIT-3: written inputs per participant per engagement (staff unlimited). */
  inputsPerParticipant: number;
}

export interface DecideContext {
  /** The server's clock at the moment of the command (UTC ISO). */
  now: string;
  actor: Actor;
  /** A fresh unique id for each new entity the command creates. */
  newId: () => string;
  /** The server's limits; absent: none. */
  limits?: DomainLimits;
}

/** Who is looking at the engagement, for projection and redaction. */
export interface Viewer {
  userId: string;
}

/**
 * What a viewer may see, derived from the state (VIEW-1..8):
 * staff (chair, secretariat) | delegation | member (approved stakeholder or observer) |
 * applicant (registered, not approved) | public (signed in, not a participant).
 */
export type Audience = 'staff' | 'delegation' | 'member' | 'applicant' | 'public';

export interface Membership {
  participantId: string | null;
  role: Role | null;
  status: 'pending' | 'approved' | 'declined' | null;
  audience: Audience;
}
