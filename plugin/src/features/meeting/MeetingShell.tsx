import { Body1, makeStyles, mergeClasses, Spinner, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/usePageTitle.js';
import { useHost } from '../../host/HostProvider.js';
import { useEarlyHeading } from '../../live/earlyHeading.js';

/**
 * The meeting page before its surface is ready: the engagement's own title as soon as the stream's snapshot
 * has it (the live copy's, or the early read of it before the page's code has loaded), with placeholders
 * where the tabs and cards will be (issue 3: meaningful content first, while the console's code still
 * loads). Laid out like the console's header so that nothing jumps when it arrives. The placeholders are
 * hidden from assistive technology; the spinner says what is happening.
 */
// The console's own spacing (ChairConsole.tsx), so that nothing moves when the console replaces the shell.
const useStyles = makeStyles({
  page: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalM,
    overflowWrap: 'anywhere',
  },
  pageCompact: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  titleCompact: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  plain: { margin: 0 },
  bar: { display: 'inline-block', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground3 },
  tabs: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  spinner: { justifyContent: 'flex-start' },
  cards: { display: 'grid', gap: tokens.spacingVerticalM, gridTemplateColumns: 'repeat(auto-fit, minmax(min(26rem, 100%), 1fr))' },
  cardsCompact: { gridTemplateColumns: 'minmax(0, 1fr)' },
  card: {
    height: '10rem',
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export function MeetingShell({
  engagementId,
  heading = null,
}: {
  engagementId: string;
  heading?: { title: string; theme: string | null } | null;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const early = useEarlyHeading(engagementId);
  const compact = useHost().surface === 'sidePanel';
  const { title = null, theme = null } = heading ?? early ?? {};
  usePageTitle(t('a11y.title.loading'), title);
  const bar = (width: number, height: number) => (
    // Dynamic: each placeholder has the size of what it stands for.
    <span className={styles.bar} style={{ width, height }} />
  );
  return (
    <div data-testid="meeting-shell" className={mergeClasses(styles.page, compact && styles.pageCompact)}>
      <header>
        {title === null ? (
          bar(compact ? 180 : 320, 28)
        ) : (
          <Title2 as="h1" className={compact ? styles.titleCompact : undefined}>
            {title}
          </Title2>
        )}
        {theme && (
          <Body1 as="p" className={styles.plain}>
            {theme}
          </Body1>
        )}
      </header>
      <div aria-hidden="true" className={styles.tabs}>
        {[48, 64, 88, 72, 56, 64].map((width, i) => (
          <span key={i}>{bar(width, 16)}</span>
        ))}
      </div>
      <Spinner size="small" label={t('meeting.loading')} className={styles.spinner} />
      <div aria-hidden="true" className={mergeClasses(styles.cards, compact && styles.cardsCompact)}>
        {[0, 1].map((i) => (
          <div key={i} className={styles.card} />
        ))}
      </div>
    </div>
  );
}
