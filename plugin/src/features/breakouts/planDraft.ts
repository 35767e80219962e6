import type { BreakoutCommandOf, BreakoutMode, BreakoutRoomPlan } from '../../../../server/domain/breakouts/index.js';
import { i18n } from '../../i18n/i18n.js';
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

const FIELDS = ['title', 'durationMinutes', 'reportBackMinutes', 'theme', 'capacity', 'rooms'] as const;
type FieldName = (typeof FIELDS)[number];
const fieldName = (key: string): string | undefined =>
  (FIELDS as readonly string[]).includes(key) ? i18n.t(`bconsole.plan.field.${key as FieldName}`) : undefined;

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
    const field = fieldName(path.at(-1) ?? '') ?? path.join('.');
    const where =
      path[0] === 'rooms' && path.length > 2 ? i18n.t('bconsole.plan.roomField', { number: Number(path[1]) + 1, field }) : field;
    return i18n.t('bconsole.plan.problem', { where, words: plainWords(issue) });
  });
  return { ok: false, problems };
}

/** zod's issue in words for people: "is required", "at least 1", "at most 50 rooms". */
function plainWords(issue: { code: string; message: string; origin?: string; minimum?: unknown; maximum?: unknown }): string {
  if (issue.code === 'invalid_type') return i18n.t('bconsole.plan.wholeNumber');
  if (issue.code === 'too_small') {
    if (issue.origin === 'string') return i18n.t('bconsole.plan.required');
    if (issue.origin === 'array') return i18n.t('bconsole.plan.needsAtLeast', { n: String(issue.minimum) });
    return i18n.t('bconsole.plan.atLeast', { n: String(issue.minimum) });
  }
  if (issue.code === 'too_big') {
    if (issue.origin === 'string') return i18n.t('bconsole.plan.tooLong', { n: String(issue.maximum) });
    if (issue.origin === 'array') return i18n.t('bconsole.plan.arrayAtMost', { n: String(issue.maximum) });
    return i18n.t('bconsole.plan.atMost', { n: String(issue.maximum) });
  }
  return issue.message;
}
