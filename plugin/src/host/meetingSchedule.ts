// The meeting's scheduled end, offered to the Chair as the hard stop (Teams `meeting.getMeetingDetails`,
// which needs the RSC permission OnlineMeeting.ReadBasic.Chat and is absent outside meetings). Pure, so it is
// tested without Teams; teamsHost.ts makes the call.

/** What `getMeetingDetails` answers (only the part read here). */
export interface MeetingDetailsLike {
  details?: { scheduledEndTime?: unknown } | null;
}

/** The scheduled end as an ISO instant, or null when Teams gave none (or nonsense). */
export function scheduledEndOf(response: MeetingDetailsLike | null | undefined): string | null {
  const raw = response?.details?.scheduledEndTime;
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const ms = Date.parse(raw);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/**
 * The hard stop to offer: the scheduled end when it is still ahead and is not already the hard stop
 * (to the minute); null when there is nothing to offer.
 */
export function hardStopOffer(scheduledEnd: string | null, nowMs: number, currentHardStop: string | null): string | null {
  if (!scheduledEnd) return null;
  const end = Date.parse(scheduledEnd);
  if (!(end > nowMs)) return null;
  if (currentHardStop && Math.abs(Date.parse(currentHardStop) - end) < 60_000) return null;
  return scheduledEnd;
}
