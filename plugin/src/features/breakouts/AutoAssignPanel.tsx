import { Button, Caption1, MessageBar, MessageBarBody, Title3 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { formatTimeSeconds } from '../../i18n/format.js';
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
export function AutoAssignPanel({
  state,
  round,
  serverNow,
  commands,
}: {
  state: EngagementState;
  round: BreakoutRound;
  serverNow: () => number;
  commands: CommandRunner;
}) {
  const layout = useLayoutStyles();
  const { t } = useTranslation();
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
      setApplied(t('bconsole.auto.applied'));
      setPreview(null);
    }
  };
  const last = round.lastAutoAssign;
  const planned = round.status === 'planned';
  return (
    <section aria-labelledby={`auto-h-${round.id}`} className={layout.stack}>
      <Title3 block as="h3" id={`auto-h-${round.id}`}>
        {t('bconsole.auto.title')}
      </Title3>
      {planned && (
        <div className={layout.buttons}>
          <Button onClick={() => compute(seed)}>{preview ? t('bconsole.auto.previewAgain') : t('bconsole.auto.preview')}</Button>
          <Button onClick={() => compute(randomSeed())}>{t('bconsole.auto.another')}</Button>
          <Button appearance="primary" disabledFocusable={!preview?.ok || commands.busy} onClick={apply}>
            {t('bconsole.auto.apply')}
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
            <p className={layout.plain}>{t('bconsole.auto.proposal', { seed, verdict: previewVerdict(preview.event) })}</p>
            <MixTable
              caption={t('bconsole.auto.proposedCaption')}
              rows={mixRows(round, preview.event.rooms, preview.event.assignment, state.participants)}
            />
          </>
        )}
      </div>
      {!preview && last && (
        <>
          <Caption1>
            {t('bconsole.auto.appliedAt', { time: formatTimeSeconds(last.at), seed: last.seed, verdict: previewVerdict(last) })}
          </Caption1>
          <MixTable caption={t('bconsole.auto.currentCaption')} rows={mixRows(round, last.rooms, round.assignment, state.participants)} />
        </>
      )}
    </section>
  );
}
