import { Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { MixRow } from './autoAssignPreview.js';

/** Each room's mix: size against capacity, constituencies, regions, preferences honoured, and who. */
export function MixTable({ rows, caption }: { rows: MixRow[]; caption: string }) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={caption}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Room</TableHeaderCell>
            <TableHeaderCell>People</TableHeaderCell>
            <TableHeaderCell>By constituency</TableHeaderCell>
            <TableHeaderCell>By region</TableHeaderCell>
            <TableHeaderCell>Preferences honoured</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.roomId}>
              <TableCell>
                <strong>{row.theme}</strong>
                <Caption1 style={{ display: 'block' }}>{row.members.join(', ') || 'Nobody'}</Caption1>
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
