import type { BreakoutCommandOf, BreakoutMode, BreakoutRoomPlan } from '../../../../server/domain/breakouts/index.js';
import { BreakoutsPlan, DEFAULT_REPORT_BACK_MINUTES } from '../../../../server/domain/breakouts/index.js';

// The planning form's text fields → the `breakouts.plan` command, checked with the domain's own schema so
// the form says what is wrong before the server has to (BREAKOUT-1, BREAKOUT-2), in the server's words.

export interface RoomDraft {
  theme: string;
  questionId: string;
  facilitatorId: string;
  rapporteurId: string;
  capacity: string;
}

export interface PlanDraft {
  title: string;
  mode: BreakoutMode;
  durationMinutes: string;
  reportBackMinutes: string;
  agendaItemId: string;
  rooms: RoomDraft[];
}

export const emptyRoomDraft = (): RoomDraft => ({ theme: '', questionId: '', facilitatorId: '', rapporteurId: '', capacity: '8' });

export const emptyPlanDraft = (): PlanDraft => ({
  title: '',
  mode: 'balanced',
  durationMinutes: '20',
  reportBackMinutes: String(DEFAULT_REPORT_BACK_MINUTES),
  agendaItemId: '',
  rooms: [emptyRoomDraft(), emptyRoomDraft()],
});

/** Whole numbers only: "12" → 12, "" or "1.5" → NaN (the schema then names the field). */
const whole = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

const FIELD_NAMES: Record<string, string> = {
  title: 'Title',
  durationMinutes: 'Duration (minutes)',
  reportBackMinutes: 'Report-back minutes per room',
  theme: 'Theme',
  capacity: 'Capacity',
  rooms: 'Rooms',
};

export type PlanCheck = { ok: true; command: BreakoutCommandOf<'breakouts.plan'> } | { ok: false; problems: string[] };

export function planFromDraft(draft: PlanDraft): PlanCheck {
  const rooms: BreakoutRoomPlan[] = draft.rooms.map((room) => ({
    theme: room.theme.trim(),
    capacity: whole(room.capacity),
    ...(room.questionId ? { questionId: room.questionId } : {}),
    ...(room.facilitatorId ? { facilitatorId: room.facilitatorId } : {}),
    ...(room.rapporteurId ? { rapporteurId: room.rapporteurId } : {}),
  }));
  const candidate = {
    type: 'breakouts.plan' as const,
    ...(draft.title.trim() ? { title: draft.title.trim() } : {}),
    rooms,
    durationMinutes: whole(draft.durationMinutes),
    mode: draft.mode,
    ...(draft.reportBackMinutes.trim() ? { reportBackMinutes: whole(draft.reportBackMinutes) } : {}),
    ...(draft.agendaItemId ? { agendaItemId: draft.agendaItemId } : {}),
  };
  const parsed = BreakoutsPlan.safeParse(candidate);
  if (parsed.success) return { ok: true, command: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String);
    const field = FIELD_NAMES[path.at(-1) ?? ''] ?? path.join('.');
    const where = path[0] === 'rooms' && path.length > 2 ? `Room ${Number(path[1]) + 1}, ${field}` : field;
    return `${where}: ${plainWords(issue)}.`;
  });
  return { ok: false, problems };
}

/** zod's issue in words for people: "is required", "at least 1", "at most 50 rooms". */
function plainWords(issue: { code: string; message: string; origin?: string; minimum?: unknown; maximum?: unknown }): string {
  if (issue.code === 'invalid_type') return 'enter a whole number';
  if (issue.code === 'too_small') {
    if (issue.origin === 'string') return 'is required';
    if (issue.origin === 'array') return `needs at least ${String(issue.minimum)}`;
    return `must be at least ${String(issue.minimum)}`;
  }
  if (issue.code === 'too_big') {
    if (issue.origin === 'string') return `is too long (at most ${String(issue.maximum)} characters)`;
    if (issue.origin === 'array') return `at most ${String(issue.maximum)}`;
    return `must be at most ${String(issue.maximum)}`;
  }
  return issue.message;
}
