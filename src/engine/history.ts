// The run history: every iterate up to a cap, then thinned evenly. When the buffer fills, every
// other point is dropped and the recording stride doubles, so the kept points stay evenly spaced.
// The first point is always kept, and the last one is appended when the run ends.

import type { HistoryPoint } from './types';

export const defaultHistoryCap = 2000;

export class History {
  private points: HistoryPoint[] = [];
  private stride = 1;
  /** The next iteration to record; comparing with it is cheaper than a modulo on every step. */
  private nextIteration = 0;
  private readonly cap: number;

  constructor(cap: number = defaultHistoryCap) {
    // Thinning needs room for at least the first and one more point.
    this.cap = Math.max(2, Math.floor(cap));
  }

  /** Records the iterate when its iteration is on the current stride; iterations arrive in order. */
  record(iteration: number, x: ArrayLike<number>, f: number, gradientNorm: number): void {
    if (iteration < this.nextIteration) {
      return;
    }
    this.nextIteration = iteration + this.stride;
    this.points.push({ iteration, x: Array.from(x), f, gradientNorm });
    if (this.points.length > this.cap) {
      this.thin();
    }
  }

  /** Returns the kept points with the final iterate last. */
  finish(iteration: number, x: ArrayLike<number>, f: number, gradientNorm: number): HistoryPoint[] {
    const last = this.points[this.points.length - 1];
    if (last === undefined || last.iteration !== iteration) {
      if (this.points.length >= this.cap) {
        this.points.pop();
      }
      this.points.push({ iteration, x: Array.from(x), f, gradientNorm });
    }
    return this.points;
  }

  private thin(): void {
    this.stride *= 2;
    this.points = this.points.filter((point) => point.iteration % this.stride === 0);
    const last = this.points[this.points.length - 1];
    this.nextIteration = last.iteration + this.stride;
  }
}
