import type { EngagementState, FloorRequest, Note, Participant, WrittenInput } from '../domain/state.js';
import { CATEGORIES, REGIONS, ROLES, isStaffRole } from '../domain/vocabulary.js';
import { draftBreakouts, numberBreakouts } from './breakoutSection.js';
import type { SummaryLanguage } from '../domain/vocabulary.js';
import { localDate, proposalLabel } from './labels.js';
import { nameNeutralizer, type NameNeutralizer } from './neutralizeNames.js';
import { toSummaryLanguage, wordsFor, type SummaryWords } from './summaryWords.js';
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
  /** The language of the summary's own sentences (LIFE-7); the engagement's setting by default, else English. */
  language?: SummaryLanguage;
}

const PROPOSAL_PREFIX = /^(proposal|action|recommendation)\s*:\s*/i;

const minutesBetween = (from: string | null, to: string | null): number | null =>
  from && to ? Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000)) : null;

const byTimeThenId =
  <T extends { id?: string }>(at: (x: T) => string, id: (x: T) => string) =>
  (a: T, b: T) =>
    at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0;

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
  const language = options.language ?? toSummaryLanguage(state.settings.summaryLanguage);
  const w = wordsFor(language);
  const neutralize = nameNeutralizer(participants, w);
  const requests = Object.values(state.requests).sort(
    byTimeThenId(
      (r: FloorRequest) => r.requestedAt,
      (r) => r.id,
    ),
  );
  const liveInputs = Object.values(state.inputs)
    .filter((i) => i.withdrawnAt === null)
    .sort(
      byTimeThenId(
        (i: WrittenInput) => i.submittedAt,
        (i) => i.id,
      ),
    );
  const answerOf = answeringInputs(requests, liveInputs);
  const questionNumber = new Map(state.questions.map((q, i) => [q.id, i + 1]));
  const publicNotes = state.notes
    .filter((n) => n.visibility === 'public')
    .sort(
      byTimeThenId(
        (n: Note) => n.at,
        (n) => n.id,
      ),
    );
  const noteQuestion = (n: Note): string | null => n.questionId ?? (n.requestId ? (state.requests[n.requestId]?.questionId ?? null) : null);

  // Drafted before numbering: rooms linked to a question add their reports' proposals to that question.
  const breakoutDraft = draftBreakouts(state, neutralize, questionNumber, w);
  const numbering = new Numbering();
  const s = state.settings;
  const approved = participants.filter((p) => p.status === 'approved');
  const participation = participationOf(approved);
  const dateSource = state.startedAt ?? s.scheduledStart;

  const opening = [numbering.paragraph(w.t('opening.disclaimer')), numbering.paragraph(openingFacts(state, participation, w))];

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
        numbering.paragraph(countsSentence(interventions.length, timeUsedSeconds, deferred.length, submitted, inputsOnQuestion, w)),
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
  const generalDiscussion = [...general.paragraphs, ...general.proposals.map((p) => `${proposalLabel(w, p.kind)}: ${p.text}`)].map((t) =>
    numbering.paragraph(t),
  );

  const breakouts = numberBreakouts(breakoutDraft, (text) => numbering.paragraph(text));

  const closing = [numbering.paragraph(closingFacts(requests, liveInputs.length, w))];

  const agenda = agendaOf(state, questionNumber);
  const unknown = w.t('annex.unknown');
  const speakersList = requests.map((r) => auditRow(state, r, questionNumber, answerOf.get(r.id) ?? null, unknown));

  return {
    schema: 'convene.summary/1',
    metadata: {
      engagementId: state.id,
      title: s.title,
      theme: s.theme,
      language,
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
      writtenInputs: liveInputs.map((i) => inputRow(state, i, questionNumber, answerOf, options.attachmentNames ?? {}, unknown)),
      speakersList,
      attributive: options.attributive
        ? {
            ...attributiveAnnex(state, publicNotes, noteQuestion, requests, answerOf, w),
            ...(breakoutDraft.annex.length > 0 ? { breakouts: breakoutDraft.annex } : {}),
          }
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

export function countsSentence(
  interventions: number,
  seconds: number,
  deferred: number,
  submitted: number,
  inputs: number,
  w: SummaryWords = wordsFor('en'),
): string {
  const minutes = Math.round(seconds / 60);
  const made = { interventions: w.t('counts.interventions', { count: interventions }), minutes: w.t('counts.minutes', { count: minutes }) };
  const text =
    deferred > 0
      ? w.t('counts.sentenceDeferred', { ...made, deferred: w.t('counts.deferred', { count: deferred }), submitted })
      : w.t('counts.sentence', made);
  return inputs > 0 ? `${text}${w.sentenceGap}${w.t('counts.inputs', { count: inputs })}` : text;
}

function openingFacts(state: EngagementState, participation: Participation, w: SummaryWords): string {
  const s = state.settings;
  const theme = s.theme ? w.t('opening.theme', { theme: s.theme }) : '';
  const when = state.startedAt ?? s.scheduledStart;
  const held = when
    ? w.t('opening.heldOn', { title: s.title, theme, date: w.date(localDate(when, s.timeZone)), timeZone: s.timeZone })
    : w.t('opening.held', { title: s.title, theme });
  const tookPart = w.t('opening.tookPart', {
    participants: w.t('opening.participants', { count: participation.total }),
    organizations: w.t('opening.organizations', { count: participation.organizationCount }),
    delegations: w.t('opening.delegations', { count: participation.byRole.delegation }),
    stakeholders: w.t('opening.stakeholders', { count: participation.byRole.stakeholder }),
  });
  return [held, tookPart, w.t('opening.agenda')].join(w.sentenceGap);
}

function closingFacts(requests: FloorRequest[], inputs: number, w: SummaryWords): string {
  const count = (status: FloorRequest['status']) => requests.filter((r) => r.status === status).length;
  const waiting = count('waiting') + count('speaking');
  return w.t('closing.sentence', {
    inputs: w.t('closing.inputs', { count: inputs }),
    requests: w.t('closing.requests', { count: requests.length }),
    heard: w.t('closing.heard', { count: count('heard') }),
    deferred: w.t('closing.deferred', { count: count('deferred') }),
    skipped: w.t('closing.skipped', { count: count('skipped') }),
    withdrawn: w.t('closing.withdrawn', { count: count('withdrawn') }),
    open: waiting > 0 ? w.t('closing.open', { count: waiting }) : '',
  });
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
      questionNumber: item.questionId ? (questionNumber.get(item.questionId) ?? null) : null,
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
  unknown: string,
): WrittenInputRow {
  const question = input.questionId ? (state.questions.find((q) => q.id === input.questionId) ?? null) : null;
  const answers = [...answerOf.entries()].some(([requestId, i]) => i.id === input.id && state.requests[requestId]?.status === 'deferred');
  return {
    inputId: input.id,
    title: input.title,
    organization: state.participants[input.participantId]?.organization ?? unknown,
    questionNumber: question ? (questionNumber.get(question.id) ?? null) : null,
    questionText: question?.text ?? null,
    submittedAt: input.submittedAt,
    answersDeferredRequest: answers,
    attachments: input.attachmentIds.map((id) => ({ id, filename: attachmentNames[id] ?? null })),
  };
}

function auditRow(
  state: EngagementState,
  r: FloorRequest,
  questionNumber: Map<string, number>,
  answer: WrittenInput | null,
  unknown: string,
): AuditRow {
  const p = state.participants[r.participantId];
  const speech = state.interventions[r.id];
  const question = state.questions.find((q) => q.id === r.questionId) ?? null;
  const reason = r.status === 'skipped' ? r.skipReason : r.status === 'deferred' ? r.deferralReason : null;
  return {
    requestId: r.id,
    requestedAt: r.requestedAt,
    organization: p?.organization ?? unknown,
    name: p?.displayName ?? unknown,
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
  w: SummaryWords,
): AttributiveAnnex {
  const unknown = w.t('annex.unknown');
  return {
    questions: state.questions.map((q, index) => ({
      questionNumber: index + 1,
      statements: publicNotes
        .filter((n) => noteQuestion(n) === q.id && clean(n.text))
        .map((n) => {
          const speaker = n.requestId ? state.participants[state.requests[n.requestId]?.participantId ?? ''] : undefined;
          return { organization: speaker?.organization ?? w.t('annex.chairNote'), name: speaker?.displayName ?? null, text: clean(n.text) };
        }),
      deferredSpeakers: requests
        .filter((r) => r.questionId === q.id && r.status === 'deferred')
        .map((r) => ({
          organization: state.participants[r.participantId]?.organization ?? unknown,
          name: state.participants[r.participantId]?.displayName ?? unknown,
          submittedInWriting: answerOf.has(r.id),
        })),
    })),
  };
}
