import { makeStyles, tokens } from '@fluentui/react-components';

// The summary's own layouts (the shared ones are in components/useLayoutStyles.ts), from Fluent's tokens.
export const useSummaryStyles = makeStyles({
  /** One of the summary console's cards. */
  card: {
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusXLarge,
    display: 'grid',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  /** One item of a card's list: a paragraph, a correction, a published version. */
  item: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  itemStack: { display: 'grid', gap: tokens.spacingVerticalXS },
  itemStackLoose: { display: 'grid', gap: tokens.spacingVerticalSNudge },
});
