import type { MeasurementKind, Reading } from './measurement.types.js';

/**
 * Trend of a measurement (our rule): the newest reading against the mean of up to 3 readings before it.
 * Within ± the kind's tolerance it is flat; otherwise up or down. Tolerances are display choices, not
 * clinical limits: about the size of a meter's reading-to-reading noise.
 */
export const TREND_TOLERANCE: Readonly<Record<MeasurementKind, number>> = {
  systolic: 5,
  diastolic: 5,
  heartRate: 5,
  respiratoryRate: 2,
  spo2: 1,
  temperature: 0.3,
  weight: 0.5,
  height: 1,
  glucose: 0.5,
  phq9: 3,
  gad7: 3,
};

export const TREND_WINDOW = 3;

export type TrendDirection = 'up' | 'down' | 'flat';

export interface Trend {
  readonly direction: TrendDirection;
  /** Newest minus the mean of the previous readings. */
  readonly delta: number;
}

/** Trend from readings of one kind (any order); undefined with fewer than 2 readings. */
export function trendOf(kind: MeasurementKind, readings: readonly Reading[]): Trend | undefined {
  const series = readings.filter((r) => r.kind === kind).sort((a, b) => a.at - b.at);
  if (series.length < 2) return undefined;
  const newest = series[series.length - 1]!;
  const previous = series.slice(Math.max(0, series.length - 1 - TREND_WINDOW), series.length - 1);
  const mean = previous.reduce((s, r) => s + r.value, 0) / previous.length;
  const delta = newest.value - mean;
  const direction: TrendDirection = Math.abs(delta) < TREND_TOLERANCE[kind] ? 'flat' : delta > 0 ? 'up' : 'down';
  return { direction, delta };
}
