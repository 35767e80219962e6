// The closed sets of docs/product.md's words that the tab names on its first screen (labels, pickers), as plain
// lists without zod: importing them must not pull the validation library into the tab's entry chunk.
// vocabulary.ts builds the zod enums from these same lists.

export const ROLES = ['chair', 'secretariat', 'delegation', 'stakeholder', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const CATEGORIES = [
  'ngo',
  'academia',
  'private-sector',
  'technical-community',
  'intergovernmental',
  'member-state',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** The five UN regional groups, or `other`. */
export const REGIONS = ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog', 'other'] as const;
export type Region = (typeof REGIONS)[number];

/** How a stakeholder is admitted: ECOSOC consultative status, or the non-objection procedure. */
export const ACCREDITATIONS = ['ecosoc', 'non-objection'] as const;
export type Accreditation = (typeof ACCREDITATIONS)[number];

export const ENGAGEMENT_STATUSES = ['draft', 'open', 'live', 'ended'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];
