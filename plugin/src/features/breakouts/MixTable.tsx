import { Caption1, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import type { MixRow } from './autoAssignPreview.js';

// A table wider than a narrow card scrolls inside it, not the page (WCAG 1.4.10 allows it for data tables).
const useStyles = makeStyles({ scroll: { overflowX: 'auto' } });

/** Each room's mix: size against capacity, constituencies, regions, preferences honoured, and who. */
export function MixTable({ rows, caption }: { rows: MixRow[]; caption: string }) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.scroll}>
      <Table size="small" aria-label={caption}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('bconsole.mix.room')}</TableHeaderCell>
            <TableHeaderCell>{t('bconsole.mix.people')}</TableHeaderCell>
            <TableHeaderCell>{t('bconsole.mix.byConstituency')}</TableHeaderCell>
            <TableHeaderCell>{t('bconsole.mix.byRegion')}</TableHeaderCell>
            <TableHeaderCell>{t('bconsole.mix.honoured')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.roomId}>
              <TableCell>
                <strong>{row.theme}</strong>
                <Caption1 className={layout.block}>{row.members.join(', ') || t('bconsole.mix.nobody')}</Caption1>
              </TableCell>
              <TableCell>
                {row.size} / {row.capacity}
              </TableCell>
              <TableCell>{row.categories.map((c) => `${c.label} ${c.count}`).join(', ') || '—'}</TableCell>
              <TableCell>{row.regions.map((c) => `${c.label} ${c.count}`).join(', ') || '—'}</TableCell>
              <TableCell>{row.preferencesHonoured}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
