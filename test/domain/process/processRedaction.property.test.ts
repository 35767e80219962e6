import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProcessCommand } from '../../../server/domain/process/commands.js';
import { PROCESS_EVENT_TYPES } from '../../../server/domain/process/events.js';
import type { Role } from '../../../server/domain/vocabulary.js';
import { actor } from './processWorld.js';
import { ProcessViewerHarness } from './processViewerHarness.js';

// PROCESS-VIEW-6, property-tested like the engagement's VIEW-9 (test/domain/redaction.property.test.ts): for
// random command sequences by random actors, every viewer — staff, delegations, stakeholders, an observer, a
// signed-in stranger and the portal without sign-in — who folds the redacted events with `evolveProcess`
// from `projectProcess(before)`, taking `projectProcess(after)` on 'resync', holds exactly its projection.
// Steps name people and things by small indexes, resolved against the state when the step runs, so that most
// commands are valid (refusals change nothing and are skipped).

const PEOPLE = ['chair', 'sec', 'kenya', 'fiji', 'ngo', 'lab', 'obs', 'newcomer'] as const;
const VIEWERS = [...PEOPLE, 'stranger', 'portal'];
const ROLES: Role[] = ['chair', 'secretariat', 'delegation', 'stakeholder', 'observer'];
const INITIAL_ROLES: Record<string, Role> = {
  sec: 'secretariat',
  kenya: 'delegation',
  fiji: 'delegation',
  ngo: 'stakeholder',
  lab: 'stakeholder',
  obs: 'observer',
};

type Step = { who: number; kind: number; a: number; b: number; flag: boolean };
const stepArb: fc.Arbitrary<Step> = fc.record({
  who: fc.nat({ max: PEOPLE.length - 1 }),
  kind: fc.nat({ max: 21 }),
  a: fc.nat({ max: 40 }),
  b: fc.nat({ max: 40 }),
  flag: fc.boolean(),
});

function setUp(h: ProcessViewerHarness): void {
  h.issue(actor('chair'), { type: 'process.create', processId: 'oewg', title: 'OEWG' });
  for (const [name, role] of Object.entries(INITIAL_ROLES)) {
    h.issue(actor('chair'), {
      type: 'process.addMember',
      userId: `dev:${name}`,
      displayName: name,
      organization: `Org ${name}`,
      category: 'ngo',
      role,
    });
  }
  h.issue(actor('chair'), { type: 'process.linkEngagement', engagementId: 'eng-1', title: 'IVE 1' });
}

const pick = <T>(items: readonly T[], i: number): T | undefined => (items.length === 0 ? undefined : items[i % items.length]);

function commandFor(h: ProcessViewerHarness, step: Step): ProcessCommand | null {
  const s = h.state;
  const members = Object.values(s.members);
  const member = pick(members, step.a);
  const proposal = pick(Object.values(s.proposals), step.a);
  const other = pick(Object.values(s.proposals), step.b);
  const paper = pick(Object.values(s.papers), step.a);
  const feedback = pick(Object.values(s.feedback), step.a);
  const question = pick(Object.values(s.questions), step.a);
  const speakers = members.filter((m) => m.role === 'delegation' || m.role === 'stakeholder');
  const proponentIds = speakers
    .filter((_, i) => (step.b >> i) % 2 === 1)
    .map((m) => m.id)
    .slice(0, 3);
  const hidden = pick(
    Object.values(s.feedback).filter((f) => f.hidden),
    step.b,
  );
  switch (step.kind) {
    case 0: {
      const name = PEOPLE[step.a % PEOPLE.length];
      return {
        type: 'process.addMember',
        userId: `dev:${name}`,
        displayName: name,
        organization: `Org ${name}`,
        category: 'academia',
        role: ROLES[step.b % ROLES.length],
      };
    }
    case 1:
      return member && step.flag
        ? { type: 'process.setRole', memberId: member.id, role: ROLES[step.b % ROLES.length] }
        : { type: 'process.update', title: `T${step.b}` };
    case 2:
      return step.flag && step.b % 4 === 0 && member
        ? { type: 'process.removeMember', memberId: member.id }
        : { type: 'process.update', description: `D${step.b}` };
    case 3:
    case 4:
      return {
        type: 'proposal.putForward',
        source: step.flag
          ? { kind: 'intervention', engagementId: 'eng-1', requestId: `r${step.b}`, note: `Note ${step.b}` }
          : { kind: 'manual' },
        title: `Proposal ${step.b}`,
        description: 'D',
        theme: `Theme ${step.b % 3}`,
        proponentIds,
      };
    case 5:
      return proposal
        ? { type: 'proposal.update', proposalId: proposal.id, title: `Retitled ${step.b}`, implementation: { action: `Act ${step.b}` } }
        : null;
    case 6:
      return proposal
        ? {
            type: 'proposal.setStatus',
            proposalId: proposal.id,
            status: (['under-study', 'question-to-proponent', 'elaborated', 'discussed', 'reflected'] as const)[step.b % 5],
          }
        : null;
    case 7:
      return proposal && other ? { type: 'proposal.merge', proposalId: proposal.id, intoProposalId: other.id } : null;
    case 8:
      return proposal ? { type: 'proposal.withdraw', proposalId: proposal.id } : null;
    case 9:
      return proposal && member ? { type: 'proposal.addProponent', proposalId: proposal.id, memberId: member.id } : null;
    case 10:
    case 11:
      return proposal ? { type: 'proposal.setConsent', proposalId: proposal.id, named: step.flag } : null;
    case 12:
      return proposal
        ? { type: 'proposal.ask', proposalId: proposal.id, text: `Q${step.b}?`, ...(step.flag && member ? { toMemberId: member.id } : {}) }
        : null;
    case 13:
      return question ? { type: 'proposal.answer', questionId: question.id, text: `A${step.b}` } : null;
    case 14:
      return proposal
        ? {
            type: 'paper.submit',
            proposalId: proposal.id,
            title: `Paper ${step.b}`,
            language: 'en',
            attachmentId: `att-${step.a}-${step.b}`,
          }
        : null;
    case 15:
      return paper ? { type: 'paper.revise', paperId: paper.id, language: 'fr', attachmentId: `rev-${step.b}-${step.a}` } : null;
    case 16:
    case 17:
      return paper ? { type: step.flag || step.kind === 16 ? 'paper.publish' : 'paper.unpublish', paperId: paper.id } : null;
    case 18:
    case 19:
      return paper
        ? {
            type: 'feedback.post',
            paperId: paper.id,
            text: `Comment ${step.b}`,
            ...(step.flag && feedback ? { parentId: feedback.id } : {}),
          }
        : null;
    case 20:
      if (!step.flag && hidden) return { type: 'feedback.show', feedbackId: hidden.id };
      return feedback ? { type: 'feedback.hide', feedbackId: feedback.id } : null;
    default:
      return step.flag
        ? { type: 'process.linkEngagement', engagementId: `eng-${step.b}`, title: 'E' }
        : { type: 'process.unlinkEngagement', engagementId: `eng-${step.b}` };
  }
}

/**
 * Usually someone the command suits (a proponent for its own proposal's commands, staff for the rest), else
 * anyone: refusals are part of the property too (they change nothing).
 */
function actorFor(h: ProcessViewerHarness, command: ProcessCommand, step: Step): string {
  const anyone = PEOPLE[step.who];
  if (step.who % 4 === 3) return anyone;
  const nameOf = (memberId: string | undefined) => h.state.members[memberId ?? '']?.userId?.slice(4) ?? anyone;
  const proposalId =
    'proposalId' in command
      ? command.proposalId
      : 'paperId' in command
        ? h.state.papers[command.paperId]?.proposalId
        : 'questionId' in command
          ? h.state.questions[command.questionId]?.proposalId
          : undefined;
  const proponents = proposalId ? (h.state.proposals[proposalId]?.proponents ?? []) : [];
  const proponentLed = [
    'proposal.setConsent',
    'proposal.answer',
    'paper.submit',
    'paper.revise',
    'proposal.update',
    'proposal.withdraw',
    'feedback.post',
  ];
  if (proponentLed.includes(command.type) && proponents.length > 0 && step.who % 2 === 0)
    return nameOf(pick(proponents, step.who)?.memberId);
  const staff = Object.values(h.state.members).filter(
    (m) => m.role === 'chair' || (m.role === 'secretariat' && !command.type.startsWith('paper.p') && command.type !== 'paper.unpublish'),
  );
  return nameOf(pick(staff, step.who)?.id);
}

/** Runs of the random process: a few seconds on an idle core. */
const RUNS = 150;

describe('process redaction (PROCESS-VIEW-6, property)', () => {
  it('PROCESS-VIEW-6: given random command sequences by random actors, then every viewer (the portal included) folding redacted events holds exactly its projection', () => {
    const seen = new Map<string, number>();
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 40, maxLength: 160 }), (steps) => {
        const h = new ProcessViewerHarness(VIEWERS);
        setUp(h);
        for (const step of steps) {
          const command = commandFor(h, step);
          if (command) h.issue(actor(actorFor(h, command, step)), command);
        }
        accepted += h.accepted;
        for (const t of h.types) seen.set(t, (seen.get(t) ?? 0) + 1);
      }),
      { numRuns: RUNS },
    );
    expect(accepted / RUNS).toBeGreaterThan(15);
    // Every event type is reached, most in many runs.
    expect([...seen.keys()].sort()).toEqual([...PROCESS_EVENT_TYPES].sort());
    expect(seen.get('paper.published') ?? 0).toBeGreaterThan(RUNS / 4);
    expect(seen.get('feedback.hidden') ?? 0).toBeGreaterThan(RUNS / 10);
    expect(seen.get('proposal.consentSet') ?? 0).toBeGreaterThan(RUNS / 10);
  }, 120_000);
});
