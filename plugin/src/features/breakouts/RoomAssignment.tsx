import {
  DndContext,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { Badge, Body1, Caption1, makeStyles, mergeClasses, Select, shorthands, Title3, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLayoutStyles } from '../../components/useLayoutStyles.js';
import type { Participant } from '../../../../server/domain/index.js';
import type { BreakoutRound } from '../../../../server/domain/breakouts/index.js';
import type { CommandRunner } from '../../components/useCommand.js';
import { categoryLabel, regionLabel } from '../shared/labels.js';
import { assignmentChange, boardColumns, UNPLACED, type BoardColumn } from './assignmentBoard.js';
import { runBreakoutCommand } from './runBreakoutCommand.js';

const useStyles = makeStyles({
  // The rooms side by side where each can be 13.75rem wide (it grows with the text size).
  board: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(13.75rem, 100%), 1fr))',
    alignItems: 'start',
  },
  column: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusXLarge,
    minHeight: '5rem',
    // Longhands (not \`border\`): the classes below replace one part each.
    ...shorthands.borderWidth(tokens.strokeWidthThin),
    ...shorthands.borderStyle('solid'),
    ...shorthands.borderColor(tokens.colorNeutralStroke2),
  },
  unplaced: { ...shorthands.borderStyle('dashed') },
  // A card is over this column: a thicker border in the brand colour.
  over: {
    ...shorthands.borderWidth(tokens.strokeWidthThick),
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorNeutralBackground1Hover,
  },
  columnHead: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  people: {
    listStyleType: 'none',
    padding: 0,
    margin: `${tokens.spacingVerticalS} 0 0`,
    display: 'grid',
    gap: tokens.spacingVerticalSNudge,
  },
  person: {
    padding: tokens.spacingHorizontalSNudge,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  dragging: { opacity: 0.6 },
  // The name area is the drag handle: touch scrolling must not start there.
  handle: { cursor: 'grab', touchAction: 'none' },
  fixed: { cursor: 'default', touchAction: 'none' },
  name: { display: 'block', fontWeight: tokens.fontWeightSemibold },
  select: { marginTop: tokens.spacingVerticalXS },
});

/**
 * Place people in rooms: drag a card to a room, or — with the keyboard or a screen reader — pick the room in
 * the card's own select. Each change is one `breakouts.assign`; capacity and eligibility are the server's.
 */
export function RoomAssignment({
  round,
  participants,
  commands,
}: {
  round: BreakoutRound;
  participants: Record<string, Participant>;
  commands: CommandRunner;
}) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const { t } = useTranslation();
  const columns = boardColumns(round, participants);
  // Pointer only: the keyboard path is each card's select, one tab stop per person that lands exactly on a
  // room (dnd-kit's keyboard drag moves by pixels, which is slow and vague across columns).
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const move = (participantId: string, target: string) => {
    const change = assignmentChange(round, participantId, target);
    if (change) void runBreakoutCommand(commands, { type: 'breakouts.assign', ...change });
  };
  const nameOf = (id: string | number) => participants[String(id)]?.displayName ?? t('bconsole.assign.thisPerson');
  const columnName = (id: string | number | undefined) =>
    id === undefined ? t('bconsole.assign.nowhere') : (columns.find((c) => c.id === id)?.title ?? t('bconsole.assign.aRoom'));
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('bconsole.assign.pickedUp', { name: nameOf(active.id) }),
    onDragOver: ({ active, over }) => t('bconsole.assign.over', { name: nameOf(active.id), column: columnName(over?.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('bconsole.assign.moved', { name: nameOf(active.id), column: columnName(over.id) })
        : t('bconsole.assign.notMoved', { name: nameOf(active.id) }),
    onDragCancel: ({ active }) => t('bconsole.assign.cancelled', { name: nameOf(active.id) }),
  };
  const onDragEnd = (event: DragEndEvent) => {
    if (event.over) move(String(event.active.id), String(event.over.id));
  };
  const editable = round.status !== 'ended';
  return (
    <section aria-labelledby={`assign-h-${round.id}`} className={layout.stack}>
      <Title3 block as="h3" id={`assign-h-${round.id}`}>
        {t('bconsole.assign.title')}
      </Title3>
      <Caption1>{t('bconsole.assign.hint')}</Caption1>
      <DndContext sensors={sensors} onDragEnd={onDragEnd} accessibility={{ announcements }}>
        <div className={styles.board}>
          {columns.map((column) => (
            <RoomColumn key={column.id} column={column} round={round} pinned={round.pinned} editable={editable} onMove={move} />
          ))}
        </div>
      </DndContext>
    </section>
  );
}

function RoomColumn({
  column,
  round,
  pinned,
  editable,
  onMove,
}: {
  column: BoardColumn;
  round: BreakoutRound;
  pinned: Record<string, string>;
  editable: boolean;
  onMove: (participantId: string, target: string) => void;
}) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: column.id, disabled: !editable });
  const full = column.capacity !== null && column.people.length >= column.capacity;
  const headingId = `col-${round.id}-${column.id}`;
  return (
    <div
      ref={setNodeRef}
      role="group"
      aria-labelledby={headingId}
      className={mergeClasses(styles.column, column.id === UNPLACED && styles.unplaced, isOver && styles.over)}
    >
      <div id={headingId} className={styles.columnHead}>
        <span>{column.title}</span>
        <span>
          {column.capacity === null ? column.people.length : `${column.people.length} / ${column.capacity}`}
          {full && (
            <Badge appearance="tint" color="warning" className={layout.spaced}>
              {t('bconsole.assign.full')}
            </Badge>
          )}
        </span>
      </div>
      <ul className={styles.people}>
        {column.people.map((p) => (
          <PersonCard
            key={p.id}
            person={p}
            round={round}
            pinnedRoom={pinned[p.id]}
            current={column.id}
            editable={editable}
            onMove={onMove}
          />
        ))}
        {column.people.length === 0 && <li className={layout.muted}>{t('bconsole.assign.nobodyYet')}</li>}
      </ul>
    </div>
  );
}

function PersonCard({
  person,
  round,
  pinnedRoom,
  current,
  editable,
  onMove,
}: {
  person: Participant;
  round: BreakoutRound;
  pinnedRoom: string | undefined;
  current: string;
  editable: boolean;
  onMove: (participantId: string, target: string) => void;
}) {
  const layout = useLayoutStyles();
  const styles = useStyles();
  // The drag handle is the name area only; the select stays an ordinary control for keyboard users.
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: person.id, disabled: !editable });
  const selectId = `room-of-${round.id}-${person.id}`;
  return (
    <li
      ref={setNodeRef}
      className={mergeClasses(styles.person, isDragging && styles.dragging)}
      // Dynamic: where the card is while it is dragged (dnd-kit's pointer offset, in screen pixels: not flipped in RTL).
      style={transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined}
    >
      <div
        {...listeners}
        {...attributes}
        role="button"
        tabIndex={-1}
        aria-roledescription={t('bconsole.assign.draggable')}
        aria-describedby={selectId}
        className={editable ? styles.handle : styles.fixed}
      >
        <Body1 className={styles.name}>{person.displayName}</Body1>
        <Caption1 className={layout.block}>
          {[person.organization, categoryLabel(person.category), person.region ? regionLabel(person.region) : null]
            .filter(Boolean)
            .join(' · ')}
          {pinnedRoom && t('bconsole.assign.pinned')}
        </Caption1>
      </div>
      <Select
        id={selectId}
        aria-label={t('bconsole.assign.roomFor', { name: person.displayName })}
        size="small"
        value={current}
        disabled={!editable}
        onChange={(_, d) => onMove(person.id, d.value)}
        className={styles.select}
      >
        <option value={UNPLACED}>{t('bconsole.assign.notPlaced')}</option>
        {round.rooms.map((room) => (
          <option key={room.id} value={room.id}>
            {room.theme}
          </option>
        ))}
      </Select>
    </li>
  );
}
