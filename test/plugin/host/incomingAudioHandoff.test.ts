import { describe, expect, it } from 'vitest';
import { IncomingAudioHandoff, type IncomingAudioControl } from '../../../plugin/src/host/incomingAudioHandoff.js';

// The Teams meeting's incoming audio while someone is in a breakout room, against a stand-in for the two
// TeamsJS calls that keeps the state as Teams would and records every call.

function teamsAudio(muted = false, fail: 'never' | 'always' = 'never') {
  const calls: string[] = [];
  const state = { muted };
  const control: IncomingAudioControl = {
    async isMuted() {
      calls.push('get');
      if (fail === 'always') throw new Error('Teams refused (501).');
      return state.muted;
    },
    async toggle() {
      calls.push('toggle');
      if (fail === 'always') throw new Error('Teams refused (501).');
      state.muted = !state.muted;
      return state.muted;
    },
  };
  return { control, calls, state };
}

describe('the Teams audio handoff of a breakout room', () => {
  it('given Teams audio on, when the person enters a room, then Teams is muted; when they leave, then it is turned back on', async () => {
    const teams = teamsAudio(false);
    const handoff = new IncomingAudioHandoff(teams.control);
    handoff.enterRoom();
    await handoff.settled();
    expect(teams.state.muted).toBe(true);
    expect(handoff.getStatus()).toBe('muted');
    handoff.leaveRoom();
    await handoff.settled();
    expect(teams.state.muted).toBe(false);
    expect(handoff.getStatus()).toBe('idle');
    expect(teams.calls).toEqual(['get', 'toggle', 'get', 'toggle']);
  });

  it('given the person had muted Teams themselves, when they enter and leave a room, then Teams stays muted', async () => {
    const teams = teamsAudio(true);
    const handoff = new IncomingAudioHandoff(teams.control);
    handoff.enterRoom();
    await handoff.settled();
    expect(handoff.getStatus()).toBe('already-muted');
    handoff.leaveRoom();
    await handoff.settled();
    expect(teams.state.muted).toBe(true);
    expect(teams.calls).not.toContain('toggle');
  });

  it('given Convene muted Teams and the person turned it back on meanwhile, when they leave, then Convene does not mute it again', async () => {
    const teams = teamsAudio(false);
    const handoff = new IncomingAudioHandoff(teams.control);
    handoff.enterRoom();
    await handoff.settled();
    teams.state.muted = false; // the person used Teams' own speaker button
    handoff.leaveRoom();
    await handoff.settled();
    expect(teams.state.muted).toBe(false);
  });

  it('given two room views overlapping (a remount), then Teams is muted once and restored once, after the last leaves', async () => {
    const teams = teamsAudio(false);
    const handoff = new IncomingAudioHandoff(teams.control);
    handoff.enterRoom();
    handoff.enterRoom();
    handoff.leaveRoom();
    await handoff.settled();
    expect(teams.state.muted).toBe(true);
    handoff.leaveRoom();
    handoff.leaveRoom(); // one leave too many changes nothing
    await handoff.settled();
    expect(teams.state.muted).toBe(false);
    expect(teams.calls.filter((c) => c === 'toggle')).toHaveLength(2);
  });

  it('given a room left before Teams answered, then nothing is muted in the end', async () => {
    const teams = teamsAudio(false);
    const handoff = new IncomingAudioHandoff(teams.control);
    handoff.enterRoom();
    handoff.leaveRoom();
    await handoff.settled();
    expect(teams.state.muted).toBe(false);
  });

  it('given Teams refuses the calls (no consent, not in a call), then the status is unavailable and stays so, so that the advice to mute by hand shows', async () => {
    const teams = teamsAudio(false, 'always');
    const handoff = new IncomingAudioHandoff(teams.control);
    const seen: string[] = [];
    handoff.subscribe(() => seen.push(handoff.getStatus()));
    expect(handoff.available).toBe(true);
    handoff.enterRoom();
    await handoff.settled();
    expect(handoff.getStatus()).toBe('unavailable');
    handoff.leaveRoom();
    await handoff.settled();
    expect(handoff.getStatus()).toBe('unavailable');
    expect(handoff.available).toBe(false);
    expect(seen).toEqual(['unavailable']);
  });
});
