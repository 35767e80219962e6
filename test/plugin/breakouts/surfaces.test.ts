import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BreakoutsConsole } from '../../../plugin/src/features/breakouts/BreakoutsConsole.js';
import { BreakoutsPanel } from '../../../plugin/src/features/breakouts/BreakoutsPanel.js';
import { BreakoutWorld, planTwoRooms } from '../../domain/breakouts/breakoutWorld.js';

// The two breakout surfaces rendered to HTML in Node over a real world built by the domain (no DOM, no
// mocks): what the Chair and a participant read at each step of a round.

const html = (element: ReactElement) =>
  renderToString(createElement(FluentProvider, { theme: teamsLightTheme }, element))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

const serverNow = () => Date.parse('2026-11-28T09:05:00.000Z');

function world() {
  const w = new BreakoutWorld();
  w.person('ana', { category: 'ngo', region: 'african' }).person('bo', { category: 'academia', region: 'weog' });
  return w;
}

describe('the Chair’s breakouts console', () => {
  it('BREAKOUT-1: given no round yet, then the console opens on the planning form', () => {
    const w = world();
    const text = html(createElement(BreakoutsConsole, { state: w.state, me: w.membership('chair'), serverNow }));
    expect(text).toContain('Plan a breakout round');
    expect(text).toContain('Room 1 theme');
  });

  it('BREAKOUT-14: given a planned balanced round and a hard stop 10 minutes away, then Start shows the hard-stop warning and reads "Start anyway"', () => {
    const w = world();
    planTwoRooms(w, 'balanced');
    w.state = { ...w.state, hardStop: '2026-11-28T09:15:00.000Z' };
    const text = html(createElement(BreakoutsConsole, { state: w.state, me: w.membership('chair'), serverNow }));
    expect(text).toContain('Starting now would pass the hard stop');
    expect(text).toContain('Start anyway (20 minutes)');
    expect(text).toContain('Preview the rooms');
    expect(text).toContain('Who is in which room');
    expect(text).toMatch(/Not placed 2 .*ana/);
  });

  it('BREAKOUT-18: given a running round, then the console offers a message to all rooms, extend, end and "Enter room" for each room', () => {
    const w = world();
    const roundId = planTwoRooms(w, 'self-select');
    w.run('chair', { type: 'breakouts.start', roundId });
    const text = html(createElement(BreakoutsConsole, { state: w.state, me: w.membership('chair'), serverNow }));
    expect(text).toContain('Send to all rooms');
    expect(text).toContain('Extend by 5 minutes');
    expect(text).toContain('End the round now');
    expect(text.match(/Enter room/g)?.length).toBe(2);
    expect(text).toContain('15:00');
  });
});

describe('the participant’s breakouts panel', () => {
  it('BREAKOUT-12: given a planned self-select round, then the participant chooses among rooms with their capacity', () => {
    const w = world();
    planTwoRooms(w, 'self-select');
    const text = html(createElement(BreakoutsPanel, { state: w.state, me: w.membership('ana'), serverNow }));
    expect(text).toContain('Choose your room');
    expect(text).toContain('Capacity-building needs — up to 2 people');
  });

  it('BREAKOUT-18: given a running round with a broadcast, then the panel shows the room, the countdown, the message and Join', () => {
    const w = world();
    const roundId = planTwoRooms(w, 'manual', {
      rooms: [
        { theme: 'Needs', capacity: 2, rapporteurId: 'p-ana' },
        { theme: 'Partnerships', capacity: 2 },
      ],
    });
    w.run('chair', { type: 'breakouts.assign', roundId, participantId: 'p-bo', roomId: w.roomId(2) });
    w.run('chair', { type: 'breakouts.start', roundId });
    w.run('chair', { type: 'breakouts.broadcast', roundId, message: 'Five minutes to agree on proposals' });
    const text = html(createElement(BreakoutsPanel, { state: w.state, me: w.membership('ana'), serverNow }));
    expect(text).toContain('Your room: Needs');
    expect(text).toContain('Rapporteur: you');
    expect(text).toContain('Message from the Chair Five minutes to agree on proposals');
    expect(text).toContain('Join the room');
    expect(text).toContain('Rapporteur’s report: Needs');
  });

  it('BREAKOUT-VIEW-2: given an observer-free world and an applicant, then the panel renders nothing for them', () => {
    const w = world();
    w.person('pat', { status: 'pending' });
    planTwoRooms(w, 'self-select');
    expect(renderToString(createElement(BreakoutsPanel, { state: w.state, me: w.membership('pat'), serverNow }))).toBe('');
  });
});
