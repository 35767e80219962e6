import { describe, expect, it } from 'vitest';
import { isAppSharing, meetingCall } from '../../../plugin/src/host/meetingCall.js';
import { hardStopOffer, scheduledEndOf } from '../../../plugin/src/host/meetingSchedule.js';

describe("the meeting's scheduled end as the hard stop", () => {
  const now = Date.parse('2026-12-07T13:00:00Z');

  it('given getMeetingDetails with a scheduled end, when read, then it is that instant in ISO form', () => {
    expect(scheduledEndOf({ details: { scheduledEndTime: '2026-12-07T14:30:00+01:00' } })).toBe('2026-12-07T13:30:00.000Z');
  });

  it('given no details or a malformed end, when read, then there is nothing', () => {
    expect(scheduledEndOf(null)).toBeNull();
    expect(scheduledEndOf({ details: null })).toBeNull();
    expect(scheduledEndOf({ details: { scheduledEndTime: 'soon' } })).toBeNull();
    expect(scheduledEndOf({ details: { scheduledEndTime: 42 } })).toBeNull();
  });

  it('given an end ahead and another hard stop, when offered, then the end is offered', () => {
    expect(hardStopOffer('2026-12-07T14:00:00.000Z', now, null)).toBe('2026-12-07T14:00:00.000Z');
    expect(hardStopOffer('2026-12-07T14:00:00.000Z', now, '2026-12-07T13:45:00.000Z')).toBe('2026-12-07T14:00:00.000Z');
  });

  it('given an end already past, or already the hard stop, when offered, then nothing is offered', () => {
    expect(hardStopOffer('2026-12-07T12:59:00.000Z', now, null)).toBeNull();
    expect(hardStopOffer('2026-12-07T14:00:00.000Z', now, '2026-12-07T14:00:20.000Z')).toBeNull();
    expect(hardStopOffer(null, now, null)).toBeNull();
  });
});

describe('meeting calls as promises', () => {
  it('given Teams answers with a result, when called, then the promise resolves to it', async () => {
    await expect(meetingCall<boolean>((callback) => callback(null, true))).resolves.toBe(true);
  });

  it('given Teams answers with an SdkError or throws, when called, then the promise rejects with the code', async () => {
    await expect(meetingCall((callback) => callback({ errorCode: 1000, message: 'no permission' }, null))).rejects.toThrow(
      /1000: no permission/,
    );
    await expect(
      meetingCall(() => {
        throw new Error('not in a meeting');
      }),
    ).rejects.toThrow('not in a meeting');
  });

  it('given the stage-sharing state, when read, then true only when Teams says the app is sharing', async () => {
    await expect(isAppSharing((callback) => callback(null, { isAppSharing: true }))).resolves.toBe(true);
    await expect(isAppSharing((callback) => callback(null, { isAppSharing: false }))).resolves.toBe(false);
    await expect(isAppSharing((callback) => callback({ errorCode: 501 }, null))).resolves.toBe(false);
  });
});
