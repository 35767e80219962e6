import { Body1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title3 } from '@fluentui/react-components';
import type { EngagementState } from '../../../../server/domain/index.js';
import { fairness } from '../../../../server/domain/floor/fairness.js';
import { formatClock } from '../../live/countdown.js';
import { nameOf } from '../shared/selectors.js';

/** FLOOR-17: who was heard how often and for how long, per constituency and per participant. */
export function FairnessRecord({ state, now }: { state: EngagementState; now: number }) {
  const record = fairness(state, new Date(now).toISOString());
  const groups = Object.entries(record.byConstituency) as [string, { timesHeard: number; secondsUsed: number; participants: number }][];
  return (
    <section aria-labelledby="fair-h" style={{ display: 'grid', gap: 8 }}>
      <Title3 as="h3" id="fair-h">
        Fairness record
      </Title3>
      <Table size="small" aria-label="Heard per constituency">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Constituency</TableHeaderCell>
            <TableHeaderCell>Times heard</TableHeaderCell>
            <TableHeaderCell>Participants heard</TableHeaderCell>
            <TableHeaderCell>Speaking time</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {groups.map(([key, g]) => (
            <TableRow key={key}>
              <TableCell>{key === 'member-states' ? 'Member states' : 'Stakeholders'}</TableCell>
              <TableCell>{g.timesHeard}</TableCell>
              <TableCell>{g.participants}</TableCell>
              <TableCell>{formatClock(g.secondsUsed)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {record.participants.length === 0 ? (
        <Body1 as="p">Nobody has asked for the floor yet.</Body1>
      ) : (
        <Table size="small" aria-label="Heard per participant">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Participant</TableHeaderCell>
              <TableHeaderCell>Times heard</TableHeaderCell>
              <TableHeaderCell>Speaking time</TableHeaderCell>
              <TableHeaderCell>Waiting</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {record.participants.map((p) => (
              <TableRow key={p.participantId}>
                <TableCell>{nameOf(state.participants[p.participantId])}</TableCell>
                <TableCell>{p.timesHeard}</TableCell>
                <TableCell>{formatClock(p.secondsUsed)}</TableCell>
                <TableCell>{p.waiting}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
