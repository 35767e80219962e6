import {
  ACCREDITATIONS,
  CATEGORIES,
  ENGAGEMENT_STATUSES,
  REGIONS,
  ROLES,
  type Accreditation,
  type Category,
  type EngagementStatus,
  type Region,
  type Role,
} from '../../../../server/domain/vocabularyLists.js';
import { i18n } from '../../i18n/i18n.js';

// The words people read for the domain's closed sets (docs/product.md vocabulary), in the tab's language.
// Functions, not constant maps: the words change when the user picks another language.

export const categoryLabel = (category: Category): string => i18n.t(`labels.category.${category}`);
export const regionLabel = (region: Region): string => i18n.t(`labels.region.${region}`);
export const accreditationLabel = (accreditation: Accreditation): string => i18n.t(`labels.accreditation.${accreditation}`);
/** Rows from list endpoints carry these as plain strings: an unknown value is shown as it came. */
export const roleLabel = (role: Role | string): string =>
  (ROLES as readonly string[]).includes(role) ? i18n.t(`labels.role.${role as Role}`) : role;
export const engagementStatusLabel = (status: EngagementStatus | string): string =>
  (ENGAGEMENT_STATUSES as readonly string[]).includes(status) ? i18n.t(`labels.engagementStatus.${status as EngagementStatus}`) : status;

/** A lookup table whose every read asks the current language, for code that indexes labels by key. */
function liveTable<K extends string>(keys: readonly K[], label: (key: K) => string): Record<K, string> {
  const table = {} as Record<K, string>;
  for (const key of keys) Object.defineProperty(table, key, { get: () => label(key), enumerable: true });
  return table;
}

export const CATEGORY_LABEL = liveTable(CATEGORIES, categoryLabel);
export const REGION_LABEL = liveTable(REGIONS, regionLabel);
export const ACCREDITATION_LABEL = liveTable(ACCREDITATIONS, accreditationLabel);
