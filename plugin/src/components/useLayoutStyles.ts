import { makeStyles, tokens } from '@fluentui/react-components';

// The few layouts every card repeats, from Fluent's spacing tokens (so that they follow the theme and
// stay consistent), instead of inline style objects. Columns are minmax(0, 1fr): a child's natural width
// (a field, a long word) never widens the card past a 320 px panel.
export const useLayoutStyles = makeStyles({
  /** A bordered card of the side panel. */
  card: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    minWidth: 0,
  },
  /** A page of its own (home, join, configuration): padded, at most 45rem wide. */
  page: {
    padding: tokens.spacingHorizontalXL,
    maxWidth: '45rem',
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalL,
  },
  /** A page's header: its title and its tools at the other end. */
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  /** Stacked blocks: a card's heading, text and forms. */
  stack: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS },
  /** Stacked cards or sections, further apart. */
  stackWide: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM, minWidth: 0 },
  /** Stacked lines that belong together. */
  stackTight: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalXS },
  /** Fields and their button on one line, wrapping when narrow. */
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  /** Buttons side by side, wrapping when narrow. */
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  /** A paragraph without the page's default margin. */
  plain: { margin: 0 },
  /** A line under a name (a note, an objection). */
  under: { margin: `${tokens.spacingVerticalXXS} 0 0` },
  /** A bulleted or numbered list indented from the start edge (the right edge in Arabic). */
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  /** A list whose items are spaced like a stack. */
  listStack: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalXS },
  /** Small controls inline with text, wrapping when narrow. */
  inline: { display: 'inline-flex', gap: tokens.spacingHorizontalSNudge, alignItems: 'center', flexWrap: 'wrap' },
  /** Fields side by side where there is room, each at least 12.5rem (or the whole width). */
  fields: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(12.5rem, 100%), 1fr))',
    alignItems: 'end',
  },
  /** A field that takes the rest of its line. */
  fill: { flex: '1 1 12.5rem', minWidth: 0 },
  /** A data table that scrolls inside its card when the card is narrower (WCAG 1.4.10 allows it). */
  scroll: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS, overflowX: 'auto' },
  /** The line a card is about, a step larger than body text. */
  lead: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  /** Space before a badge that follows text. */
  spaced: { marginInlineStart: tokens.spacingHorizontalXS },
  /** A list without bullets, spaced like a stack. */
  bare: { listStyleType: 'none', padding: 0, margin: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  /** A small heading inside a card. */
  minor: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  /** A quoted paragraph of the draft. */
  quoteHeading: { fontSize: tokens.fontSizeBase300, marginBlock: `${tokens.spacingVerticalS} ${tokens.spacingVerticalXS}` },
  quote: { marginBlock: tokens.spacingVerticalXS },
  /** Text as its author wrote it, line breaks kept. */
  pre: { whiteSpace: 'pre-wrap' },
  /** Controls and text on one line, centred, wrapping when narrow. */
  rowCenter: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  /** A fieldset without the browser's frame, laid out as a stack. */
  fieldset: { border: 'none', padding: 0, margin: 0, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS },
  /** An inline element shown on its own line. */
  block: { display: 'block' },
  /** Emphasis by weight. */
  strong: { fontWeight: tokens.fontWeightSemibold },
  /** Secondary text. */
  muted: { color: tokens.colorNeutralForeground3 },
  /** Fluent's Dropdown has a 250 px minimum; in a 280 px side panel it must shrink with its column instead. */
  fit: { minWidth: 0, maxWidth: '100%' },
  /** A number field of a few digits. */
  number: { width: '7rem' },
});
