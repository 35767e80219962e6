import type { Actor } from '../../../../server/domain/context.js';
import { ProcessCommand } from '../../../../server/domain/process/commands.js';
import { decideProcess } from '../../../../server/domain/process/decideProcess.js';
import type { ProcessEvent } from '../../../../server/domain/process/events.js';
import { evolveProcess } from '../../../../server/domain/process/evolveProcess.js';
import { authorizeProcess } from '../../../../server/domain/process/policies.js';
import { emptyProcessState, type ProcessState } from '../../../../server/domain/process/state.js';
import {
  PAPER_LANGUAGES,
  PROPOSAL_STATUSES,
  FRAMEWORK_ELEMENTS,
  type ProposalStatus,
} from '../../../../server/domain/process/vocabulary.js';
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

const zero = (): Record<ProposalStatus, number> =>
  Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, 0])) as Record<ProposalStatus, number>;

const BEFORE_QUESTION: ProposalStatus[] = ['put-forward', 'under-study'];
const BEFORE_PAPER: ProposalStatus[] = ['put-forward', 'under-study', 'question-to-proponent'];

/** The year's cast and clock, and the process's rules, played one command at a time. */
class Year {
  state = emptyProcessState();
  events = 0;
  readonly random: () => number;
  readonly speakers: string[] = [];
  readonly ids = new Map<number, string>();
  readonly proponentsOf = new Map<number, string[]>();
  readonly ledger: YearLedger;
  private now = Date.parse('2026-01-12T09:00:00.000Z');
  private n = 0;

  constructor(
    seed: number,
    readonly total: number,
    readonly engagements: number,
  ) {
    this.random = seededRandom(seed);
    this.ledger = {
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
  }

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  run(who: string, input: ProcessCommand): ProcessEvent[] {
    // Through the edge's own validation, as a request would be (trimming included).
    const command = ProcessCommand.parse(input);
    const actor: Actor = { kind: 'user', userId: `dev:${who}`, displayName: who };
    authorizeProcess(this.state, actor, command);
    const out = decideProcess(this.state, command, { now: new Date(this.now).toISOString(), actor, newId: () => `y${++this.n}` });
    for (const event of out) this.state = evolveProcess(this.state, event);
    this.now += 90_000;
    this.events += out.length;
    return out;
  }

  memberId(who: string): string {
    return Object.values(this.state.members).find((m) => m.userId === `dev:${who}`)!.id;
  }

  setUp(): void {
    this.run('chair', {
      type: 'process.create',
      processId: 'oewg-2026',
      title: 'Open-ended working group on ICT security, 2021–2025: year 2026',
    });
    this.run('chair', {
      type: 'process.addMember',
      userId: 'dev:sec',
      displayName: 'Secretary',
      organization: 'UNODA',
      category: 'intergovernmental',
      role: 'secretariat',
    });
    const pad = (i: number) => String(i).padStart(2, '0');
    for (let i = 0; i < 40; i += 1) {
      this.run('sec', {
        type: 'process.addMember',
        userId: `dev:d${i}`,
        displayName: `Delegate ${pad(i)}`,
        organization: `Country ${pad(i)}`,
        category: 'member-state',
        role: 'delegation',
      });
      this.speakers.push(`d${i}`);
    }
    for (let i = 0; i < 30; i += 1) {
      this.run('sec', {
        type: 'process.addMember',
        userId: `dev:s${i}`,
        displayName: `Speaker ${pad(i)}`,
        organization: `Stakeholder Org ${pad(i)}`,
        category: 'ngo',
        role: 'stakeholder',
      });
      this.speakers.push(`s${i}`);
    }
    for (let e = 1; e <= this.engagements; e += 1)
      this.run('chair', { type: 'process.linkEngagement', engagementId: `eng-${e}`, title: `Engagement ${e} of 2026` });
  }

  /** 1. Put forward: by staff from the engagements, or by a delegation or stakeholder by hand. */
  putForward(i: number): void {
    const { random, speakers, ledger } = this;
    const theme = YEAR_THEMES[this.int(YEAR_THEMES.length)];
    const title = TRICKY_TITLES[this.int(TRICKY_TITLES.length)](i);
    const own = random() < 0.2;
    const proponents = own
      ? [speakers[this.int(speakers.length)]]
      : [...new Set(Array.from({ length: this.int(4) }, () => speakers[this.int(speakers.length)]))];
    const engagementId = `eng-${1 + this.int(this.engagements)}`;
    const kind = (['intervention', 'written-input', 'breakout-report'] as const)[this.int(3)];
    const source: Extract<ProcessCommand, { type: 'proposal.putForward' }>['source'] = own
      ? { kind: 'manual' }
      : kind === 'intervention'
        ? { kind, engagementId, requestId: `r${i}`, note: `Heard from ${proponents[0] ?? 'the room'}` }
        : kind === 'written-input'
          ? { kind, engagementId, inputId: `in${i}` }
          : { kind, engagementId, roundId: `round${i}`, roomId: `room${i}`, text: 'From the room' };
    const [event] = this.run(own ? proponents[0] : 'sec', {
      type: 'proposal.putForward',
      source,
      title,
      description: `Elaborates ${title}, with "quotes", commas, and a second line.\nSee the paper.`,
      theme,
      questionRef: `GQ ${1 + this.int(5)}`,
      implementation: {
        action: `Set up ${i}`,
        implementers: random() < 0.5 ? 'UNODA with regional organizations' : undefined,
        beneficiaries: random() < 0.6 ? ['developing countries', 'small island developing States'] : [],
        resources: random() < 0.4 ? `USD ${1 + this.int(9)}m over two years` : undefined,
        timeline: random() < 0.5 ? '2027–2028' : undefined,
        frameworkElement: FRAMEWORK_ELEMENTS[this.int(FRAMEWORK_ELEMENTS.length)],
      },
      ...(own ? {} : { proponentIds: proponents.map((who) => this.memberId(who)) }),
    });
    const id = (event as Extract<ProcessEvent, { type: 'proposal.putForward' }>).proposal.id;
    this.ids.set(i, id);
    this.proponentsOf.set(i, proponents);
    ledger.statusOf.set(i, 'put-forward');
    ledger.themeOf.set(i, theme);
    ledger.titleOf.set(i, title);
    for (const who of proponents) {
      if (random() < 0.3) {
        this.run(who, { type: 'proposal.setConsent', proposalId: id, named: true });
        ledger.named.add(this.state.members[this.memberId(who)].organization);
      }
    }
  }

  /** 2. A concept paper (its first version moves the proposal to `elaborated`), perhaps revised, mostly published. */
  paper(number: number): void {
    const { ledger } = this;
    const id = this.ids.get(number)!;
    const author = this.proponentsOf.get(number)![0] ?? 'sec';
    const language = () => PAPER_LANGUAGES[this.int(6)];
    const [submitted] = this.run(author, {
      type: 'paper.submit',
      proposalId: id,
      title: `Concept paper on ${ledger.titleOf.get(number)}`,
      language: language(),
      attachmentId: `att-${number}-1`,
    });
    const paperId = (submitted as { paperId: string }).paperId;
    ledger.papers += 1;
    if (BEFORE_PAPER.includes(ledger.statusOf.get(number)!)) ledger.statusOf.set(number, 'elaborated');
    if (this.random() < 0.3) this.run(author, { type: 'paper.revise', paperId, language: language(), attachmentId: `att-${number}-2` });
    if (this.random() < 0.75) {
      this.run('chair', { type: 'paper.publish', paperId });
      ledger.papersPublished += 1;
    }
  }

  /** 3. The proposal moves on along the road, or is withdrawn; returns true when it is to be merged (last). */
  moveOn(number: number, hasPaper: boolean): boolean {
    const id = this.ids.get(number)!;
    const current = this.ledger.statusOf.get(number)!;
    const roll = this.random();
    const target: ProposalStatus = hasPaper
      ? (['elaborated', 'discussed', 'reflected', 'reflected', 'withdrawn'] as const)[this.int(5)]
      : roll < 0.15
        ? 'put-forward'
        : roll < 0.3
          ? 'under-study'
          : roll < 0.45
            ? 'question-to-proponent'
            : roll < 0.6
              ? 'discussed'
              : roll < 0.75
                ? 'reflected'
                : roll < 0.88
                  ? 'merged'
                  : 'withdrawn';
    if (target === current || target === 'put-forward') return false;
    if (target === 'merged') return true;
    if (target === 'withdrawn') {
      this.run('sec', { type: 'proposal.withdraw', proposalId: id, reason: 'Covered by another proposal' });
    } else if (target === 'question-to-proponent' && this.proponentsOf.get(number)!.length > 0 && BEFORE_QUESTION.includes(current)) {
      this.run('chair', { type: 'proposal.ask', proposalId: id, text: 'Who would implement it, and with what resources?' });
    } else {
      this.run('sec', {
        type: 'proposal.setStatus',
        proposalId: id,
        status: target as Exclude<ProposalStatus, 'put-forward' | 'merged' | 'withdrawn'>,
      });
    }
    this.ledger.statusOf.set(number, target);
    return false;
  }

  /** The ledger's counts, from its own record of each proposal's status (never from the state). */
  count(): void {
    const { ledger } = this;
    for (const [number, status] of ledger.statusOf) {
      ledger.byStatus[status] += 1;
      const counts = ledger.byTheme.get(ledger.themeOf.get(number)!) ?? zero();
      counts[status] += 1;
      ledger.byTheme.set(ledger.themeOf.get(number)!, counts);
    }
    for (const m of Object.values(this.state.members)) {
      if (!ledger.named.has(m.organization) && (m.role === 'delegation' || m.role === 'stakeholder')) ledger.neverNamed.add(m.organization);
    }
  }
}

export function generateYear(options: { seed?: number; proposals?: number; papers?: number; engagements?: number } = {}): GeneratedYear {
  const year = new Year(options.seed ?? 2026, options.proposals ?? 300, options.engagements ?? 5);
  year.setUp();
  for (let i = 1; i <= year.total; i += 1) year.putForward(i);
  const withPaper = shuffle([...year.ids.keys()], year.random).slice(0, options.papers ?? 120);
  for (const number of withPaper) year.paper(number);
  const papered = new Set(withPaper);
  const toMerge = [...year.ids.keys()].filter((number) => year.moveOn(number, papered.has(number)));
  // Merges come last, into proposals that stay live.
  const live = [...year.ids.keys()].filter((k) => !toMerge.includes(k) && !['merged', 'withdrawn'].includes(year.ledger.statusOf.get(k)!));
  // With no live proposal left to merge into, a proposal meant to be merged stays where it was.
  for (const number of live.length === 0 ? [] : toMerge) {
    year.run('chair', {
      type: 'proposal.merge',
      proposalId: year.ids.get(number)!,
      intoProposalId: year.ids.get(live[year.int(live.length)])!,
    });
    year.ledger.statusOf.set(number, 'merged');
  }
  year.count();
  return { state: year.state, ledger: year.ledger, events: year.events };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
