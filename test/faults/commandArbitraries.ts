// fast-check generators of POST /commands bodies for the command fuzz: well-formed commands of every
// client type whose fields are sometimes valid and sometimes not, junk, wrong types, huge strings, unknown
// and internal types, bad envelopes. Ids cannot be known when values are generated, so an id is a slot
// (`{ $id: n }`) that the test resolves against the ids the engagement has at the moment it sends.
import fc from 'fast-check';

/** An id of the given kind (or of any kind) that the engagement has when the body is sent. */
export interface IdSlot {
  $id: number;
  kind?: IdKind;
}
export type IdKind = 'question' | 'item' | 'participant' | 'request' | 'input' | 'invitation' | 'round' | 'room';
/** `expectedVersion` relative to the engagement's version when sent. */
export interface VersionSlot {
  $version: number;
}
/** A body sent as raw text (not JSON-encoded by the client). */
export interface RawBody {
  $raw: string;
}

const ROLES = ['chair', 'secretariat', 'delegation', 'stakeholder', 'observer'] as const;
const CATEGORIES = ['ngo', 'academia', 'private-sector', 'technical-community', 'intergovernmental', 'member-state', 'other'] as const;
const REGIONS = ['african', 'asia-pacific', 'eastern-european', 'grulac', 'weog', 'other'] as const;

const huge = fc.constantFrom(2_001, 20_001, 70_000, 300_000).map((n) => 'é'.repeat(n));
const word = fc.string({ minLength: 1, maxLength: 40 });
const anyText = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: huge },
);

/** Something of the wrong kind for almost any field. */
const wrong = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    '',
    ' ',
    '   \t',
    '-1',
    'NaN',
    '1e309',
    '__proto__',
    'constructor',
    '<script>alert(1)</script>',
    "'; DROP TABLE events; --",
  ),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  huge,
);

const badId = fc.oneof(
  fc.constantFrom('', 'nope', '00000000-0000-0000-0000-000000000000', 'x'.repeat(65), 'x'.repeat(64), '../../etc/passwd', '%00', '🙂'),
  fc.string({ maxLength: 70 }),
);
/** A real id of that kind, most of the time. */
const idOf = (kind: IdKind): fc.Arbitrary<IdSlot> => fc.nat(1_000).map((n) => ({ $id: n, kind }));
const anyId: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.nat(1_000).map((n): IdSlot => ({ $id: n })) },
  { weight: 2, arbitrary: badId },
  { weight: 1, arbitrary: wrong },
);

const good = fc.stringMatching(/^[A-Z][a-z]{2,12}( [a-z]{2,10}){0,4}[.?]?$/);
const instantValid = fc
  .date({ min: new Date('2026-11-28T09:30:00Z'), max: new Date('2026-11-30T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const instantAny = fc.oneof(
  fc
    .date({ min: new Date('2026-11-27T08:00:00Z'), max: new Date('2026-11-30T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom('2026-11-28T11:00:00+02:00', '2026-13-40T25:61:00Z', 'tomorrow', '2026-11-28'),
);
const textAny = fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: anyText });
const enumAny = (values: readonly string[]) =>
  fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: word });

/** One field: a generator of valid values, one of values a careless or hostile client sends, and whether it is required. */
interface Field {
  valid: fc.Arbitrary<unknown>;
  fuzzy: fc.Arbitrary<unknown>;
  required: boolean;
}
const field = (valid: fc.Arbitrary<unknown>, fuzzy: fc.Arbitrary<unknown>, required = false): Field => ({
  valid,
  fuzzy: fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: fuzzy }, { weight: 1, arbitrary: wrong }),
  required,
});
const req = (f: Field): Field => ({ ...f, required: true });
const id = (kind: IdKind) => field(idOf(kind), anyId);
const text = () => field(good, textAny);
const oneOf = (values: readonly string[]) => field(fc.constantFrom(...values), enumAny(values));
const int = (min: number, max: number) => field(fc.integer({ min, max }), fc.integer({ min: min - 20, max: max + 20 }));
const minutes = int(0, 120);
const position = int(0, 5);
const instant = field(instantValid, instantAny);

type Shape = Record<string, Field>;

const BREAKOUT_MODES = ['self-select', 'manual', 'balanced'] as const;
const roomPlan = fc.record(
  {
    theme: good,
    capacity: fc.integer({ min: 1, max: 20 }),
    questionId: idOf('question'),
    rapporteurId: idOf('participant'),
    facilitatorId: idOf('participant'),
  },
  { requiredKeys: ['theme', 'capacity'] },
);
const lines = field(fc.array(good, { minLength: 1, maxLength: 3 }), fc.array(textAny, { maxLength: 3 }));

/** The fields of every command a client may send (the shapes of docs/api.md and server/domain/commands.ts). */
const SHAPES: Record<string, Shape> = {
  'engagement.update': {
    title: text(),
    theme: text(),
    description: text(),
    scheduledStart: instant,
    plannedMinutes: minutes,
    speakingSeconds: int(10, 600),
    timeZone: oneOf(['UTC', 'Europe/Geneva', 'America/New_York']),
  },
  'engagement.open': {},
  'engagement.start': {},
  'engagement.end': {},
  'agenda.add': {
    kind: req(oneOf(['opening', 'question', 'breakouts', 'report-back', 'closing', 'other'])),
    title: text(),
    plannedMinutes: req(minutes),
    questionId: id('question'),
    position,
  },
  'agenda.update': { itemId: req(id('item')), title: text(), plannedMinutes: minutes, questionId: id('question') },
  'agenda.remove': { itemId: req(id('item')) },
  'agenda.move': { itemId: req(id('item')), position: req(position) },
  'agenda.begin': { itemId: req(id('item')) },
  'question.add': { text: req(text()), context: text(), plannedMinutes: minutes },
  'question.update': { questionId: req(id('question')), text: text(), context: text(), plannedMinutes: minutes },
  'question.remove': { questionId: req(id('question')) },
  'question.move': { questionId: req(id('question')), position: req(position) },
  'question.open': { questionId: req(id('question')) },
  'question.close': { questionId: id('question') },
  'participant.register': {
    organization: req(text()),
    category: req(oneOf(CATEGORIES)),
    region: oneOf(REGIONS),
    country: text(),
    accreditation: oneOf(['ecosoc', 'non-objection']),
    displayName: text(),
  },
  'participant.approve': { participantId: req(id('participant')), role: oneOf(ROLES) },
  'participant.decline': { participantId: req(id('participant')), reason: text() },
  'participant.setRole': { participantId: req(id('participant')), role: req(oneOf(ROLES)) },
  'participant.object': { participantId: req(id('participant')), reason: req(text()) },
  'invitation.revoke': { invitationId: req(id('invitation')) },
  'floor.request': { questionId: req(id('question')), note: text() },
  'floor.withdraw': { requestId: req(id('request')) },
  'floor.give': { requestId: id('request') },
  'floor.pause': {},
  'floor.resume': {},
  'floor.extend': { seconds: req(int(1, 1_800)) },
  'floor.end': {},
  'floor.skip': { requestId: req(id('request')), reason: text() },
  'floor.move': { requestId: req(id('request')), position: req(position) },
  'floor.defer': { requestId: req(id('request')) },
  'floor.policy': { order: req(oneOf(['inscription', 'first-time-first', 'alternate'])) },
  'time.setHardStop': { at: req(field(fc.oneof(instantValid, fc.constant(null)), instantAny)) },
  'time.replan': { strategy: req(oneOf(['shorten', 'cap'])), minSeconds: int(10, 600), questionId: id('question') },
  'note.add': {
    requestId: id('request'),
    questionId: id('question'),
    text: req(text()),
    visibility: req(oneOf(['secretariat', 'public'])),
  },
  'input.submit': {
    questionId: id('question'),
    title: req(text()),
    text: req(text()),
    attachmentIds: field(fc.constant([]), fc.array(anyId, { maxLength: 11 })),
    requestId: id('request'),
  },
  'input.withdraw': { inputId: req(id('input')) },
  'breakouts.plan': {
    title: text(),
    rooms: req(field(fc.array(roomPlan, { minLength: 1, maxLength: 3 }), fc.array(fc.oneof(roomPlan, wrong), { maxLength: 3 }))),
    durationMinutes: req(int(1, 60)),
    mode: req(oneOf(BREAKOUT_MODES)),
    reportBackMinutes: int(1, 10),
    agendaItemId: id('item'),
  },
  'breakouts.choose': {
    roundId: req(id('round')),
    roomId: id('room'),
    preferences: field(fc.array(idOf('room'), { maxLength: 3 }), fc.array(anyId, { maxLength: 3 })),
  },
  'breakouts.assign': {
    roundId: req(id('round')),
    participantId: req(id('participant')),
    roomId: req(field(fc.oneof(idOf('room'), fc.constant(null)), anyId)),
  },
  'breakouts.autoAssign': { roundId: req(id('round')), seed: req(int(0, 1_000)) },
  'breakouts.start': { roundId: req(id('round')) },
  'breakouts.broadcast': { roundId: req(id('round')), message: req(text()) },
  'breakouts.extend': { roundId: req(id('round')), minutes: req(int(1, 120)) },
  'breakouts.end': { roundId: req(id('round')) },
  'breakouts.report': {
    roundId: req(id('round')),
    roomId: req(id('room')),
    keyPoints: req(lines),
    proposals: req(lines),
    implementation: req(
      field(fc.array(fc.record({ who: good, what: good, when: good }), { maxLength: 2 }), fc.array(wrong, { maxLength: 2 })),
    ),
    openQuestions: req(lines),
  },
};
export const CLIENT_TYPES = Object.keys(SHAPES);

const valuesOf = (shape: Shape, pick: 'valid' | 'fuzzy') => Object.fromEntries(Object.entries(shape).map(([k, f]) => [k, f[pick]]));
const requiredOf = (shape: Shape) =>
  Object.entries(shape)
    .filter(([, f]) => f.required)
    .map(([k]) => k);

/** The internal commands, with plausible fields: always refused at POST /commands. */
const INTERNAL: Record<string, Shape> = {
  'engagement.create': { title: req(text()), engagementId: id('question') },
  'invitation.create': { role: req(oneOf(ROLES)), codeHash: req(field(fc.constant('a'.repeat(64)), word)), expiresAt: req(instant) },
  'invitation.redeem': { invitationId: req(id('invitation')), userId: req(text()), displayName: req(text()) },
  'floor.recordOverrun': { requestId: req(id('request')) },
  'breakouts.warn': { roundId: req(id('round')) },
  'breakouts.expire': { roundId: req(id('round')) },
  'breakouts.recordAttendance': {
    roomName: req(text()),
    participantSid: req(text()),
    identity: req(id('participant')),
    source: req(oneOf(['webhook', 'reconcile'])),
  },
  'breakouts.closeAttendance': { roomName: req(text()), at: req(instant) },
};

/** A command a well-behaved client could send: required fields present, every value of the right shape. */
const validCommand = (type: string, shape: Shape) =>
  fc.record(valuesOf(shape, 'valid'), { requiredKeys: requiredOf(shape) }).map((fields) => ({ type, ...fields }));

/** The same command from a careless or hostile client: fields missing, of the wrong kind, or unknown. */
const fuzzyCommand = (type: string, shape: Shape) =>
  fc
    .tuple(
      fc.record(valuesOf(shape, 'fuzzy'), { requiredKeys: [] }),
      // Now and then a field the schema does not know (objects are strict: 400).
      fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        {
          weight: 1,
          arbitrary: fc.tuple(
            fc.constantFrom('extra', 'id', 'version', 'actor', 'userId', '__proto__', 'role'),
            fc.jsonValue({ maxDepth: 1 }),
          ),
        },
      ),
    )
    .map(([fields, extra]) => ({ type, ...fields, ...(extra ? { [extra[0]]: extra[1] } : {}) }));

const wellFormed = fc.oneof(
  // Ending the engagement forces a rebuild of the fixture: rarer than the rest.
  {
    weight: 3,
    arbitrary: fc.oneof(
      ...CLIENT_TYPES.map((type) => ({ weight: type === 'engagement.end' ? 1 : 5, arbitrary: validCommand(type, SHAPES[type]) })),
    ),
  },
  { weight: 2, arbitrary: fc.oneof(...CLIENT_TYPES.map((type) => fuzzyCommand(type, SHAPES[type]))) },
);
const internal = fc.oneof(
  ...Object.entries(INTERNAL).map(([type, shape]) => fc.oneof(validCommand(type, shape), fuzzyCommand(type, shape))),
);
const unknownType = fc.record({
  type: fc.oneof(
    word,
    fc.constantFrom(
      'floor',
      'floor.',
      '.request',
      'FLOOR.REQUEST',
      'floor.request ',
      'breakouts.plan',
      'summary.publish',
      'toString',
      '__proto__',
      'constructor',
    ),
  ),
  questionId: anyId,
});
const wrongType = fc.record({ type: wrong, questionId: anyId });
const junk = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant({}),
);
const raw = fc
  .oneof(
    fc.constantFrom(
      '',
      '{',
      '{"type":',
      'null',
      '[]',
      '"floor.give"',
      '42',
      '{"type":"floor.give",}',
      '\u0000',
      '{"type":"floor.give"}{"type":"floor.end"}',
    ),
    fc.string({ maxLength: 40 }),
  )
  .map((text): RawBody => ({ $raw: text }));

const envelope = fc.record(
  {
    commandId: fc.oneof(
      { weight: 4, arbitrary: fc.uuid() },
      { weight: 2, arbitrary: fc.constantFrom('retry-1', 'retry-2', 'retry-3') },
      { weight: 1, arbitrary: fc.oneof(fc.constantFrom('', 'x'.repeat(300)), wrong) },
    ),
    expectedVersion: fc.oneof(
      { weight: 3, arbitrary: fc.constant<VersionSlot>({ $version: 0 }) },
      { weight: 2, arbitrary: fc.integer({ min: -2, max: 1 }).map((d): VersionSlot => ({ $version: d })) },
      { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -5, max: 1e9 }), fc.double(), fc.constantFrom('3', -0, 1e21)) },
      { weight: 1, arbitrary: wrong },
    ),
  },
  { requiredKeys: [] },
);

export const body: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 14, arbitrary: fc.tuple(wellFormed, fc.option(envelope, { freq: 2 })).map(([c, e]) => ({ ...c, ...(e ?? {}) })) },
  { weight: 1, arbitrary: internal },
  { weight: 1, arbitrary: unknownType },
  { weight: 1, arbitrary: wrongType },
  { weight: 1, arbitrary: junk },
  { weight: 1, arbitrary: raw },
);
