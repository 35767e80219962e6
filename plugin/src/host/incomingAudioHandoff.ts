// Breakout audio handoff: while someone is in a LiveKit breakout room from
// inside a Teams meeting, the Teams meeting's incoming audio is muted, so they do not hear the plenary and
// the room at once; it is turned back on when they leave. Only what Convene muted is restored: someone who
// had muted Teams themselves stays muted. No TeamsJS here: the two host calls are injected.

export interface IncomingAudioControl {
  /** true: the Teams meeting's incoming audio is muted (meeting.getIncomingClientAudioState). */
  isMuted(): Promise<boolean>;
  /** Flips it and resolves with the new state, true = muted (meeting.toggleIncomingClientAudio). */
  toggle(): Promise<boolean>;
}

/**
 * idle: not in a room. muted: Convene muted Teams for the room. already-muted: Teams was muted before.
 * unavailable: Teams refused (no RSC consent, not in a call, an old client): the person mutes by hand.
 */
export type HandoffStatus = 'idle' | 'muted' | 'already-muted' | 'unavailable';

export class IncomingAudioHandoff {
  private rooms = 0;
  private mutedByUs = false;
  private failed = false;
  private status: HandoffStatus = 'idle';
  private queue: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly control: IncomingAudioControl) {}

  /** A room's media starts. Counted, so two overlapping room views mute once and restore once. */
  enterRoom(): void {
    this.rooms += 1;
    if (this.rooms === 1) this.enqueue(() => this.mute());
  }

  /** A room's media ends (left, disconnected, the round ended, the tab unloads). */
  leaveRoom(): void {
    if (this.rooms === 0) return;
    this.rooms -= 1;
    if (this.rooms === 0) this.enqueue(() => this.restore());
  }

  /** Resolves once every queued host call has answered (before the tab tells Teams it may unload). */
  settled(): Promise<void> {
    return this.queue;
  }

  /** False once Teams has refused: the UI then keeps advising people to mute the meeting themselves. */
  get available(): boolean {
    return !this.failed;
  }

  getStatus = (): HandoffStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private async mute(): Promise<void> {
    if (this.rooms === 0) return; // left again before the host answered
    if (await this.control.isMuted()) return this.set('already-muted');
    this.mutedByUs = await this.control.toggle();
    this.set(this.mutedByUs ? 'muted' : 'unavailable');
  }

  private async restore(): Promise<void> {
    if (this.rooms > 0) return;
    if (this.mutedByUs) {
      this.mutedByUs = false;
      // They may have turned the meeting back on themselves meanwhile: a blind toggle would mute it again.
      if (await this.control.isMuted()) await this.control.toggle();
    }
    this.set(this.failed ? 'unavailable' : 'idle');
  }

  private enqueue(step: () => Promise<void>): void {
    this.queue = this.queue.then(step).catch(() => {
      this.failed = true;
      this.set('unavailable');
    });
  }

  private set(status: HandoffStatus): void {
    if (status === 'unavailable') this.failed = true;
    if (status === 'muted') this.failed = false;
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}
