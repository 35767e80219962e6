import type { Clock } from '../clock.js';
import type { Command } from '../domain/commands.js';
import type { Actor } from '../domain/context.js';
import type { Category, Region } from '../domain/vocabulary.js';
import type { EngagementService, SignedInUser } from '../engagements/EngagementService.js';
import { devUserId } from '../http/authRoutes.js';

// The demo engagement of a first development start: the model case of docs/product.md (an OEWG-style informal
// consultation on capacity-building), prepared and opened by a development chair, with a few stakeholder
// invitations, so that anyone can try the whole flow in a few browser windows.

export const DEMO_CHAIR_NAME = 'Demo Chair';
export const DEMO_TITLE = 'Informal virtual engagement with stakeholders on capacity-building';

const QUESTIONS: { text: string; context: string; plannedMinutes: number }[] = [
  {
    text: 'How can ICT security capacity-building be made more needs-based and demand-driven, and how should needs be identified and matched with offers of support?',
    context: 'The annual report asks for implementation-oriented recommendations. Please be concrete: mechanisms, actors, timelines.',
    plannedMinutes: 20,
  },
  {
    text: 'What role should the private sector and academia play in capacity-building, and how can their contributions be coordinated with those of States?',
    context: 'Examples of partnerships that worked (or did not) are especially welcome.',
    plannedMinutes: 20,
  },
  {
    text: 'What should the Global ICT Security Cooperation and Capacity-Building Portal offer stakeholders: which information, functions and forms of participation?',
    context: 'Consider both those who seek support and those who offer it.',
    plannedMinutes: 15,
  },
  {
    text: 'How can gender perspectives be mainstreamed in ICT security capacity-building, and which practical measures would narrow the gender gap in the field?',
    context: 'Please share measurable practices where you have them.',
    plannedMinutes: 15,
  },
];

const STAKEHOLDERS: { displayName: string; organization: string; category: Category; region: Region; country: string }[] = [
  { displayName: 'Amina Diallo', organization: 'Digital Rights Africa Network', category: 'ngo', region: 'african', country: 'Senegal' },
  {
    displayName: 'Lena Sørensen',
    organization: 'Nordic Centre for Cyber Security Research',
    category: 'academia',
    region: 'weog',
    country: 'Denmark',
  },
  {
    displayName: 'Rahul Mehta',
    organization: 'SecureBridge Technologies',
    category: 'private-sector',
    region: 'asia-pacific',
    country: 'India',
  },
  {
    displayName: 'Carolina Ruiz',
    organization: 'Foro Latinoamericano de Respuesta a Incidentes',
    category: 'technical-community',
    region: 'grulac',
    country: 'Chile',
  },
];

export interface SeededDemo {
  engagementId: string;
  chair: SignedInUser;
  invitations: { displayName: string; organization: string; url: string }[];
}

export async function seedDemo(deps: { engagements: EngagementService; clock: Clock; publicUrl: string }): Promise<SeededDemo> {
  const { engagements, clock } = deps;
  const chair: SignedInUser = { userId: devUserId(DEMO_CHAIR_NAME), displayName: DEMO_CHAIR_NAME };
  const actor: Actor = { kind: 'user', ...chair };
  // Starts at the next quarter hour, so that the demo can be run at once; the hard stop is 90 minutes later.
  const quarter = 15 * 60 * 1000;
  const start = new Date(Math.ceil(clock.now().getTime() / quarter) * quarter);
  const hardStop = new Date(start.getTime() + 90 * 60 * 1000);

  const view = await engagements.create(chair, {
    title: DEMO_TITLE,
    theme: 'capacity-building',
    description:
      'An informal virtual meeting of the Chair with stakeholders (NGOs, academia, the private sector and the technical community), ' +
      'held between formal sessions. Guiding questions are circulated in advance; written inputs and concept papers are welcome.',
    scheduledStart: start.toISOString(),
    plannedMinutes: 90,
    speakingSeconds: 180,
    timeZone: 'UTC',
  });
  const id = view.id;
  const run = async (command: Command) => engagements.execute(id, actor, command);

  await run({ type: 'agenda.add', kind: 'opening', title: 'Opening remarks by the Chair', plannedMinutes: 5 });
  for (const question of QUESTIONS) {
    const result = await run({ type: 'question.add', ...question });
    const added = result.events.find((e) => e.type === 'question.added');
    const questionId = added && added.type === 'question.added' ? added.question.id : undefined;
    await run({ type: 'agenda.add', kind: 'question', plannedMinutes: question.plannedMinutes, ...(questionId ? { questionId } : {}) });
  }
  await run({ type: 'agenda.add', kind: 'closing', title: 'Closing remarks and next steps', plannedMinutes: 5 });
  await run({ type: 'time.setHardStop', at: hardStop.toISOString() });
  await run({ type: 'engagement.open' });

  const invitations: SeededDemo['invitations'] = [];
  for (const person of STAKEHOLDERS) {
    const created = await engagements.createInvitation(id, chair, { role: 'stakeholder', ...person });
    invitations.push({
      displayName: person.displayName,
      organization: person.organization,
      url: `${deps.publicUrl}/join#code=${encodeURIComponent(created.code)}`,
    });
  }
  return { engagementId: id, chair, invitations };
}

/** What the console shows after seeding. */
export function describeDemo(demo: SeededDemo, tabUrl: string): string {
  return [
    '',
    `Demo engagement created: "${DEMO_TITLE}"`,
    `  Chair: open ${tabUrl}/ and use the development sign-in with the display name "${DEMO_CHAIR_NAME}".`,
    '  Stakeholders (each link works once; open them in other or private browser windows):',
    ...demo.invitations.map((i) => `    ${i.displayName} (${i.organization}): ${i.url}`),
    '',
  ].join('\n');
}
