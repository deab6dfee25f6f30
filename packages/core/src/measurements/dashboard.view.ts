import type { Formatter } from '../i18n/format.js';
import type { CommonMessages, MeasurementMessages, PromMessages } from '../i18n/messages.js';
import type { DashboardContext } from './dashboard.machine.js';
import { MEASUREMENT_KINDS, type MeasurementKind, type Reading, type Severity } from './measurement.types.js';
import { concernOf } from './concern.rules.js';
import { groupNews2Set, scoreNews2, type Acvpu, type News2Parameter, type News2Settings, type TimedValue } from './news2.js';
import { evaluatePlan, type MeasurementStatus, type PatientPlan, type StatusReason } from './plan.js';
import { trendOf, type TrendDirection } from './trend.rules.js';

/** The strings the dashboard and worklist views show. */
export type MeasurementViewMessages = CommonMessages & MeasurementMessages & PromMessages;
type Messages = MeasurementViewMessages;

/**
 * The dashboard's view model: a pure function of the machine snapshot, the catalog and a formatter.
 * Every status has words (never colour alone); every trend has an arrow and a word.
 */

export type DashboardState = 'loading' | 'ready' | 'refreshing' | 'error' | 'empty';

export interface TrendView {
  readonly direction: TrendDirection;
  /** A glyph for sighted users; `text` says the same in words. */
  readonly arrow: '↑' | '↓' | '→';
  readonly text: string;
}

export interface MeasurementTileView {
  readonly kind: MeasurementKind;
  readonly label: string;
  /** Formatted value with unit, for example "132 mmHg"; undefined without readings. */
  readonly value?: string;
  /** `none` when the plan sets no limits for this measurement: shown, never judged. */
  readonly severity: Severity | 'none';
  /** The status in words, for example "Gul: tegn på forverring". */
  readonly statusText: string;
  /** Why, in words; empty when the status says it all (no limits). */
  readonly reasonText: string;
  readonly reasonCode: StatusReason['code'] | 'noLimits';
  readonly trend?: TrendView;
  readonly lastReadingText?: string;
  readonly staleText?: string;
  /** One sentence for screen readers: label, value, status, reason, trend. */
  readonly ariaLabel: string;
}

export interface News2View {
  readonly title: string;
  readonly attribution: string;
  readonly status: 'complete' | 'partial' | 'notApplicable';
  /** "5 poeng" (complete) or the partial sentence with what is missing. */
  readonly text: string;
  readonly bandText?: string;
  readonly missing?: readonly News2Parameter[];
  readonly scaleText?: string;
}

export interface DashboardView {
  readonly state: DashboardState;
  readonly busy: boolean;
  /** For a polite live region. */
  readonly statusMessage?: string;
  readonly errorText?: string;
  readonly canRetry: boolean;
  readonly canRefresh: boolean;
  /** Shown while the plan is the shipped default. */
  readonly planNotice?: string;
  readonly overall: { readonly severity: Severity; readonly text: string };
  readonly tiles: readonly MeasurementTileView[];
  readonly news2?: News2View;
  /** Clinician view only: the concern flag and the rule that raised it, in words (PHQ-9 item 9 above 0). */
  readonly concern?: { readonly title: string; readonly text: string };
}

/** The NEWS2 inputs a host gives besides the readings (the dashboard's NEWS2 properties). */
export interface DashboardNews2Options extends News2Settings {
  /** ACVPU with when it was assessed (it rarely comes as a reading). */
  readonly consciousness?: TimedValue<Acvpu>;
  /** Air or oxygen at a given time. */
  readonly onOxygen?: TimedValue<boolean>;
  /**
   * The patient's standing state, for SpO2 readings that do not say themselves: `oxygen` when they are on
   * supplemental oxygen, `air` when not. Unset: unknown (NEWS2 then lists air/oxygen as missing).
   */
  readonly airOrOxygen?: 'air' | 'oxygen';
}

const ACVPU: ReadonlySet<string> = new Set<Acvpu>(['A', 'C', 'V', 'P', 'U']);

/**
 * The NEWS2 settings in force for a patient: what the host set on the element (unchecked input from attributes and
 * properties), else the plan's `news2`. Values that are not valid are left out, so NEWS2 lists them as missing
 * rather than scoring from a guess. `consciousness.at` may be epoch ms or ISO 8601.
 */
export function news2OptionsFor(
  plan: PatientPlan,
  set: {
    spo2Scale?: unknown;
    ageYears?: unknown;
    pregnant?: unknown;
    airOrOxygen?: unknown;
    consciousness?: { readonly value: unknown; readonly at: number | string } | undefined;
  },
): DashboardNews2Options {
  const p = plan.news2 ?? {};
  const spo2Scale = set.spo2Scale ?? p.spo2Scale;
  const ageYears = set.ageYears ?? p.ageYears;
  const pregnant = set.pregnant ?? p.pregnant;
  const airOrOxygen = set.airOrOxygen ?? p.airOrOxygen;
  const c = set.consciousness;
  const at = c && ACVPU.has(c.value as string) ? (typeof c.at === 'number' ? c.at : Date.parse(c.at)) : Number.NaN;
  return {
    ...(spo2Scale === 1 || spo2Scale === 2 ? { spo2Scale } : {}),
    ...(typeof ageYears === 'number' && Number.isFinite(ageYears) ? { ageYears } : {}),
    ...(typeof pregnant === 'boolean' ? { pregnant } : {}),
    ...(airOrOxygen === 'air' || airOrOxygen === 'oxygen' ? { airOrOxygen } : {}),
    ...(c && Number.isFinite(at) ? { consciousness: { value: c.value as Acvpu, at } } : {}),
  };
}

export interface DashboardViewOptions {
  readonly now: number;
  readonly news2?: DashboardNews2Options;
  /** Who looks: the clinician view also shows the concern flag. Default `patient`. */
  readonly audience?: 'patient' | 'clinician';
}

const DECIMALS: Partial<Record<MeasurementKind, number>> = { temperature: 1, weight: 1, glucose: 1 };
const ARROWS = { up: '↑', down: '↓', flat: '→' } as const;

function stateOf(value: unknown): DashboardState {
  if (value === 'checking') return 'loading';
  return (['loading', 'ready', 'refreshing', 'error', 'empty'] as const).find((s) => s === value) ?? 'loading';
}

export function formatValue(kind: MeasurementKind, value: number, t: Messages, f: Formatter): string {
  const d = DECIMALS[kind] ?? 0;
  const n = f.number(value, { minimumFractionDigits: d, maximumFractionDigits: d });
  const unit = t.measurementUnits[kind];
  return unit === '%' ? `${n} %` : unit ? `${n} ${unit}` : n;
}

/** The reason in words. */
export function reasonText(status: MeasurementStatus, t: Messages, f: Formatter): string {
  const r = status.reason;
  switch (r.code) {
    case 'readingRed':
    case 'readingYellow': {
      const v = formatValue(status.kind, r.value, t, f);
      const l = formatValue(status.kind, r.limit, t, f);
      return r.direction === 'high' ? t.measurementAboveLimit(v, l) : t.measurementBelowLimit(v, l);
    }
    case 'consecutiveAbnormal':
      return t.measurementConsecutiveAbnormal(r.count);
    case 'abnormalInPeriod':
      return t.measurementAbnormalInPeriod(r.count, r.days);
    case 'missingData':
      return t.measurementMissingData(r.received, r.expected, r.days);
    case 'noReadings':
      return t.measurementNoReadings;
    case 'withinLimits':
      return t.measurementWithinLimits;
  }
}

export function tileView(status: MeasurementStatus, readings: readonly Reading[], t: Messages, f: Formatter): MeasurementTileView {
  const label = t.measurementNames[status.kind];
  const value = status.latest ? formatValue(status.kind, status.latest.value, t, f) : undefined;
  const trend = trendOf(status.kind, readings);
  const trendView = trend ? { direction: trend.direction, arrow: ARROWS[trend.direction], text: t.measurementTrend[trend.direction] } : undefined;
  const statusText = t.measurementStatus[status.status];
  const why = reasonText(status, t, f);
  const lastReadingText = status.latest ? t.measurementLastReading(f.dateTime(status.latest.at)) : undefined;
  const staleText = status.stale ? t.measurementStale(f.dateTime(status.stale.lastAt)) : undefined;
  const ariaLabel = [label, value, statusText, why, trendView?.text, staleText].filter(Boolean).join('. ').replace(/\.\./g, '.');
  return {
    kind: status.kind,
    label,
    ...(value ? { value } : {}),
    severity: status.status,
    statusText,
    reasonText: why,
    reasonCode: status.reason.code,
    ...(trendView ? { trend: trendView } : {}),
    ...(lastReadingText ? { lastReadingText } : {}),
    ...(staleText ? { staleText } : {}),
    ariaLabel,
  };
}

/** A tile for readings of a kind the plan has no limits for. */
export function unjudgedTileView(kind: MeasurementKind, readings: readonly Reading[], t: Messages, f: Formatter): MeasurementTileView {
  const latest = readings.reduce<Reading | undefined>((a, r) => (!a || r.at > a.at ? r : a), undefined);
  const label = t.measurementNames[kind];
  const value = latest ? formatValue(kind, latest.value, t, f) : undefined;
  const trend = trendOf(kind, readings);
  const trendView = trend ? { direction: trend.direction, arrow: ARROWS[trend.direction], text: t.measurementTrend[trend.direction] } : undefined;
  const lastReadingText = latest ? t.measurementLastReading(f.dateTime(latest.at)) : undefined;
  return {
    kind,
    label,
    ...(value ? { value } : {}),
    severity: 'none',
    statusText: t.measurementNoLimits,
    // The badge already says "no limits set"; saying it again as the reason only repeats it.
    reasonText: '',
    reasonCode: 'noLimits',
    ...(trendView ? { trend: trendView } : {}),
    ...(lastReadingText ? { lastReadingText } : {}),
    ariaLabel: [label, value, t.measurementNoLimits, trendView?.text].filter(Boolean).join('. '),
  };
}

function news2View(all: readonly Reading[], options: DashboardViewOptions, t: Messages, f: Formatter): News2View | undefined {
  const settings = options.news2;
  // A standing "on oxygen" / "on air" applies to the SpO2 readings that do not say themselves.
  const standing = settings?.airOrOxygen;
  const readings = standing ? all.map((r) => (r.kind === 'spo2' && r.onOxygen === undefined ? { ...r, onOxygen: standing === 'oxygen' } : r)) : all;
  const group = groupNews2Set(readings, {
    now: options.now,
    ...(settings?.consciousness ? { consciousness: settings.consciousness } : {}),
    ...(settings?.onOxygen ? { onOxygen: settings.onOxygen } : {}),
  });
  if (group.from === undefined) return undefined;
  const result = scoreNews2(group.set, {
    ...(settings?.spo2Scale !== undefined ? { spo2Scale: settings.spo2Scale } : {}),
    ...(settings?.ageYears !== undefined ? { ageYears: settings.ageYears } : {}),
    ...(settings?.pregnant !== undefined ? { pregnant: settings.pregnant } : {}),
  });
  const base = { title: t.news2Title, attribution: t.news2Attribution };
  if (result.status === 'notApplicable') {
    return { ...base, status: 'notApplicable', text: result.reason === 'under16' ? t.news2NotApplicableUnder16 : t.news2NotApplicablePregnant };
  }
  const scaleText = result.scale === 2 ? t.news2Scale2 : undefined;
  if (result.status === 'partial') {
    const missing = f.list(result.missing.map((p) => t.news2Parameters[p]));
    return {
      ...base,
      status: 'partial',
      text: t.news2Partial(result.partialTotal, missing),
      bandText: t.news2AtLeast(t.news2Bands[result.minimumBand]),
      missing: result.missing,
      ...(scaleText ? { scaleText } : {}),
    };
  }
  return { ...base, status: 'complete', text: t.news2Total(result.total), bandText: t.news2Bands[result.band], ...(scaleText ? { scaleText } : {}) };
}

/** Pure view model of the dashboard. */
export function toDashboardView(
  snapshot: { readonly value: unknown; readonly context: DashboardContext },
  t: Messages,
  f: Formatter,
  options: DashboardViewOptions,
): DashboardView {
  const state = stateOf(snapshot.value);
  const { context } = snapshot;
  const readings = Object.values(context.items);
  const evaluation = evaluatePlan(context.plan, readings, options.now);
  const byKind = new Map<MeasurementKind, Reading[]>();
  for (const r of readings) {
    let list = byKind.get(r.kind);
    if (!list) byKind.set(r.kind, (list = []));
    list.push(r);
  }
  const showData = state === 'ready' || state === 'refreshing';
  // Plan measurements first, then readings the plan has no limits for (shown, not judged).
  const planned = new Set(context.plan.measurements.map((m) => m.kind));
  const tiles = showData
    ? [
        ...evaluation.measurements.map((m) => tileView(m, byKind.get(m.kind) ?? [], t, f)),
        ...MEASUREMENT_KINDS.filter((k) => !planned.has(k) && byKind.has(k)).map((k) => unjudgedTileView(k, byKind.get(k)!, t, f)),
      ]
    : [];
  const news2 = showData ? news2View(readings, options, t, f) : undefined;
  const concern = showData && options.audience === 'clinician' ? concernOf(readings, options.now) : undefined;
  const statusMessage =
    state === 'loading' ? t.loading : state === 'refreshing' ? t.measurementRefreshing : state === 'empty' ? t.measurementEmpty : state === 'error' ? t.measurementLoadFailed : undefined;
  return {
    state,
    busy: state === 'loading' || state === 'refreshing',
    ...(statusMessage ? { statusMessage } : {}),
    ...(state === 'error' ? { errorText: t.measurementLoadFailed } : {}),
    canRetry: state === 'error',
    canRefresh: state === 'ready' || state === 'empty',
    ...(context.plan.source.isDefault ? { planNotice: t.measurementDefaultPlan } : {}),
    overall: { severity: evaluation.overall, text: t.measurementStatus[evaluation.overall] },
    tiles,
    ...(news2 ? { news2 } : {}),
    ...(concern ? { concern: { title: t.worklistConcern, text: t.measurementConcernPhq9Item9(f.dateTime(concern.at)) } } : {}),
  };
}
