import { Badge, Body1, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title3 } from '@fluentui/react-components';
import type { EngagementState } from '../../../../server/domain/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { ACCREDITATION_LABEL, CATEGORY_LABEL, REGION_LABEL } from '../shared/labels.js';

/** Registrations to approve or decline, with the objections delegations recorded. */
export function Registrations({ state, commands }: { state: EngagementState; commands: CommandRunner }) {
  const people = Object.values(state.participants).sort((a, b) => (a.status === 'pending' ? -1 : 0) - (b.status === 'pending' ? -1 : 0));
  return (
    <section aria-labelledby="reg-h" style={{ display: 'grid', gap: 8 }}>
      <Title3 as="h3" id="reg-h">
        Participants and registrations
      </Title3>
      {people.length === 0 ? (
        <Body1 as="p">Nobody has registered yet. Create invitations below and send the links.</Body1>
      ) : (
        <Table size="small" aria-label="Participants">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name and organization</TableHeaderCell>
              <TableHeaderCell>Category, region</TableHeaderCell>
              <TableHeaderCell>Accreditation</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Decision</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {people.map((p) => {
              const objections = state.objections.filter((o) => o.participantId === p.id);
              return (
                <TableRow key={p.id} data-testid="participant-row">
                  <TableCell>
                    <strong>{p.displayName}</strong>
                    {p.organization ? ` — ${p.organization}` : ''} ({p.role})
                    {objections.map((o) => (
                      <Body1 as="p" key={o.id} style={{ margin: '2px 0 0' }}>
                        Objection by {state.participants[o.byParticipantId]?.displayName ?? 'a delegation'}: {o.reason}
                      </Body1>
                    ))}
                  </TableCell>
                  <TableCell>
                    {CATEGORY_LABEL[p.category] ?? p.category}
                    {p.region ? `, ${REGION_LABEL[p.region]}` : ''}
                    {p.country ? `, ${p.country}` : ''}
                  </TableCell>
                  <TableCell>{p.accreditation ? ACCREDITATION_LABEL[p.accreditation] : '—'}</TableCell>
                  <TableCell>
                    <Badge color={p.status === 'approved' ? 'success' : p.status === 'declined' ? 'danger' : 'warning'}>{p.status}</Badge>
                    {objections.length > 0 && (
                      <Badge color="danger" appearance="outline" style={{ marginInlineStart: 4 }}>
                        {objections.length} objection{objections.length === 1 ? '' : 's'}
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell>
                    {p.role !== 'chair' && p.status !== 'approved' && (
                      <Button size="small" appearance="primary" disabled={commands.busy} onClick={() => void commands.run({ type: 'participant.approve', participantId: p.id })} aria-label={`Approve ${p.displayName}`}>
                        Approve
                      </Button>
                    )}{' '}
                    {p.role !== 'chair' && p.status !== 'declined' && (
                      <Button size="small" disabled={commands.busy} onClick={() => void commands.run({ type: 'participant.decline', participantId: p.id })} aria-label={`Decline ${p.displayName}`}>
                        Decline
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
