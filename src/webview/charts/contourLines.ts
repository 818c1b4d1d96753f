// Contour lines of a sampled 2-D function, in data coordinates. Pure (d3-contour has no DOM), so
// Node tests can check the geometry.

import { contours } from 'd3-contour';
import type { Landscape } from '../../protocol';

export type GridLandscape = Extract<Landscape, { kind: 'grid' }>;

export interface ContourLine {
  level: number;
  /** 0 for the lowest level up to 1 for the highest, for shading. */
  rank: number;
  /** Flat x, y pairs in data coordinates; a NaN pair lifts the pen. */
  path: Float64Array;
}

/**
 * Picks up to `count` contour levels as quantiles of the finite samples. The quantiles sit at
 * squared, evenly spaced probabilities ((k / (count + 1))²), which crowds levels toward the minimum,
 * where the path ends, and keeps steep walls (Rosenbrock's, say) from taking every level.
 */
export function chooseContourLevels(values: readonly (number | null)[], count: number): number[] {
  const finite: number[] = [];
  for (const value of values) {
    if (value !== null && Number.isFinite(value)) {
      finite.push(value);
    }
  }
  if (finite.length === 0) {
    return [];
  }
  // A typed array sorts numerically without a comparator, several times faster than Array#sort.
  const sorted = Float64Array.from(finite).sort();

  const lowest = sorted[0] as number;
  const highest = sorted[sorted.length - 1] as number;
  const levels: number[] = [];
  for (let k = 1; k <= count; k++) {
    const probability = (k / (count + 1)) ** 2;
    const level = quantileOfSorted(sorted, probability);
    const previous = levels[levels.length - 1];
    if (level > lowest && level < highest && (previous === undefined || level > previous)) {
      levels.push(level);
    }
  }
  return levels;
}

/** Computes the contour lines of the grid at the given levels, within the sampled rectangle. */
export function computeContourLines(grid: GridLandscape, levels: readonly number[]): ContourLine[] {
  const { width, height } = grid;
  if (width < 2 || height < 2 || grid.values.length !== width * height || levels.length === 0) {
    return [];
  }

  // d3-contour treats NaN as below every level, so regions where f is not finite get an outline.
  const samples = Float64Array.from(grid.values, (value) => (value === null ? NaN : value));
  const generator = contours()
    .size([width, height])
    .thresholds([...levels]);
  const multiPolygons = generator(samples as unknown as number[]);

  const toData = gridToData(grid);
  return multiPolygons.map((multiPolygon, index) => ({
    level: multiPolygon.value,
    rank: levels.length === 1 ? 0 : index / (levels.length - 1),
    path: flattenRings(multiPolygon.coordinates, width, height, toData),
  }));
}

function quantileOfSorted(sorted: Float64Array, probability: number): number {
  const position = (sorted.length - 1) * probability;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  const fraction = position - below;
  return (sorted[below] as number) * (1 - fraction) + (sorted[above] as number) * fraction;
}

// d3-contour puts sample (i, j) at grid coordinates (i + 0.5, j + 0.5), and the grid's samples sit at
// xMin + i·dx, yMin + j·dy, with dx = (xMax − xMin) / (width − 1).
function gridToData(grid: GridLandscape): { x(gridX: number): number; y(gridY: number): number } {
  const dx = (grid.xMax - grid.xMin) / (grid.width - 1);
  const dy = (grid.yMax - grid.yMin) / (grid.height - 1);
  return {
    x: (gridX) => grid.xMin + (gridX - 0.5) * dx,
    y: (gridY) => grid.yMin + (gridY - 0.5) * dy,
  };
}

// d3-contour closes each region through points on the grid's outer edge, half a cell outside the
// samples. Segments that touch the edge are not level lines, so they are left out.
function flattenRings(
  polygons: number[][][][],
  width: number,
  height: number,
  toData: { x(gridX: number): number; y(gridY: number): number },
): Float64Array {
  const onBorder = (point: number[]): boolean => {
    const x = point[0] as number;
    const y = point[1] as number;
    return x <= 0 || x >= width || y <= 0 || y >= height;
  };

  const flat: number[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      let penDown = false;
      for (let k = 1; k < ring.length; k++) {
        const from = ring[k - 1] as number[];
        const to = ring[k] as number[];
        if (onBorder(from) || onBorder(to)) {
          penDown = false;
          continue;
        }

        if (!penDown) {
          flat.push(NaN, NaN, toData.x(from[0] ?? 0), toData.y(from[1] ?? 0));
          penDown = true;
        }
        flat.push(toData.x(to[0] ?? 0), toData.y(to[1] ?? 0));
      }
    }
  }
  return Float64Array.from(flat);
}
