// Sequence numbers of run requests. The host may answer an older request after a newer one has been
// drawn, for example while the slider is dragged; such late answers are dropped.

export class RequestSequence {
  private lastId = 0;
  private lastSent: number | undefined;
  private lastShown = 0;

  /** Returns the id for a new request, larger than every id sent or seen before, and records it as sent. */
  next(): number {
    this.lastId += 1;
    this.lastSent = this.lastId;
    return this.lastId;
  }

  /** Records an id that came with the host's state, so that new ids continue after it. */
  observe(requestId: number | undefined): void {
    if (requestId !== undefined && requestId > this.lastId) {
      this.lastId = requestId;
    }
  }

  /** Whether an answer to `requestId` is at least as new as the one on screen. */
  isCurrent(requestId: number): boolean {
    return requestId >= this.lastShown;
  }

  markShown(requestId: number): void {
    this.lastShown = Math.max(this.lastShown, requestId);
  }

  /** Replaces what is on screen with the host's whole state, which may predate requests sent since. */
  resetShown(requestId: number | undefined): void {
    this.lastShown = requestId ?? 0;
  }

  /** Whether the newest request sent has not been answered on screen yet. */
  get pending(): boolean {
    return this.lastSent !== undefined && this.lastSent > this.lastShown;
  }
}
