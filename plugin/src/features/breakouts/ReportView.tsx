import { Caption1 } from '@fluentui/react-components';
import type { BreakoutReport } from '../../../../server/domain/breakouts/index.js';

/** A filed rapporteur report, read-only, for the Chair's report-back. */
export function ReportView({ report, theme }: { report: BreakoutReport; theme: string }) {
  const list = (title: string, items: string[]) =>
    items.length > 0 && (
      <>
        <dt style={{ fontWeight: 600 }}>{title}</dt>
        <dd style={{ margin: 0 }}>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        </dd>
      </>
    );
  return (
    <details>
      <summary>Read the report of “{theme}”</summary>
      <dl style={{ margin: '4px 0', display: 'grid', gap: 4 }}>
        {list('Key points', report.keyPoints)}
        {list('Proposals', report.proposals)}
        {list(
          'For implementation',
          report.implementation.map((s) => `${s.who}: ${s.what} (${s.when})`),
        )}
        {list('Open questions', report.openQuestions)}
      </dl>
      <Caption1>Filed {new Date(report.at).toLocaleTimeString()}, revision {report.revision}.</Caption1>
    </details>
  );
}
