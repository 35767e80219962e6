import { z } from 'zod';
import { ACCREDITATIONS, CATEGORIES, REGIONS, ROLES } from './vocabularyLists.js';

// The words of docs/product.md, as closed sets. Everything stored or sent uses exactly these strings. The lists
// the tab's first screen needs live in vocabularyLists.ts (no zod); the zod enums are built from them here.
export { ACCREDITATIONS, CATEGORIES, ENGAGEMENT_STATUSES, REGIONS, ROLES, type EngagementStatus } from './vocabularyLists.js';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** The Chair and the Chair's team run the engagement; they see everything (VIEW-1). */
export const STAFF_ROLES: readonly Role[] = ['chair', 'secretariat'];
export const isStaffRole = (role: Role | null | undefined): boolean => role === 'chair' || role === 'secretariat';

export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

/** The five UN regional groups, or `other`. */
export const Region = z.enum(REGIONS);
export type Region = z.infer<typeof Region>;

/** How a stakeholder is admitted: ECOSOC consultative status, or the non-objection procedure. */
export const Accreditation = z.enum(ACCREDITATIONS);
export type Accreditation = z.infer<typeof Accreditation>;

export const AGENDA_KINDS = ['opening', 'question', 'breakouts', 'report-back', 'closing', 'other'] as const;
export const AgendaKind = z.enum(AGENDA_KINDS);
export type AgendaKind = z.infer<typeof AgendaKind>;

/** The six official languages of the United Nations: the Chair's summary is written in one of them (LIFE-7). */
export const SUMMARY_LANGUAGES = ['ar', 'zh-Hans', 'en', 'fr', 'ru', 'es'] as const;
export const SummaryLanguage = z.enum(SUMMARY_LANGUAGES);
export type SummaryLanguage = z.infer<typeof SummaryLanguage>;

export const QUESTION_STATUSES = ['draft', 'open', 'closed'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const PARTICIPANT_STATUSES = ['pending', 'approved', 'declined'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** Order policies of a speakers list (FLOOR-5..7). */
export const ORDER_POLICIES = ['inscription', 'first-time-first', 'alternate'] as const;
export const OrderPolicy = z.enum(ORDER_POLICIES);
export type OrderPolicy = z.infer<typeof OrderPolicy>;

/** What became of a floor request. `waiting` and `speaking` are live; the rest are final. */
export const REQUEST_STATUSES = ['waiting', 'speaking', 'heard', 'withdrawn', 'skipped', 'deferred'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const NOTE_VISIBILITIES = ['secretariat', 'public'] as const;
export const NoteVisibility = z.enum(NOTE_VISIBILITIES);
export type NoteVisibility = z.infer<typeof NoteVisibility>;

export const REPLAN_STRATEGIES = ['shorten', 'cap'] as const;
export const ReplanStrategy = z.enum(REPLAN_STRATEGIES);
export type ReplanStrategy = z.infer<typeof ReplanStrategy>;

/** The two constituencies that the `alternate` policy alternates between. */
export type Constituency = 'member-states' | 'stakeholders';
