import { Body1, Spinner, Title2, tokens } from '@fluentui/react-components';
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
export function MeetingShell({ engagementId, heading = null }: { engagementId: string; heading?: { title: string; theme: string | null } | null }) {
  const { t } = useTranslation();
  const early = useEarlyHeading(engagementId);
  const compact = useHost().surface === 'sidePanel';
  const { title = null, theme = null } = heading ?? early ?? {};
  usePageTitle(t('a11y.title.loading'), title);
  const bar = (width: number, height: number) => (
    <span style={{ display: 'inline-block', width, height, borderRadius: 4, background: tokens.colorNeutralBackground3 }} />
  );
  return (
    <div data-testid="meeting-shell" style={{ padding: compact ? '8px 12px' : '12px 20px', display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 12 }}>
      <header>
        {title === null ? (
          bar(compact ? 180 : 320, 28)
        ) : (
          <Title2 as="h1" style={{ fontSize: compact ? 20 : undefined }}>
            {title}
          </Title2>
        )}
        {theme && <Body1 as="p" style={{ margin: 0 }}>{theme}</Body1>}
      </header>
      <div aria-hidden="true" style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        {[48, 64, 88, 72, 56, 64].map((width, i) => (
          <span key={i}>{bar(width, 16)}</span>
        ))}
      </div>
      <Spinner size="small" label={t('meeting.loading')} style={{ justifyContent: 'flex-start' }} />
      <div aria-hidden="true" style={{ display: 'grid', gap: 12, gridTemplateColumns: compact ? 'minmax(0, 1fr)' : 'repeat(auto-fit, minmax(420px, 1fr))' }}>
        {[0, 1].map((i) => (
          <div key={i} style={{ height: 160, borderRadius: 8, border: `1px solid ${tokens.colorNeutralStroke2}` }} />
        ))}
      </div>
    </div>
  );
}
