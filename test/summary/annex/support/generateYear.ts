import type { Actor } from '../../../../server/domain/context.js';
import { ProcessCommand } from '../../../../server/domain/process/commands.js';
import { decideProcess } from '../../../../server/domain/process/decideProcess.js';
import type { ProcessEvent } from '../../../../server/domain/process/events.js';
import { evolveProcess } from '../../../../server/domain/process/evolveProcess.js';
import { authorizeProcess } from '../../../../server/domain/process/policies.js';
import { emptyProcessState, type ProcessState } from '../../../../server/domain/process/state.js';
import { PAPER_LANGUAGES, PROPOSAL_STATUSES, FRAMEWORK_ELEMENTS, type ProposalStatus } from '../../../../server/domain/process/vocabulary.js';
import { seededRandom } from '../../../../server/domain/breakouts/seededRandom.js';

// A working group's year, played through the process's real rules (authorizeProcess → decideProcess →
// evolveProcess): 5 engagements, 300 proposals, 120 concept papers. While generating it keeps its own ledger
// of what it did — each proposal's status as the rules must have left it, which proponents agreed to be
// named, which papers were published — so that a test can check the annex against it, not against itself.
// Titles and themes carry what escaping must survive: Markdown and HTML metacharacters, quotes, commas,
// line breaks, spreadsheet formulas, Arabic and Chinese.

export interface YearLedger {
  total: number;
  /** Each proposal's final status, by number. */
  statusOf: Map<number, ProposalStatus>;
  themeOf: Map<number, string>;
  titleOf: Map<number, string>;
  byStatus: Record<ProposalStatus, number>;
  byTheme: Map<string, Record<ProposalStatus, number>>;
  papers: number;
  papersPublished: number;
  /** Organizations that agreed to be named on at least one proposal / never did. */
  named: Set<string>;
  neverNamed: Set<string>;
}

export interface GeneratedYear {
  state: ProcessState;
  ledger: YearLedger;
  events: number;
}

export const YEAR_THEMES = [
  'Capacity-building',
  'Norms, rules & principles',
  'Confidence-building measures',
  'International law',
  'Existing and potential threats <ICT>',
  'Regular institutional dialogue | RID',
  'بناء القدرات',
  '关键基础设施',
] as const;

const TRICKY_TITLES = [
  (i: number) => `Regional CERT hubs, phase ${i}`,
  (i: number) => `"Points of contact" directory, #${i}`,
  (i: number) => `<script>alert(${i})</script> awareness`,
  (i: number) => `=HYPERLINK("http://x", "${i}")`,
  (i: number) => `*Capacity* _mapping_ [${i}] | portal`,
  (i: number) => `Line one ${i}\nline two`,
  (i: number) => `مراكز إقليمية ${i}`,
  (i: number) => `能力建设 ${i}`,
  (i: number) => `1. Not a list item ${i}`,
  (i: number) => `- not a bullet & not <b>bold</b> ${i}`,
];

const zero = (): Record<ProposalStatus, number> => Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, 0])) as Record<ProposalStatus, number>;

const BEFORE_QUESTION: ProposalStatus[] = ['put-forward', 'under-study'];
const BEFORE_PAPER: ProposalStatus[] = ['put-forward', 'under-study', 'question-to-proponent'];

export function generateYear(options: { seed?: number; proposals?: number; papers?: number; engagements?: number } = {}): GeneratedYear {
  const random = seededRandom(options.seed ?? 2026);
  const total = options.proposals ?? 300;
  const paperCount = options.papers ?? 120;
  const engagements = options.engagements ?? 5;
  const int = (n: number) => Math.floor(random() * n);
  let state = emptyProcessState();
  let now = Date.parse('2026-01-12T09:00:00.000Z');
  let n = 0;
  let events = 0;
  const run = (who: string, input: ProcessCommand): ProcessEvent[] => {
    // Through the edge's own validation, as a request would be (trimming included).
    const command = ProcessCommand.parse(input);
    const actor: Actor = { kind: 'user', userId: `dev:${who}`, displayName: who };
    authorizeProcess(state, actor, command);
    const out = decideProcess(state, command, { now: new Date(now).toISOString(), actor, newId: () => `y${++n}` });
    for (const event of out) state = evolveProcess(state, event);
    now += 90_000;
    events += out.length;
    return out;
  };
  const memberId = (who: string) => Object.values(state.members).find((m) => m.userId === `dev:${who}`)!.id;

  run('chair', { type: 'process.create', processId: 'oewg-2026', title: 'Open-ended working group on ICT security, 2021–2025: year 2026' });
  run('chair', { type: 'process.addMember', userId: 'dev:sec', displayName: 'Secretary', organization: 'UNODA', category: 'intergovernmental', role: 'secretariat' });
  const speakers: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    run('sec', { type: 'process.addMember', userId: `dev:d${i}`, displayName: `Delegate ${String(i).padStart(2, '0')}`, organization: `Country ${String(i).padStart(2, '0')}`, category: 'member-state', role: 'delegation' });
    speakers.push(`d${i}`);
  }
  for (let i = 0; i < 30; i += 1) {
    run('sec', { type: 'process.addMember', userId: `dev:s${i}`, displayName: `Speaker ${String(i).padStart(2, '0')}`, organization: `Stakeholder Org ${String(i).padStart(2, '0')}`, category: 'ngo', role: 'stakeholder' });
    speakers.push(`s${i}`);
  }
  for (let e = 1; e <= engagements; e += 1) run('chair', { type: 'process.linkEngagement', engagementId: `eng-${e}`, title: `Engagement ${e} of 2026` });

  const ledger: YearLedger = {
    total,
    statusOf: new Map(),
    themeOf: new Map(),
    titleOf: new Map(),
    byStatus: zero(),
    byTheme: new Map(),
    papers: 0,
    papersPublished: 0,
    named: new Set(),
    neverNamed: new Set(),
  };
  const ids = new Map<number, string>();
  const proponentsOf = new Map<number, string[]>();

  // 1. Put forward: by staff from the engagements, or by a delegation or stakeholder by hand.
  for (let i = 1; i <= total; i += 1) {
    const theme = YEAR_THEMES[int(YEAR_THEMES.length)];
    const title = TRICKY_TITLES[int(TRICKY_TITLES.length)](i);
    const own = random() < 0.2;
    const proponents = own ? [speakers[int(speakers.length)]] : [...new Set(Array.from({ length: int(4) }, () => speakers[int(speakers.length)]))];
    const engagementId = `eng-${1 + int(engagements)}`;
    const kinds = ['intervention', 'written-input', 'breakout-report'] as const;
    const kind = kinds[int(3)];
    const source: Extract<ProcessCommand, { type: 'proposal.putForward' }>['source'] = own
      ? { kind: 'manual' }
      : kind === 'intervention'
        ? { kind, engagementId, requestId: `r${i}`, note: `Heard from ${proponents[0] ?? 'the room'}` }
        : kind === 'written-input'
          ? { kind, engagementId, inputId: `in${i}` }
          : { kind, engagementId, roundId: `round${i}`, roomId: `room${i}`, text: 'From the room' };
    const [event] = run(own ? proponents[0] : 'sec', {
      type: 'proposal.putForward',
      source,
      title,
      description: `Elaborates ${title}, with "quotes", commas, and a second line.\nSee the paper.`,
      theme,
      questionRef: `GQ ${1 + int(5)}`,
      implementation: {
        action: `Set up ${i}`,
        implementers: random() < 0.5 ? 'UNODA with regional organizations' : undefined,
        beneficiaries: random() < 0.6 ? ['developing countries', 'small island developing States'] : [],
        resources: random() < 0.4 ? `USD ${1 + int(9)}m over two years` : undefined,
        timeline: random() < 0.5 ? '2027–2028' : undefined,
        frameworkElement: FRAMEWORK_ELEMENTS[int(FRAMEWORK_ELEMENTS.length)],
      },
      ...(own ? {} : { proponentIds: proponents.map(memberId) }),
    });
    const id = (event as Extract<ProcessEvent, { type: 'proposal.putForward' }>).proposal.id;
    ids.set(i, id);
    proponentsOf.set(i, proponents);
    ledger.statusOf.set(i, 'put-forward');
    ledger.themeOf.set(i, theme);
    ledger.titleOf.set(i, title);
    for (const who of proponents) {
      if (random() < 0.3) {
        run(who, { type: 'proposal.setConsent', proposalId: id, named: true });
        ledger.named.add(state.members[memberId(who)].organization);
      }
    }
  }

  // 2. Concept papers for 120 proposals (the first version moves the proposal to `elaborated`), some revised,
  //    most published by the Chair.
  const withPaper = shuffle([...ids.keys()], random).slice(0, paperCount);
  for (const number of withPaper) {
    const id = ids.get(number)!;
    const author = proponentsOf.get(number)![0] ?? 'sec';
    const [submitted] = run(author, { type: 'paper.submit', proposalId: id, title: `Concept paper on ${ledger.titleOf.get(number)}`, language: PAPER_LANGUAGES[int(6)], attachmentId: `att-${number}-1` });
    const paperId = (submitted as { paperId: string }).paperId;
    ledger.papers += 1;
    if (BEFORE_PAPER.includes(ledger.statusOf.get(number)!)) ledger.statusOf.set(number, 'elaborated');
    if (random() < 0.3) run(author, { type: 'paper.revise', paperId, language: PAPER_LANGUAGES[int(6)], attachmentId: `att-${number}-2` });
    if (random() < 0.75) {
      run('chair', { type: 'paper.publish', paperId });
      ledger.papersPublished += 1;
    }
  }

  // 3. Each proposal moves on along the road (or is withdrawn); merges come last, into proposals still live.
  const hasPaper = new Set(withPaper);
  const toMerge: number[] = [];
  for (const [number, id] of ids) {
    const roll = random();
    const current = ledger.statusOf.get(number)!;
    const target: ProposalStatus = hasPaper.has(number)
      ? (['elaborated', 'discussed', 'reflected', 'reflected', 'withdrawn'] as const)[int(5)]
      : roll < 0.15 ? 'put-forward' : roll < 0.3 ? 'under-study' : roll < 0.45 ? 'question-to-proponent' : roll < 0.6 ? 'discussed' : roll < 0.75 ? 'reflected' : roll < 0.88 ? 'merged' : 'withdrawn';
    if (target === current) continue;
    if (target === 'merged') {
      toMerge.push(number);
    } else if (target === 'withdrawn') {
      run('sec', { type: 'proposal.withdraw', proposalId: id, reason: 'Covered by another proposal' });
    } else if (target === 'question-to-proponent' && proponentsOf.get(number)!.length > 0 && BEFORE_QUESTION.includes(current)) {
      run('chair', { type: 'proposal.ask', proposalId: id, text: 'Who would implement it, and with what resources?' });
    } else if (target !== 'put-forward') {
      run('sec', { type: 'proposal.setStatus', proposalId: id, status: target as Exclude<ProposalStatus, 'put-forward' | 'merged' | 'withdrawn'> });
    }
    if (target !== 'merged' && target !== 'put-forward') ledger.statusOf.set(number, target);
  }
  const live = [...ids.keys()].filter((k) => !toMerge.includes(k) && !['merged', 'withdrawn'].includes(ledger.statusOf.get(k)!));
  for (const number of toMerge) {
    run('chair', { type: 'proposal.merge', proposalId: ids.get(number)!, intoProposalId: ids.get(live[int(live.length)])! });
    ledger.statusOf.set(number, 'merged');
  }

  for (const [number, status] of ledger.statusOf) {
    ledger.byStatus[status] += 1;
    const theme = ledger.themeOf.get(number)!;
    const counts = ledger.byTheme.get(theme) ?? zero();
    counts[status] += 1;
    ledger.byTheme.set(theme, counts);
  }
  for (const m of Object.values(state.members)) if (!ledger.named.has(m.organization) && (m.role === 'delegation' || m.role === 'stakeholder')) ledger.neverNamed.add(m.organization);
  return { state, ledger, events };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
