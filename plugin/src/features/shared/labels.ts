import type { Accreditation, Category, Region } from '../../../../server/domain/index.js';

// The words people read for the domain's closed sets (PRODUCT.md vocabulary).

export const CATEGORY_LABEL: Record<Category, string> = {
  ngo: 'Non-governmental organization',
  academia: 'Academia',
  'private-sector': 'Private sector',
  'technical-community': 'Technical community',
  intergovernmental: 'Intergovernmental organization',
  'member-state': 'Member state (delegation)',
  other: 'Other',
};
export const REGION_LABEL: Record<Region, string> = {
  african: 'African Group',
  'asia-pacific': 'Asia-Pacific Group',
  'eastern-european': 'Eastern European Group',
  grulac: 'Latin American and Caribbean Group (GRULAC)',
  weog: 'Western European and Others Group (WEOG)',
  other: 'Other',
};
export const ACCREDITATION_LABEL: Record<Accreditation, string> = {
  ecosoc: 'In consultative status with ECOSOC',
  'non-objection': 'Not in ECOSOC status (non-objection procedure)',
};
