import { Badge, Body1, Caption1, Title3, tokens } from '@fluentui/react-components';
import type { EngagementState } from '../../../../server/domain/index.js';
import { occupancy, type BreakoutRound } from '../../../../server/domain/breakouts/index.js';
import { attendanceOf } from './breakoutsOf.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { useHost } from '../../host/HostProvider.js';
import { browserUrlOf, JoinRoom, TeamsMediaNote } from './JoinRoom.js';
import { RapporteurReportForm } from './RapporteurReportForm.js';
import { ReportView } from './ReportView.js';

/** Each room at a glance for staff: who leads it, how full it is, who is in it now, its report; enter any room, report for it. */
export function RoomsOverview({
  state,
  round,
  displayName,
  compact,
  commands,
}: {
  state: EngagementState;
  round: BreakoutRound;
  displayName: string;
  compact: boolean;
  commands: CommandRunner;
}) {
  const host = useHost();
  const attendance = attendanceOf(round);
  const name = (id: string | null) => (id ? (state.participants[id]?.displayName ?? 'someone') : null);
  const question = (id: string | null) => (id ? state.questions.findIndex((q) => q.id === id) : -1);
  return (
    <section aria-labelledby={`rooms-h-${round.id}`} style={{ display: 'grid', gap: 8 }}>
      <Title3 block as="h3" id={`rooms-h-${round.id}`}>
        Rooms
      </Title3>
      {host.mode === 'teams' && round.status === 'running' && <TeamsMediaNote browserUrl={browserUrlOf(state.id, compact)} />}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 8, gridTemplateColumns: compact ? '1fr' : 'repeat(auto-fit, minmax(260px, 1fr))' }}>
        {round.rooms.map((room) => {
          const q = question(room.questionId);
          const present = attendance ? (attendance[room.id] ?? []) : undefined;
          const report = round.reports[room.id];
          return (
            <li key={room.id} style={{ padding: 8, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: 8, display: 'grid', gap: 4 }}>
              <Body1 style={{ fontWeight: 600 }}>
                {room.index}. {room.theme}
              </Body1>
              {q >= 0 && <Caption1>On question {q + 1}: {state.questions[q].text}</Caption1>}
              <Caption1>
                Facilitator: {name(room.facilitatorId) ?? 'none'} · Rapporteur: {name(room.rapporteurId) ?? 'none'}
              </Caption1>
              <Caption1>
                Assigned {occupancy(round, room.id)} of {room.capacity}
                {present && ` · in the room now: ${present.length}${present.length ? ` (${present.map((id) => name(id) ?? id).join(', ')})` : ''}`}
              </Caption1>
              {report ? (
                <Badge appearance="tint" color="success">
                  Report filed (revision {report.revision})
                </Badge>
              ) : round.status === 'ended' && room.rapporteurId ? (
                <Badge appearance="tint" color="warning">
                  Report awaited
                </Badge>
              ) : null}
              {report && <ReportView report={report} theme={room.theme} />}
              {round.status !== 'planned' && (
                // BREAKOUT-19: staff may report for a room too (no rapporteur, or one who could not file).
                <details>
                  <summary>{report ? 'Revise the report for this room' : 'Write the report for this room'}</summary>
                  <RapporteurReportForm roundId={round.id} room={room} existing={report ?? null} commands={commands} />
                </details>
              )}
              {round.status === 'running' && (
                <JoinRoom engagementId={state.id} roomId={room.id} theme={room.theme} displayName={displayName} compact={compact} label="Enter room" teamsNote={false} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
