// The run history: every iterate up to a cap, then thinned evenly. When the buffer fills, every
// other point is dropped and the recording stride doubles, so the kept points stay evenly spaced;
// the first point is always kept and the last one is appended when the run ends.

import type { HistoryPoint } from './types';

export const defaultHistoryCap = 2000;

export class History {
  private readonly points: HistoryPoint[] = [];
  private stride = 1;
  private readonly cap: number;

  constructor(cap: number = defaultHistoryCap) {
    // Thinning needs room for at least the first and one more point.
    this.cap = Math.max(2, Math.floor(cap));
  }

  record(iteration: number, x: ArrayLike<number>, f: number, gradientNorm: number): void {
    if (iteration % this.stride !== 0) {
      return;
    }
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
    let kept = 0;
    for (const point of this.points) {
      if (point.iteration % this.stride === 0) {
        this.points[kept++] = point;
      }
    }
    this.points.length = kept;
  }
}
