// LiveKit room names (BREAKOUT-14). A name is `breakout-<roundId>-<n>`, n the room's 1-based index: round
// ids are never reused, so neither are names, because LiveKit can hand back a still-draining room when a
// deleted name is created again (livekit/livekit#4558).

export const breakoutRoomName = (roundId: string, index: number): string => `breakout-${roundId}-${index}`;

/** roomId → room name for every room of a round. */
export function roomNamesOf(roundId: string, rooms: readonly { id: string; index: number }[]): Record<string, string> {
  return Object.fromEntries(rooms.map((room) => [room.id, breakoutRoomName(roundId, room.index)]));
}
