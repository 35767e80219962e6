import type { EngagementState, FloorRequest, Note, Participant, WrittenInput } from '../domain/state.js';
import { CATEGORIES, REGIONS, ROLES, isStaffRole } from '../domain/vocabulary.js';
import { draftBreakouts, numberBreakouts } from './breakoutSection.js';
import { PROPOSAL_LABELS, localDate } from './labels.js';
import { nameNeutralizer, type NameNeutralizer } from './neutralizeNames.js';
import type {
  AgendaRow,
  AttributiveAnnex,
  AuditRow,
  Paragraph,
  Participation,
  Proposal,
  ProposalKind,
  QuestionSection,
  Summary,
  WrittenInputRow,
} from './Summary.js';

// The Chair's summary, built from the engagement's state alone: pure, no clock (the caller passes
// `generatedAt`), no I/O. The body is non-attributive (docs/product.md: "usually without attributing views to
// named participants"); only the annexes name organisations, and the attributive record exists only on request.

export interface BuildSummaryOptions {
  generatedAt: string;
  /** Add Annex V: who said what, and who could not be heard. For the Chair's files. */
  attributive?: boolean;
  /** The summary slice's cycle, once it exists; a draft by default. */
  status?: Summary['metadata']['status'];
  version?: number | null;
  /** Attachment id → file name, from the attachment store (the state holds ids only). */
  attachmentNames?: Readonly<Record<string, string>>;
}

const PROPOSAL_PREFIX = /^(proposal|action|recommendation)\s*:\s*/i;

const minutesBetween = (from: string | null, to: string | null): number | null =>
  from && to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000)) : null;

const byTimeThenId = <T extends { id?: string }>(at: (x: T) => string, id: (x: T) => string) => (a: T, b: T) =>
  at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0;

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Whitespace (line breaks included) collapsed: a note becomes one paragraph. */
const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();

class Numbering {
  private next = 1;
  paragraph(text: string): Paragraph {
    return { number: this.next++, text };
  }
}

export function buildSummary(state: EngagementState, options: BuildSummaryOptions): Summary {
  const participants = Object.values(state.participants);
  const neutralize = nameNeutralizer(participants);
  const requests = Object.values(state.requests).sort(byTimeThenId((r: FloorRequest) => r.requestedAt, (r) => r.id));
  const liveInputs = Object.values(state.inputs)
    .filter((i) => i.withdrawnAt === null)
    .sort(byTimeThenId((i: WrittenInput) => i.submittedAt, (i) => i.id));
  const answerOf = answeringInputs(requests, liveInputs);
  const questionNumber = new Map(state.questions.map((q, i) => [q.id, i + 1]));
  const publicNotes = state.notes
    .filter((n) => n.visibility === 'public')
    .sort(byTimeThenId((n: Note) => n.at, (n) => n.id));
  const noteQuestion = (n: Note): string | null =>
    n.questionId ?? (n.requestId ? state.requests[n.requestId]?.questionId ?? null : null);

  // Drafted before numbering: rooms linked to a question add their reports' proposals to that question.
  const breakoutDraft = draftBreakouts(state, neutralize, questionNumber);
  const numbering = new Numbering();
  const s = state.settings;
  const approved = participants.filter((p) => p.status === 'approved');
  const participation = participationOf(approved);
  const dateSource = state.startedAt ?? s.scheduledStart;

  const opening = [
    numbering.paragraph(
      "This summary is issued under the Chair's own responsibility. It is not a negotiated text and does not " +
        "attribute views to individual participants; it reflects the Chair's understanding of the main points raised.",
    ),
    numbering.paragraph(openingFacts(state, participation)),
  ];

  const questions: QuestionSection[] = state.questions.map((q) => {
    const interventions = Object.values(state.interventions).filter((i) => i.questionId === q.id);
    const timeUsedSeconds = interventions.reduce((sum, i) => sum + (i.spokeSeconds ?? 0), 0);
    const deferred = requests.filter((r) => r.questionId === q.id && r.status === 'deferred');
    const submitted = deferred.filter((r) => answerOf.has(r.id)).length;
    const inputsOnQuestion = liveInputs.filter((i) => i.questionId === q.id).length;
    const notes = publicNotes.filter((n) => noteQuestion(n) === q.id);
    const { paragraphs, proposals } = draftFromNotes(notes, neutralize);
    return {
      questionId: q.id,
      number: questionNumber.get(q.id)!,
      text: q.text,
      interventions: interventions.length,
      timeUsedSeconds,
      deferred: { count: deferred.length, submittedInWriting: submitted },
      paragraphs: [
        numbering.paragraph(countsSentence(interventions.length, timeUsedSeconds, deferred.length, submitted, inputsOnQuestion)),
        ...paragraphs.map((t) => numbering.paragraph(t)),
      ],
      proposals: [...proposals, ...(breakoutDraft.proposalsByQuestion.get(q.id) ?? [])],
    };
  });

  const general = draftFromNotes(
    publicNotes.filter((n) => noteQuestion(n) === null),
    neutralize,
  );
  // Without a question to list them under, proposals stay in the text with their label.
  const generalDiscussion = [...general.paragraphs, ...general.proposals.map((p) => `${PROPOSAL_LABELS[p.kind]}: ${p.text}`)].map((t) =>
    numbering.paragraph(t),
  );

  const breakouts = numberBreakouts(breakoutDraft, (text) => numbering.paragraph(text));

  const closing = [numbering.paragraph(closingFacts(requests, liveInputs.length))];

  const agenda = agendaOf(state, questionNumber);
  const speakersList = requests.map((r) => auditRow(state, r, questionNumber, answerOf.get(r.id) ?? null));

  return {
    schema: 'convene.summary/1',
    metadata: {
      engagementId: state.id,
      title: s.title,
      theme: s.theme,
      language: 'en',
      timeZone: s.timeZone,
      date: dateSource ? localDate(dateSource, s.timeZone) : null,
      scheduledStart: s.scheduledStart,
      startedAt: state.startedAt,
      endedAt: state.endedAt,
      plannedMinutes: s.plannedMinutes,
      actualMinutes: minutesBetween(state.startedAt, state.endedAt),
      status: options.status ?? 'draft',
      version: options.version ?? null,
      generatedAt: options.generatedAt,
      attributive: options.attributive === true,
    },
    participation,
    agenda,
    opening,
    questions,
    generalDiscussion,
    breakouts,
    closing,
    annexes: {
      writtenInputs: liveInputs.map((i) => inputRow(state, i, questionNumber, answerOf, options.attachmentNames ?? {})),
      speakersList,
      attributive: options.attributive
        ? { ...attributiveAnnex(state, publicNotes, noteQuestion, requests, answerOf), ...(breakoutDraft.annex.length > 0 ? { breakouts: breakoutDraft.annex } : {}) }
        : null,
    },
    timeUse: agenda.map((a) => ({ label: a.title, plannedMinutes: a.plannedMinutes, actualMinutes: a.actualMinutes })),
  };
}

/** Request id → the live written input that answered it (DEFER-2), by either link. */
function answeringInputs(requests: FloorRequest[], liveInputs: WrittenInput[]): Map<string, WrittenInput> {
  const byId = new Map(liveInputs.map((i) => [i.id, i]));
  const answers = new Map<string, WrittenInput>();
  for (const i of liveInputs) if (i.requestId && !answers.has(i.requestId)) answers.set(i.requestId, i);
  for (const r of requests) {
    const input = r.fulfilledByInputId ? byId.get(r.fulfilledByInputId) : undefined;
    if (input && !answers.has(r.id)) answers.set(r.id, input);
  }
  return answers;
}

function draftFromNotes(notes: Note[], neutralize: NameNeutralizer): { paragraphs: string[]; proposals: Proposal[] } {
  const paragraphs: string[] = [];
  const proposals: Proposal[] = [];
  for (const note of notes) {
    const text = clean(note.text);
    if (!text) continue;
    const prefix = PROPOSAL_PREFIX.exec(text);
    if (prefix) {
      const rest = text.slice(prefix[0].length);
      if (rest) proposals.push({ kind: prefix[1].toLowerCase() as ProposalKind, text: neutralize(rest) });
    } else {
      paragraphs.push(neutralize(text));
    }
  }
  return { paragraphs, proposals };
}

export function countsSentence(interventions: number, seconds: number, deferred: number, submitted: number, inputs: number): string {
  const minutes = Math.round(seconds / 60);
  let text = `${plural(interventions, 'intervention was', 'interventions were')} made on this question over ${plural(minutes, 'minute', 'minutes')}`;
  text +=
    deferred > 0
      ? `; ${plural(deferred, 'request to speak', 'requests to speak')} could not be heard and ${deferred === 1 ? 'was' : 'were'} invited to submit in writing, of which ${submitted} did so.`
      : '.';
  if (inputs > 0) text += ` ${plural(inputs, 'written input was', 'written inputs were')} received on this question (Annex III).`;
  return text;
}

function openingFacts(state: EngagementState, participation: Participation): string {
  const s = state.settings;
  const theme = s.theme ? `, on the theme “${s.theme}”,` : '';
  const when = state.startedAt ?? s.scheduledStart;
  const held = when ? ` was held on ${localDate(when, s.timeZone)} (${s.timeZone})` : ' was held';
  const delegations = participation.byRole.delegation;
  const stakeholders = participation.byRole.stakeholder;
  return (
    `The informal virtual engagement “${s.title}”${theme}${held}. ` +
    `${plural(participation.total, 'participant', 'participants')} from ${plural(participation.organizationCount, 'organization', 'organizations')} took part, ` +
    `including ${plural(delegations, 'delegation', 'delegations')} of Member States and ${plural(stakeholders, 'stakeholder', 'stakeholders')} (Annex I). ` +
    'The agenda as it ran, with planned and actual times, is in Annex II.'
  );
}

function closingFacts(requests: FloorRequest[], inputs: number): string {
  const count = (status: FloorRequest['status']) => requests.filter((r) => r.status === status).length;
  const waiting = count('waiting') + count('speaking');
  return (
    `${plural(inputs, 'written input was', 'written inputs were')} received (Annex III). ` +
    `Of ${plural(requests.length, 'request to speak', 'requests to speak')}, ${count('heard')} ${count('heard') === 1 ? 'was' : 'were'} heard, ` +
    `${count('deferred')} could not be heard and ${count('deferred') === 1 ? 'was' : 'were'} invited to submit in writing, ` +
    `${count('skipped')} ${count('skipped') === 1 ? 'was' : 'were'} skipped and ${count('withdrawn')} withdrawn` +
    (waiting > 0 ? `; ${waiting} ${waiting === 1 ? 'was' : 'were'} still open when this summary was generated` : '') +
    '. The full speakers list is in Annex IV.'
  );
}

function participationOf(approved: Participant[]): Participation {
  const byRole = Object.fromEntries(ROLES.map((r) => [r, 0])) as Participation['byRole'];
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Participation['byCategory'];
  const byRegion = Object.fromEntries([...REGIONS, 'unspecified'].map((r) => [r, 0])) as Participation['byRegion'];
  const orgs = new Map<string, Set<string>>();
  for (const p of approved) {
    byRole[p.role] += 1;
    byCategory[p.category] += 1;
    byRegion[p.region ?? 'unspecified'] += 1;
    const name = p.organization.trim();
    if (!isStaffRole(p.role) && name) {
      if (!orgs.has(p.category)) orgs.set(p.category, new Set());
      orgs.get(p.category)!.add(name);
    }
  }
  const organizations = CATEGORIES.filter((c) => orgs.has(c)).map((category) => ({
    category,
    names: [...orgs.get(category)!].sort((a, b) => a.localeCompare(b, 'en')),
  }));
  return {
    total: approved.length,
    byRole,
    byCategory,
    byRegion,
    organizations,
    organizationCount: organizations.reduce((n, g) => n + g.names.length, 0),
  };
}

function agendaOf(state: EngagementState, questionNumber: Map<string, number>): AgendaRow[] {
  return state.agenda.map((item) => {
    // The item running when the engagement ended never got its own end: it ended with the engagement.
    const endedAt = item.endedAt ?? (item.startedAt && item.id === state.currentAgendaItemId ? state.endedAt : null);
    return {
      itemId: item.id,
      kind: item.kind,
      title: item.title,
      questionNumber: item.questionId ? questionNumber.get(item.questionId) ?? null : null,
      plannedMinutes: item.plannedMinutes,
      actualMinutes: minutesBetween(item.startedAt, endedAt),
      startedAt: item.startedAt,
      endedAt,
    };
  });
}

function inputRow(
  state: EngagementState,
  input: WrittenInput,
  questionNumber: Map<string, number>,
  answerOf: Map<string, WrittenInput>,
  attachmentNames: Readonly<Record<string, string>>,
): WrittenInputRow {
  const question = input.questionId ? state.questions.find((q) => q.id === input.questionId) ?? null : null;
  const answers = [...answerOf.entries()].some(([requestId, i]) => i.id === input.id && state.requests[requestId]?.status === 'deferred');
  return {
    inputId: input.id,
    title: input.title,
    organization: state.participants[input.participantId]?.organization ?? 'Unknown',
    questionNumber: question ? questionNumber.get(question.id) ?? null : null,
    questionText: question?.text ?? null,
    submittedAt: input.submittedAt,
    answersDeferredRequest: answers,
    attachments: input.attachmentIds.map((id) => ({ id, filename: attachmentNames[id] ?? null })),
  };
}

function auditRow(state: EngagementState, r: FloorRequest, questionNumber: Map<string, number>, answer: WrittenInput | null): AuditRow {
  const p = state.participants[r.participantId];
  const speech = state.interventions[r.id];
  const question = state.questions.find((q) => q.id === r.questionId) ?? null;
  const reason = r.status === 'skipped' ? r.skipReason : r.status === 'deferred' ? r.deferralReason : null;
  return {
    requestId: r.id,
    requestedAt: r.requestedAt,
    organization: p?.organization ?? 'Unknown',
    name: p?.displayName ?? 'Unknown',
    category: p?.category ?? 'other',
    questionNumber: questionNumber.get(r.questionId) ?? null,
    questionText: question?.text ?? null,
    outcome: r.status,
    reason,
    allowanceSeconds: speech?.allowanceSeconds ?? r.allowanceSeconds,
    extendedSeconds: speech ? speech.extendedSeconds : null,
    givenAt: speech?.startedAt ?? null,
    endedAt: speech?.endedAt ?? null,
    spokeSeconds: speech?.spokeSeconds ?? null,
    overrunSeconds: speech?.overrunSeconds ?? null,
    writtenInputId: answer?.id ?? null,
    writtenInputTitle: answer?.title ?? null,
  };
}

function attributiveAnnex(
  state: EngagementState,
  publicNotes: Note[],
  noteQuestion: (n: Note) => string | null,
  requests: FloorRequest[],
  answerOf: Map<string, WrittenInput>,
): AttributiveAnnex {
  return {
    questions: state.questions.map((q, index) => ({
      questionNumber: index + 1,
      statements: publicNotes
        .filter((n) => noteQuestion(n) === q.id && clean(n.text))
        .map((n) => {
          const speaker = n.requestId ? state.participants[state.requests[n.requestId]?.participantId ?? ''] : undefined;
          return { organization: speaker?.organization ?? 'Chair (general note)', name: speaker?.displayName ?? null, text: clean(n.text) };
        }),
      deferredSpeakers: requests
        .filter((r) => r.questionId === q.id && r.status === 'deferred')
        .map((r) => ({
          organization: state.participants[r.participantId]?.organization ?? 'Unknown',
          name: state.participants[r.participantId]?.displayName ?? 'Unknown',
          submittedInWriting: answerOf.has(r.id),
        })),
    })),
  };
}
