import { Button, Caption1, MessageBar, MessageBarBody, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import type { EngagementState } from '../../../../server/domain/index.js';
import type { BreakoutRound } from '../../../../server/domain/breakouts/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { mixRows, previewAutoAssign, previewVerdict, randomSeed, type AutoAssignPreview } from './autoAssignPreview.js';
import { withBreakouts } from './breakoutsOf.js';
import { MixTable } from './MixTable.js';
import { runBreakoutCommand } from './runBreakoutCommand.js';

/**
 * Balanced rounds (BREAKOUT-4..7, 13): preview a proposal computed here by the domain's own decision, try
 * another draw, then apply it — the command carries the same seed, so the server records the same rooms.
 */
export function AutoAssignPanel({ state, round, serverNow, commands }: { state: EngagementState; round: BreakoutRound; serverNow: () => number; commands: CommandRunner }) {
  const [seed, setSeed] = useState(() => randomSeed());
  const [preview, setPreview] = useState<AutoAssignPreview | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const compute = (nextSeed: number) => {
    setSeed(nextSeed);
    setApplied(null);
    setPreview(previewAutoAssign(withBreakouts(state), round.id, nextSeed, new Date(serverNow()).toISOString()));
  };
  const apply = async () => {
    const result = await runBreakoutCommand(commands, { type: 'breakouts.autoAssign', roundId: round.id, seed });
    if (result) {
      setApplied('Applied: these are now the rooms. You can still move people by hand before the start.');
      setPreview(null);
    }
  };
  const last = round.lastAutoAssign;
  const planned = round.status === 'planned';
  return (
    <section aria-labelledby={`auto-h-${round.id}`} style={{ display: 'grid', gap: 8 }}>
      <Title3 block as="h3" id={`auto-h-${round.id}`}>
        Balanced assignment
      </Title3>
      {planned && (
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Button onClick={() => compute(seed)}>{preview ? 'Preview again' : 'Preview the rooms'}</Button>
          <Button onClick={() => compute(randomSeed())}>Try another draw</Button>
          <Button appearance="primary" disabled={!preview?.ok || commands.busy} onClick={apply}>
            Apply this assignment
          </Button>
        </div>
      )}
      {applied && <p role="status">{applied}</p>}
      <div aria-live="polite">
        {preview && !preview.ok && (
          <MessageBar intent="warning">
            <MessageBarBody>{preview.message}</MessageBarBody>
          </MessageBar>
        )}
        {preview?.ok && (
          <>
            <p style={{ margin: 0 }}>
              Proposal (draw {seed}): {previewVerdict(preview.event)}
            </p>
            <MixTable caption="Proposed rooms and their mix" rows={mixRows(round, preview.event.rooms, preview.event.assignment, state.participants)} />
          </>
        )}
      </div>
      {!preview && last && (
        <>
          <Caption1>
            Applied {new Date(last.at).toLocaleTimeString()} (draw {last.seed}): {previewVerdict(last)}
          </Caption1>
          <MixTable caption="Current rooms and their mix" rows={mixRows(round, last.rooms, round.assignment, state.participants)} />
        </>
      )}
    </section>
  );
}
