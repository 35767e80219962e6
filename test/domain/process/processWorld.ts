import type { Actor } from '../../../server/domain/context.js';
import { DomainError } from '../../../server/domain/errors.js';
import type { Category, Role } from '../../../server/domain/vocabulary.js';
import type { ProcessCommand } from '../../../server/domain/process/commands.js';
import { decideProcess } from '../../../server/domain/process/decideProcess.js';
import type { ProcessEvent } from '../../../server/domain/process/events.js';
import { evolveProcess } from '../../../server/domain/process/evolveProcess.js';
import { authorizeProcess } from '../../../server/domain/process/policies.js';
import { emptyProcessState, type ProcessState, type Proposal } from '../../../server/domain/process/state.js';

// A process for domain tests, every step played as the write path will: authorizeProcess → decideProcess →
// evolveProcess, so a test's "given" is a state the real rules can reach.
//
//   chair, sec (secretariat), kenya and fiji (delegations), ngo and lab (stakeholders), obs (observer),
//   and two engagements of the year linked to it: eng-1, eng-2.

export const T0 = '2026-03-02T09:00:00.000Z';
export const actor = (name: string): Actor => ({ kind: 'user', userId: `dev:${name}`, displayName: name });

const PEOPLE: readonly { name: string; role: Role; organization: string; category: Category }[] = [
  { name: 'sec', role: 'secretariat', organization: 'UNODA', category: 'intergovernmental' },
  { name: 'kenya', role: 'delegation', organization: 'Kenya', category: 'member-state' },
  { name: 'fiji', role: 'delegation', organization: 'Fiji', category: 'member-state' },
  { name: 'ngo', role: 'stakeholder', organization: 'Cyber Peace Institute', category: 'ngo' },
  { name: 'lab', role: 'stakeholder', organization: 'Open Lab', category: 'academia' },
  { name: 'obs', role: 'observer', organization: 'Observer Org', category: 'intergovernmental' },
];

export class ProcessWorld {
  state: ProcessState = emptyProcessState();
  readonly log: ProcessEvent[] = [];
  now = T0;
  private n = 0;

  advance(seconds: number): void {
    this.now = new Date(Date.parse(this.now) + seconds * 1000).toISOString();
  }

  run(who: string, command: ProcessCommand): ProcessEvent[] {
    const a = actor(who);
    authorizeProcess(this.state, a, command);
    const events = decideProcess(this.state, command, { now: this.now, actor: a, newId: () => `p${++this.n}` });
    for (const event of events) {
      this.state = evolveProcess(this.state, event);
      this.log.push(event);
    }
    this.advance(60);
    return events;
  }

  /** The DomainError a command is refused with; fails when it is accepted. Nothing changes either way. */
  refusal(who: string, command: ProcessCommand): DomainError {
    const before = this.state;
    try {
      this.run(who, command);
    } catch (error) {
      if (error instanceof DomainError) {
        if (this.state !== before) throw new Error('a refused command changed the state');
        return error;
      }
      throw error;
    }
    throw new Error(`${who}: ${command.type} was accepted`);
  }

  member(name: string): string {
    const m = Object.values(this.state.members).find((x) => x.userId === `dev:${name}`);
    if (!m) throw new Error(`no member ${name}`);
    return m.id;
  }

  proposal(number: number): Proposal {
    const p = Object.values(this.state.proposals).find((x) => x.number === number);
    if (!p) throw new Error(`no proposal ${number}`);
    return p;
  }

  /** Puts a proposal forward (by the Chair, from an intervention in eng-1, unless told) and returns it. */
  propose(options: Partial<{ who: string; proponents: string[]; title: string; theme: string }> = {}): Proposal {
    const [event] = this.run(options.who ?? 'chair', {
      type: 'proposal.putForward',
      source:
        options.who && options.who !== 'chair' && options.who !== 'sec'
          ? { kind: 'manual' }
          : { kind: 'intervention', engagementId: 'eng-1', requestId: 'r-1', note: 'Regional CERT hubs, funded.' },
      title: options.title ?? 'Regional CERT hubs',
      description: 'A network of regional points of contact.',
      theme: options.theme ?? 'Capacity-building',
      questionRef: 'GQ 1',
      proponentIds: (options.proponents ?? ['kenya']).map((n) => this.member(n)),
    });
    return this.state.proposals[(event as Extract<ProcessEvent, { type: 'proposal.putForward' }>).proposal.id];
  }

  paper(proposalId: string, who = 'kenya', attachmentId = 'att-1'): string {
    const [event] = this.run(who, { type: 'paper.submit', proposalId, title: 'Concept paper', language: 'en', attachmentId });
    return (event as Extract<ProcessEvent, { type: 'paper.submitted' }>).paperId;
  }
}

/** A process with its staff, delegations, stakeholders and an observer, and two linked engagements. */
export function aProcess(): ProcessWorld {
  const w = new ProcessWorld();
  w.run('chair', { type: 'process.create', processId: 'oewg', title: 'Open-ended working group on ICT security, 2021–2025' });
  for (const p of PEOPLE) {
    w.run('chair', {
      type: 'process.addMember',
      userId: `dev:${p.name}`,
      displayName: p.name,
      organization: p.organization,
      category: p.category,
      role: p.role,
    });
  }
  w.run('chair', { type: 'process.linkEngagement', engagementId: 'eng-1', title: 'Informal virtual engagement, March' });
  w.run('sec', { type: 'process.linkEngagement', engagementId: 'eng-2', title: 'Eighth substantive session' });
  return w;
}
