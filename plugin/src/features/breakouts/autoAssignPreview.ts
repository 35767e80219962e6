import { DomainError, type Category, type Participant, type Region } from '../../../../server/domain/index.js';
import { i18n } from '../../i18n/i18n.js';
import { decideBreakouts, type BreakoutEventOf, type BreakoutRound, type RoomMix } from '../../../../server/domain/breakouts/index.js';
import { CATEGORY_LABEL, REGION_LABEL } from '../shared/labels.js';
import type { StateWithBreakouts } from './breakoutsOf.js';

// The preview of `breakouts.autoAssign {seed}` is the server's own decision run here: `decideBreakouts` is
// pure, so given the same state and seed it returns the very event the server will record (BREAKOUT-7).
// Nothing of the assignment rule is copied into the tab; applying sends the command with the same seed.

export type AutoAssignEvent = BreakoutEventOf<'breakouts.autoAssigned'>;

export type AutoAssignPreview = { ok: true; event: AutoAssignEvent } | { ok: false; message: string };

/** A fresh seed in the command's range (the server accepts any int32 or uint32). */
export const randomSeed = (random: () => number = Math.random): number => Math.floor(random() * 2_147_483_647);

export function previewAutoAssign(state: StateWithBreakouts, roundId: string, seed: number, now: string): AutoAssignPreview {
  try {
    const events = decideBreakouts(
      state,
      { type: 'breakouts.autoAssign', roundId, seed },
      { now, actor: { kind: 'system' }, newId: () => 'preview' },
    );
    const event = events.find((e): e is AutoAssignEvent => e.type === 'breakouts.autoAssigned');
    return event ? { ok: true, event } : { ok: false, message: i18n.t('bconsole.mix.nothing') };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, message: `${error.detail} (rule ${error.rule})` };
    throw error;
  }
}

export interface MixCount {
  key: string;
  label: string;
  count: number;
}

export interface MixRow {
  roomId: string;
  theme: string;
  size: number;
  capacity: number;
  categories: MixCount[];
  regions: MixCount[];
  preferencesHonoured: number;
  /** Everyone the preview puts in the room (pinned people and placed observers included), by name. */
  members: string[];
}

const label = (table: Record<string, string>, key: string): string =>
  key === 'unstated' ? i18n.t('bconsole.mix.regionNotStated') : (table[key] ?? key);

const counts = (record: Record<string, number>, table: Record<string, string>): MixCount[] =>
  Object.entries(record)
    .filter(([, n]) => n > 0)
    .map(([key, count]) => ({ key, label: label(table, key), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));

/**
 * Each room's mix as people read it. Counts are taken over everyone the assignment puts in the room — the
 * domain's `RoomMix` counts only the people it placed, not the pinned facilitators and rapporteurs around
 * whom it placed them — so the table shows the room as it will be; preferences honoured come from the mix.
 */
export function mixRows(
  round: Pick<BreakoutRound, 'rooms'>,
  mixes: readonly RoomMix[],
  assignment: Record<string, string>,
  participants: Record<string, Participant>,
): MixRow[] {
  return round.rooms.map((room) => {
    const mix = mixes.find((m) => m.roomId === room.id);
    const ids = Object.entries(assignment)
      .filter(([, roomId]) => roomId === room.id)
      .map(([pid]) => pid);
    const byCategory: Record<string, number> = {};
    const byRegion: Record<string, number> = {};
    for (const id of ids) {
      const p = participants[id];
      if (!p) continue;
      byCategory[p.category] = (byCategory[p.category] ?? 0) + 1;
      const region = p.region ?? 'unstated';
      byRegion[region] = (byRegion[region] ?? 0) + 1;
    }
    return {
      roomId: room.id,
      theme: room.theme,
      size: ids.length,
      capacity: room.capacity,
      categories: counts(byCategory, CATEGORY_LABEL as Record<Category, string>),
      regions: counts(byRegion, REGION_LABEL as Record<Region, string>),
      preferencesHonoured: mix?.preferencesHonoured ?? 0,
      members: ids.map((id) => participants[id]?.displayName ?? id).sort((a, b) => a.localeCompare(b)),
    };
  });
}

/** One line that says how good the proposal is, for the summary above the table. */
export function previewVerdict(
  event: Pick<AutoAssignEvent, 'balanced' | 'preferencesStated' | 'preferencesHonoured' | 'maxDeviation'>,
): string {
  const balance = event.balanced
    ? i18n.t('bconsole.mix.balanced')
    : i18n.t('bconsole.mix.unbalanced', { category: event.maxDeviation.category, region: event.maxDeviation.region });
  const prefs =
    event.preferencesStated === 0
      ? i18n.t('bconsole.mix.noPreference')
      : i18n.t('bconsole.mix.honouredOf', { honoured: event.preferencesHonoured, stated: event.preferencesStated });
  return `${balance} ${prefs}`;
}
