// Sequence numbers of run requests. While the slider is dragged, the result of an older request can
// arrive after a newer one has been drawn. Such late results are dropped.

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

  /** Tells whether a result for `requestId` is at least as new as the one on screen. */
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

  /** Whether the result of the newest request sent is not on screen yet. */
  get pending(): boolean {
    return this.lastSent !== undefined && this.lastSent > this.lastShown;
  }
}
