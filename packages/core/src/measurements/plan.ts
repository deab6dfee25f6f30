import { SEVERITY_RANK, type MeasurementKind, type Reading, type Severity } from './measurement.types.js';
import { roundHalfAwayFromZero, type Spo2Scale } from './news2.js';

/**
 * The per-patient plan (egenbehandlingsplan), CLINICAL.md section 5: limits per measurement give green,
 * yellow or red; "red after N abnormal readings in a row" and "yellow after M abnormal readings in D
 * days" (GDm-Health); an expected frequency gives a grey missing-data state and a stale-data warning
 * (Nightscout).
 *
 * There are no national numeric limits: limits are per programme and per patient. `DEFAULT_PLAN` is a
 * clearly marked, overridable default (`source.isDefault: true`), not clinical advice.
 *
 * Thresholds are inclusive (`redAtOrBelow: 90` means 90 is red). A value is first rounded to the plan's
 * `decimals` (half away from zero, as for NEWS2) so 35.04 °C and a `redAtOrBelow: 35.0` agree with the
 * NEWS2 chart.
 */

export interface Limits {
  readonly redAtOrBelow?: number;
  readonly yellowAtOrBelow?: number;
  readonly yellowAtOrAbove?: number;
  readonly redAtOrAbove?: number;
}

export interface MeasurementPlan {
  readonly kind: MeasurementKind;
  readonly limits: Limits;
  /** Decimals values are rounded to before comparing; default `DEFAULT_DECIMALS[kind]`. */
  readonly decimals?: number;
  /** Red after this many abnormal (yellow or red) readings in a row. */
  readonly redAfterConsecutive?: number;
  /** Yellow after `count` abnormal readings within the last `days` days. */
  readonly yellowAfterAbnormal?: { readonly count: number; readonly days: number };
  /** At least `count` readings expected in every `days` days; fewer gives grey. */
  readonly expected?: { readonly count: number; readonly days: number };
  /** Warn when the newest reading is older than this. */
  readonly staleAfterHours?: number;
}

export interface PlanSource {
  /** true for shipped defaults: they must be reviewed and overridden by the programme. */
  readonly isDefault: boolean;
  readonly note: string;
  readonly reviewedBy?: string;
  readonly reviewedAt?: string;
}

/**
 * The patient's NEWS2 settings, kept with their plan (CLINICAL.md section 2: Scale 2 is a per-patient clinician
 * setting, stored and shown with the score). Element properties of the same name take precedence.
 */
export interface PlanNews2Settings {
  /** 2 only for hypercapnic respiratory failure with a prescribed target of 88–92 %. Default 1. */
  readonly spo2Scale?: Spo2Scale;
  /** Under 16: NEWS2 is "not applicable". */
  readonly ageYears?: number;
  /** Pregnant: NEWS2 is "not applicable". */
  readonly pregnant?: boolean;
  /** On supplemental oxygen or on air, for SpO2 readings that do not say. Unset: unknown. */
  readonly airOrOxygen?: 'air' | 'oxygen';
}

export interface PatientPlan {
  readonly measurements: readonly MeasurementPlan[];
  readonly source: PlanSource;
  readonly news2?: PlanNews2Settings;
}

export const DEFAULT_PLAN_SOURCE: PlanSource = {
  isDefault: true,
  note:
    'helsekit default, not a clinical recommendation. There are no national numeric limits for home follow-up ' +
    '(CLINICAL.md section 5); each programme and patient sets its own. Vital-sign limits mirror the NEWS2 chart ' +
    '(RCP 2017): yellow where a value would score 1–2, red where it would score 3. PROM limits follow the PHQ-9/GAD-7 ' +
    'bands (yellow from moderate, red from severe). Rules and frequencies are illustrative. Override per programme.',
};

const DAILY = { count: 1, days: 1 } as const;
const VITAL_RULES = { redAfterConsecutive: 3, yellowAfterAbnormal: { count: 2, days: 7 }, expected: DAILY, staleAfterHours: 48 } as const;
const PROM_RULES = { redAfterConsecutive: 3, yellowAfterAbnormal: { count: 2, days: 28 }, expected: { count: 1, days: 14 }, staleAfterHours: 21 * 24 } as const;

/** Overridable default plan (see `DEFAULT_PLAN_SOURCE`). Kinds without a NEWS2 or PROM basis have none. */
export const DEFAULT_PLAN: PatientPlan = {
  source: DEFAULT_PLAN_SOURCE,
  measurements: [
    { kind: 'respiratoryRate', limits: { redAtOrBelow: 8, yellowAtOrBelow: 11, yellowAtOrAbove: 21, redAtOrAbove: 25 }, ...VITAL_RULES },
    { kind: 'spo2', limits: { redAtOrBelow: 91, yellowAtOrBelow: 95 }, ...VITAL_RULES },
    { kind: 'systolic', limits: { redAtOrBelow: 90, yellowAtOrBelow: 110, redAtOrAbove: 220 }, ...VITAL_RULES },
    { kind: 'heartRate', limits: { redAtOrBelow: 40, yellowAtOrBelow: 50, yellowAtOrAbove: 91, redAtOrAbove: 131 }, ...VITAL_RULES },
    { kind: 'temperature', limits: { redAtOrBelow: 35.0, yellowAtOrBelow: 36.0, yellowAtOrAbove: 38.1 }, ...VITAL_RULES },
    { kind: 'phq9', limits: { yellowAtOrAbove: 10, redAtOrAbove: 20 }, ...PROM_RULES },
    { kind: 'gad7', limits: { yellowAtOrAbove: 10, redAtOrAbove: 15 }, ...PROM_RULES },
  ],
};

/**
 * PROM scores are judged by their instrument's bands (CLINICAL.md section 3) when the plan sets no limits of its
 * own: the PHQ-9 and GAD-7 limits of `DEFAULT_PLAN` (yellow from moderate, red from severe), without its
 * frequency and rules, so a programme that does not ask for PROMs gets no grey "missing" for them. A plan that
 * has a PHQ-9 or GAD-7 entry keeps it. Returns the same plan when nothing is added.
 */
export function withPromBands(plan: PatientPlan): PatientPlan {
  const have = new Set(plan.measurements.map((m) => m.kind));
  const add = DEFAULT_PLAN.measurements
    .filter((m) => (m.kind === 'phq9' || m.kind === 'gad7') && !have.has(m.kind))
    .map((m): MeasurementPlan => ({ kind: m.kind, limits: m.limits }));
  return add.length === 0 ? plan : { ...plan, measurements: [...plan.measurements, ...add] };
}

/**
 * A plan from the default with per-kind overrides. Any override marks the source as not default (the
 * caller gives the new source note and review).
 */
export function planWithOverrides(overrides: readonly (Partial<MeasurementPlan> & { kind: MeasurementKind })[], source: PlanSource, base: PatientPlan = DEFAULT_PLAN): PatientPlan {
  const byKind = new Map(base.measurements.map((m) => [m.kind, m] as const));
  for (const o of overrides) {
    const cur = byKind.get(o.kind);
    byKind.set(o.kind, { ...(cur ?? { limits: {} }), ...o, limits: { ...(cur?.limits ?? {}), ...(o.limits ?? {}) } });
  }
  return { source, measurements: [...byKind.values()] };
}

/**
 * How much history a plan's rules need, for a loader that reads a window rather than everything (the worklist):
 * - `days`: the longest time-based rule (`yellowAfterAbnormal.days`, `expected.days`, `staleAfterHours`);
 * - `readings`: per kind, how many of the newest readings the count-based rule needs (`redAfterConsecutive`,
 *   at least 1), so a loader fetches the newest ones of a kind that has fewer in the window. A kind with none
 *   in the window still gets its newest reading, so the missing-data and stale rules see when it last came
 *   (never a false "no readings"). The trend uses the readings there are (up to `TREND_WINDOW` before the newest).
 * PHQ-9 and GAD-7 are always included (their score, bands and the PHQ-9 item 9 concern).
 */
export interface PlanHistoryNeed {
  readonly days: number;
  readonly readings: ReadonlyMap<MeasurementKind, number>;
}

export function planHistoryNeed(plan: PatientPlan): PlanHistoryNeed {
  let days = 0;
  const readings = new Map<MeasurementKind, number>();
  for (const m of withPromBands(plan).measurements) {
    days = Math.max(days, m.yellowAfterAbnormal?.days ?? 0, m.expected?.days ?? 0, (m.staleAfterHours ?? 0) / 24);
    readings.set(m.kind, Math.max(readings.get(m.kind) ?? 1, m.redAfterConsecutive ?? 1));
  }
  return { days: Math.ceil(days), readings };
}

/** Problems in a plan (thresholds out of order, non-positive counts); empty when fine. */
export function validatePlan(plan: PatientPlan): string[] {
  const problems: string[] = [];
  for (const m of plan.measurements) {
    const { redAtOrBelow: rl, yellowAtOrBelow: yl, yellowAtOrAbove: yh, redAtOrAbove: rh } = m.limits;
    const ordered = [rl, yl, yh, rh].filter((x): x is number => x !== undefined);
    for (let i = 1; i < ordered.length; i++) if (!(ordered[i - 1]! < ordered[i]!)) problems.push(`${m.kind}: limits must increase (red low < yellow low < yellow high < red high)`);
    if (m.redAfterConsecutive !== undefined && m.redAfterConsecutive < 1) problems.push(`${m.kind}: redAfterConsecutive must be ≥ 1`);
    for (const [name, r] of [['yellowAfterAbnormal', m.yellowAfterAbnormal], ['expected', m.expected]] as const)
      if (r && (r.count < 1 || r.days <= 0)) problems.push(`${m.kind}: ${name} needs count ≥ 1 and days > 0`);
  }
  return problems;
}

export type Level = 'green' | 'yellow' | 'red';
export type Direction = 'low' | 'high';

export interface Classification {
  readonly level: Level;
  readonly direction?: Direction;
  /** The threshold that was crossed. */
  readonly limit?: number;
}

/**
 * The precision each kind is compared at unless the plan says otherwise: the NEWS2 chart's precision for
 * its parameters (whole numbers; 0.1 °C), 0.1 for weight and glucose, whole numbers for scores.
 */
export const DEFAULT_DECIMALS: Readonly<Record<MeasurementKind, number>> = {
  systolic: 0,
  diastolic: 0,
  heartRate: 0,
  respiratoryRate: 0,
  spo2: 0,
  temperature: 1,
  weight: 1,
  height: 0,
  glucose: 1,
  phq9: 0,
  gad7: 0,
};

/** Level of one value against a measurement's limits. */
export function classifyValue(value: number, plan: Pick<MeasurementPlan, 'kind' | 'limits' | 'decimals'>): Classification {
  const v = roundHalfAwayFromZero(value, plan.decimals ?? DEFAULT_DECIMALS[plan.kind]);
  const l = plan.limits;
  if (l.redAtOrBelow !== undefined && v <= l.redAtOrBelow) return { level: 'red', direction: 'low', limit: l.redAtOrBelow };
  if (l.redAtOrAbove !== undefined && v >= l.redAtOrAbove) return { level: 'red', direction: 'high', limit: l.redAtOrAbove };
  if (l.yellowAtOrBelow !== undefined && v <= l.yellowAtOrBelow) return { level: 'yellow', direction: 'low', limit: l.yellowAtOrBelow };
  if (l.yellowAtOrAbove !== undefined && v >= l.yellowAtOrAbove) return { level: 'yellow', direction: 'high', limit: l.yellowAtOrAbove };
  return { level: 'green' };
}

/** Why a measurement has its status: a machine-readable code plus the data to put into words. */
export type StatusReason =
  | { readonly code: 'readingRed' | 'readingYellow'; readonly direction: Direction; readonly value: number; readonly limit: number; readonly at: number }
  | { readonly code: 'consecutiveAbnormal'; readonly count: number; readonly required: number; readonly since: number }
  | { readonly code: 'abnormalInPeriod'; readonly count: number; readonly required: number; readonly days: number }
  | { readonly code: 'missingData'; readonly received: number; readonly expected: number; readonly days: number }
  | { readonly code: 'noReadings' }
  | { readonly code: 'withinLimits'; readonly value: number; readonly at: number };

export interface ClassifiedReading extends Reading, Classification {}

export interface MeasurementStatus {
  readonly kind: MeasurementKind;
  readonly status: Severity;
  /** The rule that decided the status. */
  readonly reason: StatusReason;
  /** Every rule that fired, most severe first. */
  readonly reasons: readonly StatusReason[];
  readonly latest?: ClassifiedReading;
  /** Set when the newest reading is older than `staleAfterHours`. */
  readonly stale?: { readonly lastAt: number; readonly hoursSince: number; readonly limitHours: number };
  /** Abnormal readings (yellow or red), oldest first, up to `now`. */
  readonly abnormal: readonly ClassifiedReading[];
  readonly readingCount: number;
}

export interface PlanEvaluation {
  readonly measurements: readonly MeasurementStatus[];
  /** The most severe measurement status; green when the plan has no measurements. */
  readonly overall: Severity;
  readonly source: PlanSource;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

const REASON_SEVERITY: Record<StatusReason['code'], Severity> = {
  readingRed: 'red',
  consecutiveAbnormal: 'red',
  abnormalInPeriod: 'yellow',
  readingYellow: 'yellow',
  missingData: 'grey',
  noReadings: 'grey',
  withinLimits: 'green',
};

/** Evaluates one measurement's readings (any order) against its plan at `now`. */
export function evaluateMeasurement(plan: MeasurementPlan, readings: readonly Reading[], now: number): MeasurementStatus {
  const series = readings.filter((r) => r.kind === plan.kind && r.at <= now).sort((a, b) => a.at - b.at);
  const classified: ClassifiedReading[] = series.map((r) => ({ ...r, ...classifyValue(r.value, plan) }));
  const latest = classified[classified.length - 1];
  const abnormal = classified.filter((r) => r.level !== 'green');
  const reasons: StatusReason[] = [];

  if (latest && latest.level !== 'green') {
    reasons.push({ code: latest.level === 'red' ? 'readingRed' : 'readingYellow', direction: latest.direction!, value: latest.value, limit: latest.limit!, at: latest.at });
  }
  if (plan.redAfterConsecutive !== undefined) {
    let run = 0;
    for (let i = classified.length - 1; i >= 0 && classified[i]!.level !== 'green'; i--) run++;
    if (run >= plan.redAfterConsecutive) {
      reasons.push({ code: 'consecutiveAbnormal', count: run, required: plan.redAfterConsecutive, since: classified[classified.length - run]!.at });
    }
  }
  if (plan.yellowAfterAbnormal) {
    const from = now - plan.yellowAfterAbnormal.days * DAY;
    const count = abnormal.filter((r) => r.at > from).length;
    if (count >= plan.yellowAfterAbnormal.count) reasons.push({ code: 'abnormalInPeriod', count, required: plan.yellowAfterAbnormal.count, days: plan.yellowAfterAbnormal.days });
  }
  if (!latest) reasons.push({ code: 'noReadings' });
  else if (plan.expected) {
    const from = now - plan.expected.days * DAY;
    const received = classified.filter((r) => r.at > from).length;
    if (received < plan.expected.count) reasons.push({ code: 'missingData', received, expected: plan.expected.count, days: plan.expected.days });
  }
  if (latest && latest.level === 'green') reasons.push({ code: 'withinLimits', value: latest.value, at: latest.at });

  reasons.sort((a, b) => SEVERITY_RANK[REASON_SEVERITY[b.code]] - SEVERITY_RANK[REASON_SEVERITY[a.code]]);
  const reason = reasons[0]!;
  const hoursSince = latest ? (now - latest.at) / HOUR : undefined;
  const stale =
    latest && plan.staleAfterHours !== undefined && hoursSince! > plan.staleAfterHours
      ? { lastAt: latest.at, hoursSince: hoursSince!, limitHours: plan.staleAfterHours }
      : undefined;
  return {
    kind: plan.kind,
    status: REASON_SEVERITY[reason.code],
    reason,
    reasons,
    ...(latest ? { latest } : {}),
    ...(stale ? { stale } : {}),
    abnormal,
    readingCount: classified.length,
  };
}

/** Evaluates every measurement in the plan. `series` may hold readings of any kind, in any order. */
export function evaluatePlan(plan: PatientPlan, series: readonly Reading[], now: number): PlanEvaluation {
  const byKind = new Map<MeasurementKind, Reading[]>();
  for (const r of series) {
    let list = byKind.get(r.kind);
    if (!list) byKind.set(r.kind, (list = []));
    list.push(r);
  }
  const measurements = plan.measurements.map((m) => evaluateMeasurement(m, byKind.get(m.kind) ?? [], now));
  let overall: Severity = 'green';
  for (const m of measurements) if (SEVERITY_RANK[m.status] > SEVERITY_RANK[overall]) overall = m.status;
  return { measurements, overall, source: plan.source };
}
