import { describe, expect, it } from 'vitest';
import { projectProcess, processViewFor } from '../../../server/domain/process/visibility.js';
import { register } from './registerWorld.js';

const as = (name: string) => ({ userId: `dev:${name}` });

describe('process views', () => {
  it('PROCESS-VIEW-1: given the register, then staff see it whole, sign-in ids and who acted included', () => {
    const { w } = register();
    expect(projectProcess(w.state, as('sec'))).toBe(w.state);
    expect(processViewFor(w.state, 42, as('chair'))).toMatchObject({ version: 42, me: { audience: 'staff', role: 'chair' } });
  });

  it('PROCESS-VIEW-2: given the register, then a participant sees members without sign-in ids, proposals, published papers; questions only on its own proposals', () => {
    const { w, kenyaPaper, ngoPaper } = register();
    const lab = projectProcess(w.state, as('lab'));
    expect(
      Object.values(lab.members)
        .filter((m) => m.userId !== undefined)
        .map((m) => m.userId),
    ).toEqual(['dev:lab']);
    expect(Object.keys(lab.proposals)).toHaveLength(2);
    expect(Object.keys(lab.papers)).toEqual([kenyaPaper]);
    expect(lab.papers[kenyaPaper].versions.map((v) => v.version)).toEqual([1]);
    expect(lab.questions).toEqual({});
    const fiji = projectProcess(w.state, as('fiji'));
    expect(Object.values(fiji.questions).map((q) => q.text)).toEqual(['Who hosts?']);
    expect(fiji.papers[kenyaPaper].versions.map((v) => v.version)).toEqual([1, 2]);
    const ngo = projectProcess(w.state, as('ngo'));
    expect(Object.keys(ngo.papers).sort()).toEqual([kenyaPaper, ngoPaper].sort());
  });

  it('PROCESS-VIEW-3: given Kenya named and Fiji not, then outside the staff only Kenya is listed (Fiji sees itself); nobody sees who acted', () => {
    const { w } = register();
    const hubs = w.proposal(1).id;
    expect(projectProcess(w.state, as('lab')).proposals[hubs].proponents.map((p) => p.organization)).toEqual(['Kenya']);
    expect(projectProcess(w.state, as('fiji')).proposals[hubs].proponents.map((p) => p.organization)).toEqual(['Kenya', 'Fiji']);
    const lab = projectProcess(w.state, as('lab'));
    expect(lab.proposals[hubs].history.every((h) => h.byMemberId === null)).toBe(true);
    expect(
      Object.values(lab.papers)
        .flatMap((p) => p.versions)
        .every((v) => v.byMemberId === null),
    ).toBe(true);
    expect(Object.values(projectProcess(w.state, as('fiji')).questions).every((q) => q.askedBy === null)).toBe(true);
  });

  it('PROCESS-VIEW-4: given a proposal from an intervention, then outsiders see its kind and engagement only, the proponents see the note', () => {
    const { w } = register();
    const hubs = w.proposal(1).id;
    expect(projectProcess(w.state, as('lab')).proposals[hubs].source).toEqual({
      kind: 'intervention',
      engagementId: 'eng-1',
      requestId: null,
      inputId: null,
      roundId: null,
      roomId: null,
      text: null,
    });
    expect(projectProcess(w.state, as('fiji')).proposals[hubs].source).toMatchObject({
      requestId: 'r-1',
      text: 'Regional CERT hubs, funded.',
    });
  });

  it('PROCESS-VIEW-5: given the register, then the portal (no sign-in) shows only published papers and their proposals, no unnamed proponent, no people', () => {
    const { w, kenyaPaper } = register();
    for (const viewer of [null, as('stranger')]) {
      const portal = projectProcess(w.state, viewer);
      expect(Object.keys(portal.papers)).toEqual([kenyaPaper]);
      expect(portal.papers[kenyaPaper].versions.map((v) => v.version)).toEqual([1]);
      expect(Object.values(portal.proposals).map((p) => p.number)).toEqual([1]);
      expect(portal.members).toEqual({});
      expect(portal.questions).toEqual({});
      expect(portal.feedback).toEqual({});
      const text = JSON.stringify(portal);
      expect(text).toContain('Kenya');
      expect(text).not.toContain('Fiji');
      expect(text).not.toContain('dev:');
      expect(text).not.toContain('Cyber Peace Institute');
    }
  });

  it('FEEDBACK-3: given a hidden comment, then its author and staff still see it, other participants do not', () => {
    const { w, kenyaPaper } = register();
    const [posted] = w.run('ngo', { type: 'feedback.post', paperId: kenyaPaper, text: 'Off topic' });
    const id = (posted as { feedbackId: string }).feedbackId;
    w.run('sec', { type: 'feedback.hide', feedbackId: id });
    expect(projectProcess(w.state, as('ngo')).feedback[id]).toMatchObject({ hidden: true });
    expect(projectProcess(w.state, as('lab')).feedback[id]).toBeUndefined();
    expect(projectProcess(w.state, as('chair')).feedback[id]).toBeDefined();
  });
});
