import type { Participant } from '../../../../server/domain/index.js';
import { i18n } from '../../i18n/i18n.js';
import type { BreakoutRound } from '../../../../server/domain/breakouts/index.js';

// The assignment board's columns: each room with its people, and those not yet placed. Read-only
// arrangement of the state; who may go where is the server's `decide` (BREAKOUT-10, BREAKOUT-11).

/** The id of the "not placed" column; room ids never take this shape (they are server-made ids). */
export const UNPLACED = '__unplaced__';

export interface BoardColumn {
  id: string;
  title: string;
  capacity: number | null;
  people: Participant[];
}

/** Who can be in a room: approved stakeholders, delegations and observers (staff join any room on top). */
export const placeable = (participants: Record<string, Participant>): Participant[] =>
  Object.values(participants)
    .filter((p) => p.status === 'approved' && (p.role === 'stakeholder' || p.role === 'delegation' || p.role === 'observer'))
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || (a.id < b.id ? -1 : 1));

export function boardColumns(round: Pick<BreakoutRound, 'rooms' | 'assignment'>, participants: Record<string, Participant>): BoardColumn[] {
  const people = placeable(participants);
  const inRoom = (roomId: string) => people.filter((p) => round.assignment[p.id] === roomId);
  return [
    {
      id: UNPLACED,
      title: i18n.t('bconsole.assign.notPlaced'),
      capacity: null,
      people: people.filter((p) => !round.assignment[p.id] || !round.rooms.some((r) => r.id === round.assignment[p.id])),
    },
    ...round.rooms.map((room) => ({ id: room.id, title: room.theme, capacity: room.capacity, people: inRoom(room.id) })),
  ];
}

/** The command a drop (or a select change) means: null when nothing would change. */
export function assignmentChange(
  round: Pick<BreakoutRound, 'id' | 'assignment'>,
  participantId: string,
  target: string,
): { roundId: string; participantId: string; roomId: string | null } | null {
  const roomId = target === UNPLACED ? null : target;
  const current = round.assignment[participantId] ?? null;
  if (current === roomId) return null;
  return { roundId: round.id, participantId, roomId };
}
