import { breakoutsClosingOnEngagementEnd } from '../breakouts/breakoutClosing.js';
import type { CommandOf } from '../commands.js';
import type { DecideContext } from '../context.js';
import { forbidden, violation } from '../errors.js';
import { assertNever, type EngagementEvent, type EngagementSettings } from '../events.js';
import type { EngagementState } from '../state.js';
import { floorClosingEvents, speakingTimeChangeEvents } from '../floor/index.js';
import { requireCreated } from '../guards.js';

// The engagement's life: draft → open → live → ended (LIFE-1..4), and its settings.

export type EngagementCommand = CommandOf<
  'engagement.create' | 'engagement.update' | 'engagement.open' | 'engagement.start' | 'engagement.end'
>;

/** When the Chair does not say: a 90-minute meeting with 3-minute statements (PRODUCT: usually 3 to 5). */
export const DEFAULT_PLANNED_MINUTES = 90;
export const DEFAULT_SPEAKING_SECONDS = 180;

export function decideEngagement(state: EngagementState, command: EngagementCommand, ctx: DecideContext): EngagementEvent[] {
  const at = ctx.now;
  switch (command.type) {
    case 'engagement.create': {
      if (state.id !== '') throw violation('LIFE-0', 'This engagement already exists; an engagement is created once.');
      if (ctx.actor.kind !== 'user') throw forbidden('AUTH-1', 'An engagement is created by a signed-in person, who becomes its Chair.');
      const settings: EngagementSettings = {
        title: command.title,
        theme: command.theme ?? null,
        description: command.description ?? null,
        scheduledStart: command.scheduledStart ?? null,
        plannedMinutes: command.plannedMinutes ?? DEFAULT_PLANNED_MINUTES,
        speakingSeconds: command.speakingSeconds ?? DEFAULT_SPEAKING_SECONDS,
        timeZone: command.timeZone ?? 'UTC',
      };
      const engagementId = command.engagementId ?? ctx.newId();
      const chair = {
        id: ctx.newId(),
        userId: ctx.actor.userId,
        role: 'chair' as const,
        displayName: ctx.actor.displayName,
        organization: 'Chair',
        category: 'other' as const,
        region: null,
        country: null,
        accreditation: null,
      };
      return [{ type: 'engagement.created', at, engagementId, settings, chair }];
    }
    case 'engagement.update': {
      requireCreated(state);
      if (state.status === 'ended')
        throw violation('LIFE-5', 'The engagement has ended; its settings are part of the record and no longer change.');
      const { type: _type, ...fields } = command;
      const changes: Partial<EngagementSettings> = {};
      for (const [key, value] of Object.entries(fields) as [keyof EngagementSettings, unknown][]) {
        if (value !== undefined && value !== state.settings[key]) (changes as Record<string, unknown>)[key] = value;
      }
      if (Object.keys(changes).length === 0) throw violation('LIFE-5', 'Nothing to change: every field given already has that value.');
      // TIME-10: those already waiting follow a new speaking time (after the settings change, as it is caused by it).
      const following = changes.speakingSeconds === undefined ? [] : speakingTimeChangeEvents(state, changes.speakingSeconds, at);
      return [{ type: 'engagement.updated', at, changes }, ...following];
    }
    case 'engagement.open':
      requireCreated(state);
      if (state.status !== 'draft') throw violation('LIFE-1', `Only a draft engagement can be opened; this one is ${state.status}.`);
      return [{ type: 'engagement.opened', at }];
    case 'engagement.start':
      requireCreated(state);
      if (state.status !== 'open') {
        throw violation(
          'LIFE-2',
          `Only an open engagement can go live; this one is ${state.status}.${state.status === 'draft' ? ' Open it first.' : ''}`,
        );
      }
      return [{ type: 'engagement.started', at }];
    case 'engagement.end': {
      requireCreated(state);
      if (state.status !== 'live') throw violation('LIFE-3', `Only a live engagement can end; this one is ${state.status}.`);
      // LIFE-3: ending closes the floor (the speaker ends, every waiting request is deferred to written
      // input, DEFER-3) and the open question, so the record shows what was and was not heard.
      const closing = [...floorClosingEvents(state, at), ...breakoutsClosingOnEngagementEnd(state, at)];
      const question: EngagementEvent[] = state.openQuestionId ? [{ type: 'question.closed', at, questionId: state.openQuestionId }] : [];
      return [...closing, ...question, { type: 'engagement.ended', at }];
    }
    default:
      return assertNever(command);
  }
}
