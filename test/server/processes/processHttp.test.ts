import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../../../server/store/EventStore.js';
import { openPostgresEventStore } from '../../../server/store/postgresEventStore.js';
import { createTestApp, type ApiClient, type TestApp } from '../../support/createTestApp.js';
import type { FakeClock } from '../../support/fakeClock.js';
import { createTestDatabase, hasPostgres } from '../../support/postgres.js';
import { openSse, type SseConnection } from '../../support/sseClient.js';

// A process over real HTTP (docs/processes.md, docs/api.md "Processes"): an intervention's note becomes a
// proposal, staff ask and the proponent answers, the proponent uploads a concept paper and a second version,
// the Chair publishes it to the portal page (no sign-in), another stakeholder comments; the rules hold at the
// edge (403, 409 naming the rule) and the portal names no proponent who did not agree. On SQLite, and on
// PostgreSQL when TEST_DATABASE_URL is set. Nothing of Convene is mocked.

interface Person {
  userId: string;
  token: string;
  api: ApiClient;
}

const targets: { name: string; available: boolean; store: () => Promise<EventStore | undefined> }[] = [
  { name: 'SQLite', available: true, store: async () => undefined },
  { name: 'PostgreSQL', available: hasPostgres, store: async () => openPostgresEventStore(await createTestDatabase()) },
];

for (const target of targets) {
  describe.skipIf(!target.available)(`a process over HTTP on ${target.name}`, () => {
    let app: TestApp<FakeClock>;
    let store: EventStore | undefined;
    let chair: Person;
    let ana: Person; // Cyber NGO, the proponent
    let ben: Person; // Open Data Lab, another stakeholder
    let engagementId: string;
    let requestId: string;
    let processId: string;
    let anaMemberId: string;
    let proposalId: string;
    let paperId: string;
    let stream: SseConnection | undefined;
    const PAPER_V2 = 'Concept paper v2: a capacity-building portal, elaborated after feedback.\n';

    const signIn = async (displayName: string): Promise<Person> => {
      const res = await app.api().post('/api/auth/dev', { displayName });
      expect(res.status).toBe(200);
      return { userId: res.body.user.id, token: res.body.token, api: app.api(res.body.token) };
    };
    const ok = async (res: Promise<{ status: number; text: string; body: any }>, status = 200) => {
      const done = await res;
      expect(done.status, done.text).toBe(status);
      return done.body;
    };

    beforeAll(async () => {
      store = await target.store();
      app = store ? await createTestApp({ store }) : await createTestApp();
      chair = await signIn('Process Chair');
      ana = await signIn('Ana Pereira');
      ben = await signIn('Ben Okafor');

      // An engagement where Ana takes the floor and the Chair's team notes what she proposed.
      const created = await ok(chair.api.post('/api/engagements', { title: 'Informal virtual engagement 1', plannedMinutes: 60 }), 201);
      engagementId = created.id;
      const q = await ok(chair.api.command(engagementId, { type: 'question.add', text: 'How can capacity-building be needs-based?' }));
      const questionId = q.events.find((e: { type: string }) => e.type === 'question.added').question.id;
      await ok(chair.api.command(engagementId, { type: 'engagement.open' }));
      for (const [person, organization] of [
        [ana, 'Cyber NGO'],
        [ben, 'Open Data Lab'],
      ] as const) {
        const registered = await ok(person.api.command(engagementId, { type: 'participant.register', organization, category: 'ngo' }));
        const participantId = registered.events[0].participant.id;
        await ok(chair.api.command(engagementId, { type: 'participant.approve', participantId }));
      }
      await ok(chair.api.command(engagementId, { type: 'engagement.start' }));
      await ok(chair.api.command(engagementId, { type: 'question.open', questionId }));
      const requested = await ok(ana.api.command(engagementId, { type: 'floor.request', questionId, note: 'on a portal' }));
      requestId = requested.events.find((e: { type: string }) => e.type === 'floor.requested').requestId;
      await ok(chair.api.command(engagementId, { type: 'floor.give' }));
      await ok(
        chair.api.command(engagementId, {
          type: 'note.add',
          requestId,
          text: 'Ana Pereira proposed a capacity-building portal. Matching needs and offers across regions.',
          visibility: 'secretariat',
        }),
      );
      await ok(chair.api.command(engagementId, { type: 'floor.end' }));
    });

    afterAll(async () => {
      stream?.close();
      await app?.close();
      await store?.close();
    });

    it('PROCESS-1: the Chair creates a process (an invitation session may not), links the engagement it chairs (PROCESS-6) and adds the stakeholders', async () => {
      expect((await ana.api.post('/api/processes', {})).status).toBe(400);
      // An invitation session reaches its one engagement, never a process.
      const invitation = await ok(
        chair.api.post(`/api/engagements/${engagementId}/invitations`, {
          role: 'stakeholder',
          displayName: 'Guest',
          organization: 'Guest Org',
          category: 'ngo',
        }),
        201,
      );
      const guest = app.api((await ok(app.api().post('/api/auth/invitation', { code: invitation.code }))).token);
      expect((await guest.post('/api/processes', { title: 'Mine' })).status).toBe(403);
      expect((await guest.get('/api/processes')).status).toBe(403);
      const created = await ok(chair.api.post('/api/processes', { title: 'OEWG on ICT security, 2021–2025' }), 201);
      processId = created.id;
      expect(created.me).toMatchObject({ audience: 'staff', role: 'chair' });
      // PROCESS-6: only the engagement's staff link it.
      const notStaff = await ana.api.post(`/api/processes/${processId}/engagements`, { engagementId });
      expect(notStaff.status).toBe(403);
      const linked = await ok(chair.api.post(`/api/processes/${processId}/engagements`, { engagementId }));
      expect(linked.events[0]).toMatchObject({ type: 'process.engagementLinked', engagementId, title: 'Informal virtual engagement 1' });
      const added = await ok(
        chair.api.processCommand(processId, {
          type: 'process.addMember',
          userId: ana.userId,
          displayName: 'Ana Pereira',
          organization: 'Cyber NGO',
          category: 'ngo',
          role: 'stakeholder',
        }),
      );
      anaMemberId = added.events[0].member.id;
      await ok(
        chair.api.processCommand(processId, {
          type: 'process.addMember',
          userId: ben.userId,
          displayName: 'Ben Okafor',
          organization: 'Open Data Lab',
          category: 'ngo',
          role: 'stakeholder',
        }),
      );
      expect(await ok(ana.api.get('/api/processes'))).toEqual([
        { id: processId, title: 'OEWG on ICT security, 2021–2025', role: 'stakeholder' },
      ]);
    });

    it('PROPOSAL-12, PROPOSAL-1: an intervention’s note becomes a proposal; an intervention the engagement never heard is a 409 naming PROPOSAL-1', async () => {
      const draft = await ok(
        chair.api.get(`/api/processes/${processId}/drafts?kind=intervention&engagementId=${engagementId}&requestId=${requestId}`),
      );
      expect(draft).toMatchObject({
        type: 'proposal.putForward',
        source: { kind: 'intervention', engagementId, requestId },
        title: 'Ana Pereira proposed a capacity-building portal.',
        proponentIds: [anaMemberId],
      });
      // Only staff draft from the record.
      expect(
        (await ana.api.get(`/api/processes/${processId}/drafts?kind=intervention&engagementId=${engagementId}&requestId=${requestId}`))
          .status,
      ).toBe(403);
      const put = await ok(
        chair.api.processCommand(processId, {
          ...draft,
          title: 'A capacity-building portal',
          theme: 'Capacity building',
          questionRef: 'GQ 1',
        }),
      );
      const proposal = put.events[0].proposal;
      proposalId = proposal.id;
      expect(proposal.description).toContain('Matching needs and offers across regions.');
      expect(proposal.source).toMatchObject({ kind: 'intervention', requestId, text: expect.stringContaining('capacity-building portal') });

      const unheard = await chair.api.processCommand(processId, {
        ...draft,
        source: { kind: 'intervention', engagementId, requestId: 'never-heard' },
      });
      expect(unheard.status).toBe(409);
      expect(unheard.body).toMatchObject({ code: 'RULE_VIOLATION', rule: 'PROPOSAL-1' });
      expect((await ok(chair.api.get(`/api/processes/${processId}`))).version).toBe(5);
    });

    it('PROPOSAL-9, PROPOSAL-10: staff ask, the proponent sees the question live and answers; both stay on the record', async () => {
      stream = await openSse(`${app.baseUrl}/api/processes/${processId}/stream`, { token: ana.token });
      expect(stream.status).toBe(200);
      const snapshot = await stream.waitFor((m) => m.event === 'snapshot');
      expect(snapshot.json()).toMatchObject({ id: processId, me: { audience: 'participant', memberId: anaMemberId } });

      const asked = await ok(chair.api.processCommand(processId, { type: 'proposal.ask', proposalId, text: 'Who would host the portal?' }));
      const questionId = asked.events.find((e: { type: string }) => e.type === 'proposal.questionAsked').questionId;
      const seen = await stream.waitFor((m) => m.event === 'change' && m.json().type === 'proposal.questionAsked');
      // PROCESS-VIEW-3: who asked is for staff only.
      expect(seen.json()).toMatchObject({ questionId, text: 'Who would host the portal?', byMemberId: null });
      // PROCESS-VIEW-2: another stakeholder does not see the question.
      expect(Object.keys((await ok(ben.api.get(`/api/processes/${processId}`))).questions)).toEqual([]);

      await ok(
        ana.api.processCommand(processId, { type: 'proposal.answer', questionId, text: 'A regional hub, rotating every two years.' }),
      );
      const record = (await ok(chair.api.get(`/api/processes/${processId}`))).questions[questionId];
      expect(record).toMatchObject({ text: 'Who would host the portal?', answer: 'A regional hub, rotating every two years.' });
      expect((await ok(ana.api.get(`/api/processes/${processId}`))).questions[questionId].answer).toBe(
        'A regional hub, rotating every two years.',
      );
    });

    it('PROCESS-2, PROPOSAL-4: a stakeholder cannot edit another’s proposal (403); an observer of nothing cannot command (403)', async () => {
      const edit = await ben.api.processCommand(processId, { type: 'proposal.update', proposalId, title: 'Mine now' });
      expect(edit.status).toBe(403);
      const stranger = await signIn('Not A Member');
      expect((await stranger.api.processCommand(processId, { type: 'feedback.post', paperId: 'x', text: 'hi' })).status).toBe(403);
      expect((await ana.api.processCommand(processId, { type: 'process.create', title: 'x' })).status).toBe(403);
      expect((await ana.api.processCommand(processId, { type: 'proposal.nope' })).status).toBe(400);
    });

    it('PAPER-1, PAPER-2: the proponent uploads a concept paper (checked as written inputs’ attachments) and a second version', async () => {
      const refused = await ana.api.upload(`/api/processes/${processId}/attachments`, {
        name: 'paper.exe',
        bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0]),
      });
      expect(refused.status).toBe(415);
      // Ben is a stakeholder too: he may upload, but not submit a paper for Ana's proposal.
      const v1 = await ok(
        ana.api.upload(`/api/processes/${processId}/attachments`, {
          name: 'portal-v1.txt',
          bytes: 'Concept paper v1: a capacity-building portal.\n',
          type: 'text/plain',
        }),
        201,
      );
      const submitted = await ok(
        ana.api.processCommand(processId, {
          type: 'paper.submit',
          proposalId,
          title: 'A portal <for> capacity-building',
          language: 'en',
          attachmentId: v1.id,
        }),
      );
      paperId = submitted.events.find((e: { type: string }) => e.type === 'paper.submitted').paperId;
      const notUploaded = await ana.api.processCommand(processId, {
        type: 'paper.revise',
        paperId,
        language: 'fr',
        attachmentId: '00000000-0000-4000-8000-000000000000',
      });
      expect(notUploaded.status).toBe(409);
      expect(notUploaded.body.rule).toBe('PAPER-1');
      const v2 = await ok(
        ana.api.upload(`/api/processes/${processId}/attachments`, { name: 'portal-v2.txt', bytes: PAPER_V2, type: 'text/plain' }),
        201,
      );
      const revised = await ok(ana.api.processCommand(processId, { type: 'paper.revise', paperId, language: 'en', attachmentId: v2.id }));
      expect(revised.events[0]).toMatchObject({ type: 'paper.revised', paperId, paperVersion: { version: 2 } });
      const benSubmits = await ben.api.processCommand(processId, {
        type: 'paper.submit',
        proposalId,
        title: 'Hijack',
        language: 'en',
        attachmentId: v2.id,
      });
      expect(benSubmits.status).toBe(403);
      // The proponent downloads its own file; Ben may not read an unpublished paper's file.
      const mine = await ana.api.get(`/api/processes/${processId}/attachments/${v2.id}`);
      expect(mine.status).toBe(200);
      expect(mine.text).toBe(PAPER_V2);
      expect((await ben.api.get(`/api/processes/${processId}/attachments/${v2.id}`)).status).toBe(403);
    });

    it('PAPER-3, PROCESS-VIEW-5: the paper appears on the portal page (no sign-in) only after the Chair publishes it', async () => {
      const before = await fetch(`${app.baseUrl}/p/${processId}`);
      expect(before.status).toBe(200);
      const beforeHtml = await before.text();
      expect(beforeHtml).toContain('No concept paper has been published yet.');
      expect(beforeHtml).not.toContain('capacity-building</bdi>');
      // PAPER-3: only the Chair publishes.
      expect((await ana.api.processCommand(processId, { type: 'paper.publish', paperId })).status).toBe(403);
      await ok(chair.api.processCommand(processId, { type: 'paper.publish', paperId }));

      const after = await fetch(`${app.baseUrl}/p/${processId}`);
      const html = await after.text();
      expect(after.headers.get('content-type')).toMatch(/^text\/html/);
      expect(after.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(html).toContain('<html lang="en" dir="ltr">');
      expect(html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
      // Escaped, never markup.
      expect(html).toContain('A portal &lt;for&gt; capacity-building');
      expect(html).not.toContain('<for>');
      expect(html).toContain('Capacity building');
      expect(html).toContain('GQ 1');
      const link = html.match(/href="(\/p\/[^"]+\/papers\/[^"]+\/2)"/)?.[1];
      expect(link).toBeDefined();
      const file = await fetch(`${app.baseUrl}${link}`);
      expect(file.status).toBe(200);
      expect(await file.text()).toBe(PAPER_V2);

      const arabic = await (await fetch(`${app.baseUrl}/p/${processId}?lang=ar`)).text();
      expect(arabic).toContain('<html lang="ar" dir="rtl">');
      expect(arabic).toContain('ورقات المفاهيم');
      expect((await fetch(`${app.baseUrl}/p/no-such-process`)).status).toBe(404);
    });

    it('PROPOSAL-8, PROCESS-VIEW-3: the portal shows no proponent name until the proponent agrees to be named', async () => {
      const unnamed = await (await fetch(`${app.baseUrl}/p/${processId}`)).text();
      for (const name of ['Cyber NGO', 'Ana Pereira', 'Ana']) expect(unnamed).not.toContain(name);
      // The Chair cannot consent for her.
      expect((await chair.api.processCommand(processId, { type: 'proposal.setConsent', proposalId, named: true })).status).toBe(403);
      await ok(ana.api.processCommand(processId, { type: 'proposal.setConsent', proposalId, named: true }));
      const named = await (await fetch(`${app.baseUrl}/p/${processId}`)).text();
      expect(named).toContain('Cyber NGO');
      await ok(ana.api.processCommand(processId, { type: 'proposal.setConsent', proposalId, named: false }));
      expect(await (await fetch(`${app.baseUrl}/p/${processId}`)).text()).not.toContain('Cyber NGO');
    });

    it('FEEDBACK-1, FEEDBACK-2: another stakeholder comments on the published paper; staff hide it; the proponent reads the visible feedback', async () => {
      const posted = await ok(
        ben.api.processCommand(processId, { type: 'feedback.post', paperId, text: 'Consider small island developing States.' }),
      );
      const feedbackId = posted.events[0].feedbackId ?? posted.events[0].feedback?.id;
      expect(feedbackId).toBeTruthy();
      const seenByAna = (await ok(ana.api.get(`/api/processes/${processId}`))).feedback;
      expect(Object.values(seenByAna).map((f: any) => f.text)).toEqual(['Consider small island developing States.']);
      // Moderated by staff, not by another stakeholder.
      expect((await ana.api.processCommand(processId, { type: 'feedback.hide', feedbackId })).status).toBe(403);
      await ok(chair.api.processCommand(processId, { type: 'feedback.hide', feedbackId, reason: 'duplicate' }));
      expect(Object.keys((await ok(ana.api.get(`/api/processes/${processId}`))).feedback)).toEqual([]);
      // The portal carries no feedback at all.
      expect(await (await fetch(`${app.baseUrl}/p/${processId}`)).text()).not.toContain('small island');
    });

    it('ANNEX-1..4: staff export the annex in every format; others may not; the counts are those of the register', async () => {
      const json = await chair.api.get(`/api/processes/${processId}/annex?format=json`);
      expect(json.status).toBe(200);
      expect(json.headers.get('content-disposition')).toContain('progress-report-annex-');
      const annex = JSON.parse(json.text);
      expect(annex.counts.total).toBe(1);
      expect(annex.counts.papersPublished).toBe(1);
      expect(annex.themes[0].proposals[0]).toMatchObject({ title: 'A capacity-building portal', namedProponents: [], otherProponents: 1 });
      expect(annex.themes[0].proposals[0].papers[0].url).toBe(`https://convene.test/p/${processId}#paper-${paperId}-v2`);
      for (const format of ['md', 'html', 'csv', 'docx', 'pdf']) {
        const res = await chair.api.get(`/api/processes/${processId}/annex?format=${format}`);
        expect(res.status, format).toBe(200);
      }
      expect((await ana.api.get(`/api/processes/${processId}/annex?format=md`)).status).toBe(403);
      expect((await chair.api.get(`/api/processes/${processId}/annex?format=exe`)).status).toBe(400);
    });

    it('PROCESS-VIEW-6: a stream resumed with Last-Event-ID gets exactly the changes after it, redacted, with no snapshot', async () => {
      const from = (await ok(ben.api.get(`/api/processes/${processId}`))).version as number;
      await ok(chair.api.processCommand(processId, { type: 'process.update', description: 'The year’s register.' }));
      await ok(chair.api.processCommand(processId, { type: 'proposal.ask', proposalId, text: 'And the budget?' }));
      const resumed = await openSse(`${app.baseUrl}/api/processes/${processId}/stream`, { token: ben.token, lastEventId: String(from) });
      try {
        await resumed.waitFor((m) => m.id === String(from + 2));
        const data = resumed.messages.filter((m) => m.event === 'snapshot' || m.event === 'change');
        expect(data.map((m) => [m.event, m.id])).toEqual([
          ['change', String(from + 1)],
          ['change', String(from + 2)],
        ]);
        expect(data[0].json()).toMatchObject({ type: 'process.updated' });
        // A question to Ana is not Ben's to see: the version advances, the event is hidden.
        expect(data[1].json()).toEqual({ version: from + 2, type: 'hidden' });
      } finally {
        resumed.close();
      }
    });

    it('PROCESS-VIEW-6: what the proponent’s stream delivered is contiguous from its snapshot and ends at the current version', async () => {
      const version = (await ok(ana.api.get(`/api/processes/${processId}`))).version as number;
      await stream!.waitFor((m) => m.id === String(version));
      const ids = stream!.messages.filter((m) => m.event === 'snapshot' || m.event === 'change').map((m) => Number(m.id));
      for (let i = 1; i < ids.length; i++) expect(ids[i]).toBeGreaterThan(ids[i - 1]);
      expect(ids.at(-1)).toBe(version);
    });
  });
}
