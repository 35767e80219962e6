import { Badge, Body1, Button, Dropdown, Field, Input, makeStyles, mergeClasses, Option, Title3, tokens } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, ReOrderDotsVerticalRegular } from '@fluentui/react-icons';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_POLICIES, type EngagementState, type OrderPolicy } from '../../../../server/domain/index.js';
import { constituencyOf } from '../../../../server/domain/floor/speakersOrder.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { formatClock } from '../../live/countdown.js';
import { nameOf, waitingList, type Waiting } from '../shared/selectors.js';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import { cancelFocusWhenShown, focusWhenShown } from '../../components/focusWhenShown.js';
import { CURRENT_SPEAKER_FOCUS } from './CurrentSpeaker.js';

const useStyles = makeStyles({
  row: {
    listStyleType: 'none',
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  place: { minWidth: '1.5rem', fontVariantNumeric: 'tabular-nums' },
  who: { flex: '1 1 10rem', minWidth: 0, overflowWrap: 'anywhere' },
  note: { margin: `${tokens.spacingVerticalXXS} 0 0` },
  skip: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', marginTop: tokens.spacingVerticalS, flexWrap: 'wrap' },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: { margin: 0, padding: 0 },
  dragging: { opacity: 0.6 },
});

function Row({
  item,
  index,
  count,
  state,
  commands,
}: {
  item: Waiting;
  index: number;
  count: number;
  state: EngagementState;
  commands: CommandRunner;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.request.id });
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState('');
  const { request, participant } = item;
  const move = (position: number) => void commands.run({ type: 'floor.move', requestId: request.id, position });
  const name = nameOf(participant);
  // The row leaves the list once the floor is given: focus goes to the card that now shows the speaker.
  const give = () => {
    focusWhenShown(CURRENT_SPEAKER_FOCUS);
    void commands.run({ type: 'floor.give', requestId: request.id }).then((r) => r || cancelFocusWhenShown(CURRENT_SPEAKER_FOCUS));
  };
  const objections = participant ? state.objections.filter((o) => o.participantId === participant.id).length : 0;
  return (
    <li
      ref={setNodeRef}
      className={mergeClasses(styles.row, isDragging && styles.dragging)}
      // Dynamic: where the row is while it is dragged (dnd-kit's offset in screen pixels, and its transition).
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-testid="waiting-row"
    >
      <div className={styles.line}>
        <Button
          appearance="subtle"
          icon={<ReOrderDotsVerticalRegular />}
          aria-label={t('console.speakers.drag', { name })}
          {...attributes}
          {...listeners}
        />
        <span className={styles.place}>{index + 1}.</span>
        <span className={styles.who}>
          <strong>{name}</strong>
          {participant?.organization ? ` — ${participant.organization}` : ''}{' '}
          <Badge appearance="outline" size="small">
            {constituencyOf(participant ?? undefined) === 'member-states'
              ? t('console.speakers.memberState')
              : t('console.speakers.stakeholder')}
          </Badge>{' '}
          {request.allowanceSeconds !== state.settings.speakingSeconds && (
            <Badge size="small" color="warning">
              {formatClock(request.allowanceSeconds)}
            </Badge>
          )}{' '}
          {objections > 0 && (
            <Badge size="small" color="danger">
              {t('console.speakers.objections', { count: objections })}
            </Badge>
          )}
          {request.note && (
            <Body1 as="p" className={styles.note}>
              {request.note}
            </Body1>
          )}
        </span>
        <Button
          size="small"
          icon={<ArrowUpRegular />}
          aria-label={t('console.speakers.moveUp', { name })}
          disabledFocusable={index === 0 || commands.busy}
          onClick={() => move(index - 1)}
        />
        <Button
          size="small"
          icon={<ArrowDownRegular />}
          aria-label={t('console.speakers.moveDown', { name })}
          disabledFocusable={index === count - 1 || commands.busy}
          onClick={() => move(index + 1)}
        />
        <Button size="small" appearance="primary" disabledFocusable={commands.busy || Boolean(state.currentRequestId)} onClick={give}>
          {t('console.speakers.give')}
        </Button>
        <Button size="small" onClick={() => setSkipping((s) => !s)} aria-expanded={skipping}>
          {t('console.speakers.skipEllipsis')}
        </Button>
        <Button
          size="small"
          disabledFocusable={commands.busy}
          onClick={() => void commands.run({ type: 'floor.defer', requestId: request.id })}
        >
          {t('console.speakers.defer')}
        </Button>
      </div>
      {skipping && (
        <form
          className={styles.skip}
          onSubmit={(e) => {
            e.preventDefault();
            void commands
              .run({ type: 'floor.skip', requestId: request.id, ...(reason.trim() ? { reason: reason.trim() } : {}) })
              .then((r) => {
                if (r) setSkipping(false);
              });
          }}
        >
          <Field label={t('console.speakers.skipReason', { name })}>
            <Input value={reason} onChange={(_, d) => setReason(d.value)} />
          </Field>
          <Button type="submit" disabledFocusable={commands.busy}>
            {t('console.speakers.skip')}
          </Button>
        </form>
      )}
    </li>
  );
}

/** The open question's speakers list: reorder by drag (pointer or keyboard) or with the move buttons. */
export function SpeakersList({ state, commands }: { state: EngagementState; commands: CommandRunner }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const layout = useLayoutStyles();
  const list = waitingList(state, state.openQuestionId);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = (event: DragEndEvent) => {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    const to = list.findIndex((w) => w.request.id === over.id);
    if (to >= 0) void commands.run({ type: 'floor.move', requestId: String(active.id), position: to });
  };
  return (
    <section aria-labelledby="speakers-h">
      <div className={styles.head}>
        <Title3 as="h2" id="speakers-h">
          {t('console.speakers.title', { count: list.length })}
        </Title3>
        <Field label={t('console.speakers.order')}>
          <Dropdown
            className={layout.fit}
            value={t(`console.speakers.policy.${state.policy}`)}
            selectedOptions={[state.policy]}
            onOptionSelect={(_, d) =>
              d.optionValue &&
              d.optionValue !== state.policy &&
              void commands.run({ type: 'floor.policy', order: d.optionValue as OrderPolicy })
            }
          >
            {ORDER_POLICIES.map((p) => (
              <Option key={p} value={p}>
                {t(`console.speakers.policy.${p}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      {!state.openQuestionId ? (
        <Body1 as="p">{t('console.speakers.openFirst')}</Body1>
      ) : list.length === 0 ? (
        <Body1 as="p">{t('console.speakers.none')}</Body1>
      ) : (
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={list.map((w) => w.request.id)} strategy={verticalListSortingStrategy}>
            <ol aria-label={t('console.speakers.waiting')} className={styles.list}>
              {list.map((item, index) => (
                <Row key={item.request.id} item={item} index={index} count={list.length} state={state} commands={commands} />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
    </section>
  );
}
