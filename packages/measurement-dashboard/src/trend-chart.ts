import { svg, nothing, type SVGTemplateResult } from 'lit';
import { reduceMinMax, type Limits } from '@helsekit/core/measurements';

/**
 * One trend chart as a Lit `svg` template: min/max per pixel column (so a single extreme reading stays
 * visible at any zoom), the plan's limit bands, and a marker for the focused reading. Geometry only in
 * attributes; colours come from classes and tokens in the element's styles (no inline styles: strict CSP).
 */

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 180;
const PAD = { left: 48, right: 8, top: 10, bottom: 24 } as const;
export const PLOT_WIDTH = CHART_WIDTH - PAD.left - PAD.right;
const PLOT_HEIGHT = CHART_HEIGHT - PAD.top - PAD.bottom;

export interface ChartSeries {
  readonly times: Float64Array;
  readonly values: Float64Array;
}

export interface ChartInput {
  readonly series: ChartSeries;
  readonly start: number;
  readonly end: number;
  readonly limits?: Limits | undefined;
  /** Index into `series` of the focused reading, if any (and inside the range). */
  readonly focused?: number | undefined;
  /** Axis labels, already formatted. */
  readonly labels: { readonly start: string; readonly end: string; readonly format: (v: number) => string };
}

export interface ChartModel {
  readonly points: string;
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly lo: number;
  readonly hi: number;
  readonly x: (t: number) => number;
  readonly y: (v: number) => number;
}

/** Reduces and scales; pure. */
export function chartModel(input: Pick<ChartInput, 'series' | 'start' | 'end' | 'limits'>): ChartModel {
  const { series, start, end } = input;
  const reduced = reduceMinMax(series.times, series.values, { start, end, columns: PLOT_WIDTH });
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < reduced.length; i++) {
    const v = reduced.values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  let lo = Number.isFinite(min) ? min : 0;
  let hi = Number.isFinite(max) ? max : 1;
  const near = Math.max(hi - lo, Math.abs(hi) * 0.2, 1);
  const l = input.limits ?? {};
  for (const v of [l.redAtOrBelow, l.yellowAtOrBelow, l.yellowAtOrAbove, l.redAtOrAbove]) {
    // A limit near the data is brought into view so its band shows; a far one would flatten the line.
    if (v === undefined || v < lo - near || v > hi + near) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (hi === lo) {
    lo -= 1;
    hi += 1;
  }
  const padV = (hi - lo) * 0.06;
  lo -= padV;
  hi += padV;
  const span = end > start ? end - start : 1;
  const x = (t: number) => PAD.left + ((t - start) / span) * PLOT_WIDTH;
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * PLOT_HEIGHT;
  let points = '';
  for (let i = 0; i < reduced.length; i++) {
    points += `${x(reduced.times[i]!).toFixed(1)},${y(reduced.values[i]!).toFixed(1)} `;
  }
  return { points: points.trimEnd(), count: reduced.length, min, max, lo, hi, x, y };
}

function band(y0: number, y1: number, level: 'red' | 'yellow'): SVGTemplateResult | typeof nothing {
  const top = Math.max(PAD.top, Math.min(y0, y1));
  const bottom = Math.min(PAD.top + PLOT_HEIGHT, Math.max(y0, y1));
  if (bottom - top < 0.5) return nothing;
  return svg`<rect class="band band-${level}" x=${PAD.left} y=${top.toFixed(1)} width=${PLOT_WIDTH} height=${(bottom - top).toFixed(1)}></rect>`;
}

export function renderChart(input: ChartInput): SVGTemplateResult {
  const m = chartModel(input);
  const l = input.limits ?? {};
  const top = m.y(m.hi);
  const bottom = m.y(m.lo);
  const bands = [
    l.redAtOrBelow !== undefined ? band(bottom, m.y(l.redAtOrBelow), 'red') : nothing,
    l.yellowAtOrBelow !== undefined ? band(m.y(l.redAtOrBelow ?? m.lo), m.y(l.yellowAtOrBelow), 'yellow') : nothing,
    l.yellowAtOrAbove !== undefined ? band(m.y(l.yellowAtOrAbove), m.y(l.redAtOrAbove ?? m.hi), 'yellow') : nothing,
    l.redAtOrAbove !== undefined ? band(m.y(l.redAtOrAbove), top, 'red') : nothing,
  ];
  const f = input.focused;
  const focus =
    f !== undefined && f >= 0 && f < input.series.times.length
      ? svg`<circle class="focus" part="focus" cx=${m.x(input.series.times[f]!).toFixed(1)} cy=${m.y(input.series.values[f]!).toFixed(1)} r="6"></circle>`
      : nothing;
  return svg`<svg class="chart" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" preserveAspectRatio="none" aria-hidden="true" focusable="false"
      data-points=${m.count} data-max=${Number.isFinite(m.max) ? m.max : ''} data-min=${Number.isFinite(m.min) ? m.min : ''}>
    ${bands}
    <line class="axis" x1=${PAD.left} y1=${PAD.top + PLOT_HEIGHT} x2=${CHART_WIDTH - PAD.right} y2=${PAD.top + PLOT_HEIGHT}></line>
    <line class="axis" x1=${PAD.left} y1=${PAD.top} x2=${PAD.left} y2=${PAD.top + PLOT_HEIGHT}></line>
    <text class="tick" x=${PAD.left - 4} y=${PAD.top + 10} text-anchor="end">${input.labels.format(m.hi)}</text>
    <text class="tick" x=${PAD.left - 4} y=${PAD.top + PLOT_HEIGHT} text-anchor="end">${input.labels.format(m.lo)}</text>
    <text class="tick" x=${PAD.left} y=${CHART_HEIGHT - 6}>${input.labels.start}</text>
    <text class="tick" x=${CHART_WIDTH - PAD.right} y=${CHART_HEIGHT - 6} text-anchor="end">${input.labels.end}</text>
    ${m.count > 0 ? svg`<polyline class="line" points=${m.points}></polyline>` : nothing}
    ${m.count > 0 && m.count <= 120 ? svg`<path class="dots" d=${dots(m.points)}></path>` : nothing}
    ${focus}
  </svg>`;
}

/** Small round dots for sparse series, as one path (one node however many points). */
function dots(points: string): string {
  return points
    .split(' ')
    .map((p) => `M${p}h0`)
    .join('');
}
