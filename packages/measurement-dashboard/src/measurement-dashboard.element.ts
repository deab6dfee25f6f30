import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Bundle, Observation } from 'fhir/r4';
import { HkElement, LocalizeController, MachineController, type HkNumberInput } from '@helsekit/base';
import { measurementCatalogsOnDemand } from '@helsekit/core/i18n';
import {
  buildSummaryObservations,
  buildVitalSignObservation,
  classifyValue,
  dashboardMachine,
  DEFAULT_PLAN,
  formatValue,
  lowerBound,
  news2OptionsFor,
  parseMeasurementCsv,
  PLAUSIBLE_RANGE,
  toDashboardView,
  toTypedSeries,
  upperBound,
  withPromBands,
  type Acvpu,
  type DashboardItem,
  type MeasurementInput,
  type MeasurementKind,
  type MeasurementTileView,
  type PatientPlan,
  type Spo2Scale,
} from '@helsekit/core/measurements';
import type { AccessTokenCallback, HealthStore } from '@helsekit/core/store';
import { HkDashboardErrorEvent, HkMeasurementAddedEvent, HkSummaryEvent } from './dashboard.events.js';
import { dashboardStyles, sharedStyles } from './dashboard.styles.js';
import { fetchReadingsActor, observationsToItems, patientReference, resolveStore } from './store-actors.js';
import { renderChart, type ChartSeries } from './trend-chart.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
export type RangeKey = '7d' | '30d' | '6mo' | '1y' | 'custom';
const RANGE_MS: Record<Exclude<RangeKey, 'custom'>, number> = { '7d': 7 * DAY, '30d': 30 * DAY, '6mo': 182 * DAY, '1y': 365 * DAY };
const RANGE_KEYS: readonly RangeKey[] = ['7d', '30d', '6mo', '1y', 'custom'];
const ADD_KINDS = ['bloodPressure', 'heartRate', 'respiratoryRate', 'spo2', 'temperature', 'weight', 'glucose'] as const;
type AddKind = (typeof ADD_KINDS)[number];
const PROM_KINDS: ReadonlySet<MeasurementKind> = new Set(['phq9', 'gad7']);
/** Most rows a table view shows (newest first); the chart shows everything. */
const TABLE_ROWS = 500;

/**
 * One patient's home measurements and PROM scores against their own plan (egenbehandlingsplan): the
 * latest values with status in words and colour, a trend chart per measurement with the plan's limit
 * bands, NEWS2 ("based on NEWS2"; partial sets say what is missing), adding a reading (patient view),
 * importing a FHIR Bundle or CSV, and a shareable FHIR summary (clinician view).
 *
 * Each chart is a focusable `role="application"` with a name that says what, when and how many; the left and
 * right arrow keys move between readings and each reading is announced (value, unit, time, status) in a
 * polite live region; + and − zoom, Shift+arrows and Page Up/Down move the period. Every chart has a table view.
 *
 * @tagname hk-measurement-dashboard
 * @summary A patient's measurements over time against their own limits, with NEWS2 and PROM scores.
 * @event hk-measurement-added - A reading was stored (typed in or imported). `detail.observation`: the stored Observation.
 * @event hk-summary - A summary was made. `detail.bundle`: a FHIR collection Bundle of summary Observations.
 * @event hk-error - Loading, saving or importing failed. `detail.reason`: `load`, `save` or `import`; `detail.message` for logs.
 * @csspart overall - The overall status line.
 * @csspart concern - Clinician view: the concern flag and why (PHQ-9 item 9 answered above 0).
 * @csspart plan-notice - The notice shown while the plan is the shipped default.
 * @csspart tiles - The list of latest values.
 * @csspart tile - One latest value with its status.
 * @csspart status - A status badge (words and colour).
 * @csspart toolbar - Period buttons, zoom and pan.
 * @csspart chart - A chart's focusable box.
 * @csspart focus - The marker on the focused reading.
 * @csspart table - A chart's table view.
 * @csspart news2 - The NEWS2 card.
 * @csspart scores - The PROM scores.
 * @csspart add-form - The add-a-reading form (patient view).
 * @csspart import - The import section.
 * @csspart summary - The summary section (clinician view).
 * @csspart error - The error message with retry.
 * @cssproperty --hk-dashboard-chart-height - Height of each chart (default 11rem).
 * @cssproperty --hk-dashboard-line - Colour of the chart line (default the primary colour).
 * @cssproperty --hk-dashboard-gap - Space between tiles and charts.
 * @cssproperty --hk-color-urgent - Red status.
 * @cssproperty --hk-color-warning - Yellow status.
 * @cssproperty --hk-color-ok - Green status.
 * @cssproperty --hk-color-missing - Grey status (missing data).
 * @cssstate loading - Loading the readings.
 * @cssstate ready - Showing readings.
 * @cssstate refreshing - Fetching new readings in the background.
 * @cssstate empty - The patient has no readings yet.
 * @cssstate error - Loading failed; a retry button is shown.
 */
export class HkMeasurementDashboard extends HkElement {
  static override styles = [HkElement.styles, sharedStyles, dashboardStyles];

  /** The patient: `Patient/123` or `123`. */
  @property() patient = '';

  /** `patient` (their own page: add a reading, import) or `clinician` (summary for sharing). */
  @property({ reflect: true }) view: 'patient' | 'clinician' = 'patient';

  /** A store to read and write through. Takes precedence over `fhir-base`. */
  @property({ attribute: false }) store: HealthStore | undefined;

  /** A FHIR R4 base URL; it must be on `allowedFhirBases`. Without a store or base, readings live in memory. */
  @property({ attribute: 'fhir-base' }) fhirBase = '';

  /** The allowlist the FHIR base is checked against. */
  @property({ attribute: false }) allowedFhirBases: readonly string[] = [];

  /** Asked for a bearer token on every FHIR request. */
  @property({ attribute: false }) getAccessToken: AccessTokenCallback | undefined;

  /**
   * The patient's plan. Default: `DEFAULT_PLAN`, shown as "default limits, not set for this patient". PHQ-9 and
   * GAD-7 scores are judged by their bands when the plan has no limits for them (`withPromBands`). The plan's
   * `news2` settings are used unless the NEWS2 properties below are set.
   */
  @property({ attribute: false }) plan: PatientPlan = DEFAULT_PLAN;

  /** NEWS2: SpO2 scale, `1` (default) or `2` (a per-patient clinician setting, shown with the score). Overrides `plan.news2.spo2Scale`. */
  @property({ type: Number, attribute: 'spo2-scale' }) spo2Scale: Spo2Scale | undefined;

  /** NEWS2: the patient's age in years; under 16 NEWS2 is shown as not applicable. Overrides `plan.news2.ageYears`. */
  @property({ type: Number, attribute: 'age-years' }) ageYears: number | undefined;

  /** NEWS2: the patient is pregnant, so NEWS2 is shown as not applicable. Overrides `plan.news2.pregnant`. */
  @property({ type: Boolean }) pregnant: boolean | undefined;

  /**
   * NEWS2: `oxygen` when the patient is on supplemental oxygen, `air` when not; applies to SpO2 readings that do
   * not say themselves. Unset: unknown, and NEWS2 lists air/oxygen as missing. Overrides `plan.news2.airOrOxygen`.
   */
  @property({ attribute: 'air-or-oxygen' }) airOrOxygen: 'air' | 'oxygen' | undefined;

  /**
   * NEWS2: consciousness (ACVPU: `A` alert, `C` new confusion, `V` voice, `P` pain, `U` unresponsive) and when it
   * was assessed (epoch ms or ISO 8601): `{ value: 'A', at: '2026-05-17T08:00:00Z' }`. It counts in the NEWS2 set
   * when it was assessed within 30 minutes of the newest reading.
   */
  @property({ attribute: false }) consciousness: { readonly value: Acvpu; readonly at: number | string } | undefined;

  /** The time to evaluate at (epoch ms), for tests and demos. Default: the clock. */
  @property({ type: Number }) now: number | undefined;

  /** How often to look for new readings, in ms (the machine backs off after failures). */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 60_000;

  /** Accessible heading level of the element's own heading (2–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private rangeKey: RangeKey = '30d';
  @state() private range: { start: number; end: number } | undefined;
  @state() private tables = new Set<MeasurementKind>();
  @state() private focused = new Map<MeasurementKind, number>();
  @state() private announcement = '';
  @state() private addKind: AddKind = 'bloodPressure';
  @state() private formMessage = '';
  @state() private importMessages: string[] = [];
  @state() private summary: { url: string; count: number } | undefined;

  readonly localize = new LocalizeController(this, measurementCatalogsOnDemand);

  override connectedCallback(): void {
    super.connectedCallback();
    // Its first data shows dates: make the formatters while that data is on its way.
    this.localize.prewarmFormats();
  }
  #store: HealthStore | undefined;
  #seriesFor: object | undefined;
  #series = new Map<MeasurementKind, ChartSeries>();
  #drag: { x: number; width: number; start: number; end: number } | undefined;

  #planFor: PatientPlan | undefined;
  #effectivePlan: PatientPlan = withPromBands(DEFAULT_PLAN);

  readonly machine = new MachineController(
    this,
    dashboardMachine.provide({
      actors: { fetchReadings: fetchReadingsActor(() => this.#getStore(), () => this.#now()) },
    }),
    {
      input: () => ({ patientId: patientReference(this.patient), plan: this.#plan(), pollIntervalMs: this.pollInterval }),
      events: {
        'dashboard.failed': (e) => new HkDashboardErrorEvent('load', e.message),
      },
    },
  );

  #now(): number {
    return this.now ?? Date.now();
  }

  /** The plan as evaluated: PROM bands added where the plan has none (the same object while `plan` is). */
  #plan(): PatientPlan {
    if (this.#planFor !== this.plan) {
      this.#planFor = this.plan;
      this.#effectivePlan = withPromBands(this.plan);
    }
    return this.#effectivePlan;
  }

  #getStore(): HealthStore {
    return (this.#store ??= resolveStore({
      store: this.store,
      fhirBase: this.fhirBase,
      allowedFhirBases: this.allowedFhirBases,
      getAccessToken: this.getAccessToken,
    }));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store') || changed.has('fhirBase') || changed.has('allowedFhirBases') || changed.has('getAccessToken')) {
      this.#store = undefined;
    }
    // Hosts often set properties after the element connected (and its actor started): compare with what the
    // actor was started with, not with the previous render.
    const ctx = this.machine.snapshot.context;
    const storeChanged = this.hasUpdated && (changed.has('store') || changed.has('fhirBase'));
    if (ctx.patientId !== patientReference(this.patient) || storeChanged) {
      this.focused = new Map();
      this.summary = undefined;
      this.machine.restore(undefined);
    } else if (ctx.plan !== this.#plan()) {
      this.machine.send({ type: 'PLAN.SET', plan: this.#plan() });
    }
    if (this.range === undefined || (changed.has('now') && this.rangeKey !== 'custom')) this.#setRange(this.rangeKey === 'custom' ? '30d' : this.rangeKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.summary) URL.revokeObjectURL(this.summary.url);
  }

  // ---- series and range ------------------------------------------------------------------------------------

  #seriesByKind(items: object): Map<MeasurementKind, ChartSeries> {
    if (this.#seriesFor === items) return this.#series;
    const byKind = new Map<MeasurementKind, { at: number; value: number }[]>();
    for (const r of Object.values(items) as DashboardItem[]) {
      let list = byKind.get(r.kind);
      if (!list) byKind.set(r.kind, (list = []));
      list.push(r);
    }
    this.#series = new Map([...byKind].map(([k, list]) => [k, toTypedSeries(list.sort((a, b) => a.at - b.at))]));
    this.#seriesFor = items;
    return this.#series;
  }

  /**
   * Replaces the whole series of one kind, for benchmarks and hosts that hold readings elsewhere. The
   * readings are shown (not stored); they must be in time order.
   */
  setSeries(kind: MeasurementKind, series: ChartSeries): void {
    const items = this.machine.snapshot.context.items;
    this.#seriesByKind(items);
    this.#series = new Map(this.#series).set(kind, series);
    this.requestUpdate();
  }

  #setRange(key: RangeKey): void {
    this.rangeKey = key;
    if (key === 'custom') return;
    const end = this.#now();
    this.range = { start: end - RANGE_MS[key], end };
  }

  /** Shows a period (epoch ms). */
  setRange(start: number, end: number): void {
    this.rangeKey = 'custom';
    this.range = { start: Math.min(start, end), end: Math.max(start, end) };
  }

  #zoom(factor: number, at?: number): void {
    const r = this.range!;
    const center = at ?? (r.start + r.end) / 2;
    const span = Math.max(HOUR, Math.min(5 * 365 * DAY, (r.end - r.start) * factor));
    const ratio = (center - r.start) / (r.end - r.start || 1);
    this.setRange(center - span * ratio, center + span * (1 - ratio));
  }

  #pan(fraction: number): void {
    const r = this.range!;
    const d = (r.end - r.start) * fraction;
    this.setRange(r.start + d, r.end + d);
  }

  // ---- chart keyboard and pointer ---------------------------------------------------------------------------

  #onChartKey(kind: MeasurementKind, event: KeyboardEvent): void {
    const series = this.#series.get(kind);
    if (!series || !this.range) return;
    const { start, end } = this.range;
    const from = lowerBound(series.times, start);
    const to = upperBound(series.times, end) - 1;
    const current = this.focused.get(kind);
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowRight':
        if (event.shiftKey) {
          this.#pan(event.key === 'ArrowLeft' ? -0.25 : 0.25);
          break;
        }
        if (current === undefined || current < from || current > to) next = event.key === 'ArrowLeft' ? to : from;
        else next = Math.max(0, Math.min(series.times.length - 1, current + (event.key === 'ArrowLeft' ? -1 : 1)));
        break;
      case 'Home':
        next = from;
        break;
      case 'End':
        next = to;
        break;
      case '+':
      case '=':
        this.#zoom(0.5, current !== undefined ? series.times[current] : undefined);
        break;
      case '-':
      case '−':
        this.#zoom(2, current !== undefined ? series.times[current] : undefined);
        break;
      case 'PageUp':
        this.#pan(-0.5);
        break;
      case 'PageDown':
        this.#pan(0.5);
        break;
      default:
        return;
    }
    event.preventDefault();
    if (next === undefined || next < 0 || next >= series.times.length) return;
    const t = series.times[next]!;
    // Moving past either edge takes the period along.
    if (t < start || t > end) {
      const span = end - start;
      this.setRange(t < start ? t - span * 0.1 : t - span * 0.9, t < start ? t + span * 0.9 : t + span * 0.1);
    }
    this.focused = new Map(this.focused).set(kind, next);
    this.announcement = this.#pointText(kind, series.values[next]!, t);
  }

  #pointText(kind: MeasurementKind, value: number, at: number): string {
    const { t, format } = this.localize;
    const plan = this.#plan().measurements.find((m) => m.kind === kind);
    const level = plan ? classifyValue(value, plan).level : 'none';
    return t.dashboardPoint(t.measurementNames[kind], formatValue(kind, value, t, format), format.dateTime(at), t.dashboardLevels[level]);
  }

  #onWheel(event: WheelEvent): void {
    if (!this.range || event.deltaY === 0) return;
    event.preventDefault();
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const at = this.range.start + ((event.clientX - box.left) / (box.width || 1)) * (this.range.end - this.range.start);
    this.#zoom(event.deltaY < 0 ? 0.8 : 1.25, at);
  }

  #onPointerDown(event: PointerEvent): void {
    if (!this.range || event.button !== 0) return;
    const el = event.currentTarget as HTMLElement;
    el.setPointerCapture?.(event.pointerId);
    this.#drag = { x: event.clientX, width: el.getBoundingClientRect().width || 1, ...this.range };
  }

  #onPointerMove(event: PointerEvent): void {
    const d = this.#drag;
    if (!d) return;
    const shift = ((event.clientX - d.x) / d.width) * (d.end - d.start);
    if (Math.abs(event.clientX - d.x) > 1) this.setRange(d.start - shift, d.end - shift);
  }

  #onPointerUp(): void {
    this.#drag = undefined;
  }

  // ---- adding, importing, sharing ---------------------------------------------------------------------------

  async #saveObservations(observations: Observation[]): Promise<Observation[]> {
    const store = this.#getStore();
    const saved: Observation[] = [];
    for (const o of observations) saved.push(await store.put(o));
    this.machine.send({ type: 'READINGS.RECEIVED', items: observationsToItems(saved) });
    for (const o of saved) this.dispatchEvent(new HkMeasurementAddedEvent(o));
    return saved;
  }

  async #onAdd(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { t } = this.localize;
    const inputs = [...this.renderRoot.querySelectorAll<HkNumberInput>('form.add hk-number-input')];
    const valid = inputs.map((i) => i.validate()).every(Boolean);
    if (!valid) {
      inputs.find((i) => !i.validate())?.focus();
      return;
    }
    // `value` is committed on the input's change event; a number typed but not yet committed is not saved as a
    // reading without a value (the input is focused instead, and its change commits it).
    const missing = inputs.find((i) => typeof i.value !== 'number' || !Number.isFinite(i.value));
    if (missing) {
      missing.focus();
      return;
    }
    const [a, b] = inputs.map((i) => i.value!);
    const input: MeasurementInput =
      this.addKind === 'bloodPressure' ? { kind: 'bloodPressure', systolic: a!, diastolic: b! } : { kind: this.addKind, value: a! };
    const observation = buildVitalSignObservation(input, {
      subject: { reference: patientReference(this.patient) },
      effectiveDateTime: new Date(this.#now()).toISOString(),
    });
    try {
      await this.#saveObservations([observation]);
      this.formMessage = t.dashboardSaved(t.dashboardAddKinds[this.addKind]);
      for (const i of inputs) i.value = null;
    } catch (error) {
      this.formMessage = t.dashboardSaveFailed;
      this.dispatchEvent(new HkDashboardErrorEvent('save', error instanceof Error ? error.message : String(error)));
    }
  }

  /** Imports a FHIR Bundle (JSON) or CSV given as text. Returns the number of readings stored. */
  async importText(text: string): Promise<number> {
    const { t } = this.localize;
    const subject = { reference: patientReference(this.patient) };
    const messages: string[] = [];
    let observations: Observation[] = [];
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{')) {
      let bundle: Bundle | undefined;
      try {
        bundle = JSON.parse(trimmed) as Bundle;
      } catch {
        bundle = undefined;
      }
      if (!bundle || bundle.resourceType !== 'Bundle') {
        this.importMessages = [t.dashboardImportNotBundle];
        return 0;
      }
      observations = (bundle.entry ?? [])
        .map((e) => e.resource)
        .filter((r): r is Observation => r?.resourceType === 'Observation')
        .map(({ id: _id, meta: _meta, ...rest }) => ({ ...rest, subject }));
      // Only what the dashboard can read is stored.
      const readable = new Set(observationsToItems(observations.map((o, i) => ({ ...o, id: String(i) }))).map((x) => x.id.split('#')[0]));
      observations = observations.filter((_, i) => readable.has(`Observation/${i}`));
    } else {
      const { rows, errors } = parseMeasurementCsv(text);
      if (rows.length === 0 && errors.length === 0) {
        this.importMessages = [t.dashboardImportNotBundle];
        return 0;
      }
      for (const e of errors) messages.push(t.dashboardImportLineError(e.line, t.dashboardCsvProblems[e.code]));
      observations = rows.map((r) => buildVitalSignObservation(r.input, { subject, effectiveDateTime: new Date(r.effective).toISOString() }));
    }
    try {
      const saved = await this.#saveObservations(observations);
      this.importMessages = [t.dashboardImported(saved.length), ...messages];
      return saved.length;
    } catch (error) {
      this.importMessages = [t.dashboardSaveFailed, ...messages];
      this.dispatchEvent(new HkDashboardErrorEvent('import', error instanceof Error ? error.message : String(error)));
      return 0;
    }
  }

  async #onFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    // Read as text only: the content is parsed as JSON or CSV and never put into the page as markup.
    await this.importText(await file.text());
    input.value = '';
  }

  /** Builds the shareable summary for the shown period, fires `hk-summary` and offers it as a download. */
  makeSummary(): Bundle {
    const items = Object.values(this.machine.snapshot.context.items);
    const { start, end } = this.range!;
    const observations = buildSummaryObservations(items, {
      subject: { reference: patientReference(this.patient) },
      period: { start, end },
      issued: new Date(this.#now()).toISOString(),
    });
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      timestamp: new Date(this.#now()).toISOString(),
      entry: observations.map((resource) => ({ resource })),
    };
    if (this.summary) URL.revokeObjectURL(this.summary.url);
    const url = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/fhir+json' }));
    this.summary = { url, count: observations.length };
    this.dispatchEvent(new HkSummaryEvent(bundle));
    return bundle;
  }

  // ---- render ---------------------------------------------------------------------------------------------

  #heading(level: number, text: string, id?: string): TemplateResult {
    const l = Math.min(6, Math.max(2, level));
    switch (l) {
      case 2:
        return html`<h2 id=${id ?? nothing}>${text}</h2>`;
      case 3:
        return html`<h3 id=${id ?? nothing}>${text}</h3>`;
      case 4:
        return html`<h4 id=${id ?? nothing}>${text}</h4>`;
      case 5:
        return html`<h5 id=${id ?? nothing}>${text}</h5>`;
      default:
        return html`<h6 id=${id ?? nothing}>${text}</h6>`;
    }
  }

  #tile(tile: MeasurementTileView): TemplateResult {
    return html`<li class="tile" part="tile">
      ${this.#heading(this.headingLevel + 2, tile.label)}
      <p class="value">${tile.value ?? '–'}</p>
      <p><span class="badge sev-${tile.severity}" part="status">${tile.statusText}</span></p>
      ${tile.reasonText ? html`<p>${tile.reasonText}</p>` : nothing}
      ${tile.trend
        ? html`<p><span aria-hidden="true">${tile.trend.arrow}</span> ${tile.trend.text}</p>`
        : nothing}
      ${tile.lastReadingText ? html`<p class="muted">${tile.lastReadingText}</p>` : nothing}
      ${tile.staleText ? html`<p class="notice">${tile.staleText}</p>` : nothing}
    </li>`;
  }

  #toolbar(): TemplateResult {
    const { t, format } = this.localize;
    const r = this.range!;
    return html`<div class="toolbar" part="toolbar">
      <div class="row" role="group" aria-labelledby="range-label">
        <span id="range-label">${t.dashboardRangeLabel}:</span>
        ${RANGE_KEYS.map(
          (key) => html`<button type="button" aria-pressed=${this.rangeKey === key ? 'true' : 'false'} @click=${() => (key === 'custom' ? this.setRange(r.start, r.end) : this.#setRange(key))}>
            ${t.dashboardRanges[key]}
          </button>`,
        )}
      </div>
      ${this.rangeKey === 'custom'
        ? html`<div class="custom-range">
            <hk-date-input
              label=${t.dashboardFrom}
              .value=${new Date(r.start).toISOString().slice(0, 10)}
              @hk-change=${(e: CustomEvent<{ value: string | null }>) => e.detail.value && this.setRange(Date.parse(e.detail.value), r.end)}
            ></hk-date-input>
            <hk-date-input
              label=${t.dashboardTo}
              .value=${new Date(r.end).toISOString().slice(0, 10)}
              @hk-change=${(e: CustomEvent<{ value: string | null }>) => e.detail.value && this.setRange(r.start, Date.parse(e.detail.value) + DAY - 1)}
            ></hk-date-input>
          </div>`
        : nothing}
      <div class="row">
        <button type="button" @click=${() => this.#zoom(0.5)}>${t.dashboardZoomIn}</button>
        <button type="button" @click=${() => this.#zoom(2)}>${t.dashboardZoomOut}</button>
        <button type="button" @click=${() => this.#pan(-0.5)}>${t.dashboardPanEarlier}</button>
        <button type="button" @click=${() => this.#pan(0.5)}>${t.dashboardPanLater}</button>
        <span class="muted">${format.date(r.start)} – ${format.date(r.end)}</span>
      </div>
      <p class="muted" id="chart-help">${t.dashboardChartHelp} ${t.dashboardLimitsLegend}.</p>
    </div>`;
  }

  #chart(kind: MeasurementKind, series: ChartSeries): TemplateResult {
    const { t, format } = this.localize;
    const { start, end } = this.range!;
    const name = t.measurementNames[kind];
    const from = lowerBound(series.times, start);
    const to = upperBound(series.times, end);
    const count = to - from;
    const showTable = this.tables.has(kind);
    const headingId = `chart-${kind}`;
    const toggle = () => {
      const next = new Set(this.tables);
      if (showTable) next.delete(kind);
      else next.add(kind);
      this.tables = next;
    };
    const plan = this.#plan().measurements.find((m) => m.kind === kind);
    const fmt = (v: number) => format.number(v, { maximumFractionDigits: kind === 'temperature' || kind === 'weight' || kind === 'glucose' ? 1 : 0 });
    return html`<section class="card" aria-labelledby=${headingId}>
      ${this.#heading(this.headingLevel + 2, name, headingId)}
      <button type="button" aria-pressed=${showTable ? 'true' : 'false'} @click=${toggle}>${showTable ? t.dashboardShowChart : t.dashboardShowTable}</button>
      ${showTable
        ? this.#table(kind, series, from, to)
        : html`<div
            class="chart-box"
            part="chart"
            role="application"
            tabindex="0"
            data-kind=${kind}
            aria-label=${t.dashboardChartLabel(name, format.date(start), format.date(end), count)}
            aria-describedby="chart-help"
            @keydown=${(e: KeyboardEvent) => this.#onChartKey(kind, e)}
            @wheel=${this.#onWheel}
            @pointerdown=${this.#onPointerDown}
            @pointermove=${this.#onPointerMove}
            @pointerup=${this.#onPointerUp}
            @pointercancel=${this.#onPointerUp}
          >
            ${renderChart({
              series,
              start,
              end,
              limits: plan?.limits,
              focused: this.focused.get(kind),
              labels: { start: format.date(start), end: format.date(end), format: fmt },
            })}
          </div>`}
      ${count === 0 ? html`<p class="muted">${t.dashboardNoPointsInRange}</p>` : nothing}
    </section>`;
  }

  #table(kind: MeasurementKind, series: ChartSeries, from: number, to: number): TemplateResult {
    const { t, format } = this.localize;
    const { start, end } = this.range!;
    const plan = this.#plan().measurements.find((m) => m.kind === kind);
    const rows: number[] = [];
    for (let i = to - 1; i >= from && rows.length < TABLE_ROWS; i--) rows.push(i);
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${t.dashboardTableCaption(t.measurementNames[kind], format.date(start), format.date(end))}>
      <table part="table">
        <caption>${t.dashboardTableCaption(t.measurementNames[kind], format.date(start), format.date(end))}</caption>
        <thead>
          <tr>
            <th scope="col">${t.dashboardColumns.time}</th>
            <th scope="col">${t.dashboardColumns.value}</th>
            <th scope="col">${t.dashboardColumns.status}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((i) => {
            const v = series.values[i]!;
            const level = plan ? classifyValue(v, plan).level : 'none';
            return html`<tr>
              <td>${format.dateTime(series.times[i]!)}</td>
              <td>${formatValue(kind, v, t, format)}</td>
              <td><span class="sev-${level}">${t.dashboardLevels[level]}</span></td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  #addForm(): TemplateResult {
    const { t } = this.localize;
    const kind = this.addKind;
    const unit = (k: 'systolic' | 'diastolic' | Exclude<AddKind, 'bloodPressure'>) => t.measurementUnits[k];
    const field = (k: 'systolic' | 'diastolic' | Exclude<AddKind, 'bloodPressure'>, label: string) => {
      const r = PLAUSIBLE_RANGE[k];
      return html`<hk-number-input name=${k} label=${label} unit=${unit(k)} .min=${r.min} .max=${r.max} .decimals=${r.decimals} required></hk-number-input>`;
    };
    return html`<section class="card" part="add-form" aria-labelledby="add-heading">
      ${this.#heading(this.headingLevel + 1, t.dashboardAddTitle, 'add-heading')}
      <form class="add" novalidate @submit=${this.#onAdd}>
        <p>
          <label for="add-kind">${t.dashboardAddKind}</label><br />
          <select id="add-kind" .value=${kind} @change=${(e: Event) => ((this.addKind = (e.target as HTMLSelectElement).value as AddKind), (this.formMessage = ''))}>
            ${ADD_KINDS.map((k) => html`<option value=${k} ?selected=${k === kind}>${t.dashboardAddKinds[k]}</option>`)}
          </select>
        </p>
        ${kind === 'bloodPressure'
          ? html`${field('systolic', t.dashboardSystolic)} ${field('diastolic', t.dashboardDiastolic)}`
          : repeat([kind], (k) => k, (k) => field(k, t.dashboardAddKinds[k]))}
        <p><button class="primary" type="submit">${t.dashboardSave}</button></p>
        <p role="status">${this.formMessage}</p>
      </form>
    </section>`;
  }

  #import(): TemplateResult {
    const { t } = this.localize;
    return html`<section class="card" part="import" aria-labelledby="import-heading">
      ${this.#heading(this.headingLevel + 1, t.dashboardImportTitle, 'import-heading')}
      <p id="import-hint" class="muted">${t.dashboardImportHint}</p>
      <p>
        <label for="import-file">${t.dashboardImportFile}</label><br />
        <input id="import-file" type="file" accept=".json,.csv,application/json,application/fhir+json,text/csv" aria-describedby="import-hint" @change=${this.#onFile} />
      </p>
      <div role="status" class="import-errors">
        ${this.importMessages.length ? html`<ul>${this.importMessages.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
      </div>
    </section>`;
  }

  #summarySection(): TemplateResult {
    const { t } = this.localize;
    return html`<section class="card" part="summary" aria-labelledby="summary-heading">
      ${this.#heading(this.headingLevel + 1, t.dashboardSummaryTitle, 'summary-heading')}
      <button type="button" @click=${() => this.makeSummary()}>${t.dashboardSummaryGet}</button>
      <p role="status">
        ${this.summary
          ? html`${t.dashboardSummaryReady(this.summary.count)}
              <a href=${this.summary.url} download="summary-${patientReference(this.patient).replace('/', '-')}.json">${t.dashboardSummaryDownload}</a>`
          : nothing}
      </p>
    </section>`;
  }

  protected override render() {
    const { t, format } = this.localize;
    const snapshot = this.machine.snapshot;
    const view = toDashboardView(snapshot, t, format, { now: this.#now(), news2: news2OptionsFor(this.plan, this), audience: this.view });
    const series = this.#seriesByKind(snapshot.context.items);
    const showData = view.state === 'ready' || view.state === 'refreshing';
    const vitalTiles = view.tiles.filter((x) => !PROM_KINDS.has(x.kind));
    const promTiles = view.tiles.filter((x) => PROM_KINDS.has(x.kind));
    const charted = [...series.entries()].filter(([, s]) => s.times.length > 0);
    return html`
      ${this.#heading(this.headingLevel, t.dashboardTitle)}
      <div class="visually-hidden" role="status" aria-live="polite">${view.statusMessage && view.state !== 'ready' ? view.statusMessage : ''}</div>
      <div class="visually-hidden" aria-live="polite" id="announce" data-announce>${this.announcement}</div>
      ${view.planNotice ? html`<p class="notice" part="plan-notice">${view.planNotice}</p>` : nothing}
      ${view.state === 'loading' ? html`<p aria-busy="true">${t.loading}</p>` : nothing}
      ${view.state === 'error'
        ? html`<div class="error" part="error" role="alert">
            <p>${view.errorText}</p>
            <button type="button" class="primary" @click=${() => this.machine.send({ type: 'RETRY' })}>${t.retry}</button>
          </div>`
        : nothing}
      ${view.state === 'empty' ? html`<p>${t.measurementEmpty}</p>` : nothing}
      ${showData
        ? html`
            <p part="overall"><span class="badge sev-${view.overall.severity}" part="status">${t.dashboardOverall(view.overall.text)}</span></p>
            ${view.concern
              ? html`<p class="concern" part="concern"><strong>${view.concern.title}:</strong> ${view.concern.text}</p>`
              : nothing}
            <ul class="tiles" part="tiles">
              ${repeat(vitalTiles, (x) => x.kind, (x) => this.#tile(x))}
            </ul>
            ${view.news2
              ? html`<section class="card" part="news2" aria-labelledby="news2-heading">
                  ${this.#heading(this.headingLevel + 1, view.news2.title, 'news2-heading')}
                  <p>${view.news2.text}</p>
                  ${view.news2.bandText ? html`<p><strong>${view.news2.bandText}</strong></p>` : nothing}
                  ${view.news2.scaleText ? html`<p>${view.news2.scaleText}</p>` : nothing}
                  <p class="muted"><small>${view.news2.attribution}</small></p>
                </section>`
              : nothing}
            ${promTiles.length
              ? html`<section part="scores" aria-labelledby="scores-heading">
                  ${this.#heading(this.headingLevel + 1, t.dashboardScoresTitle, 'scores-heading')}
                  <ul class="tiles">${repeat(promTiles, (x) => x.kind, (x) => this.#tile(x))}</ul>
                </section>`
              : nothing}
            ${this.#toolbar()}
            <div class="charts">${repeat(charted, ([k]) => k, ([k, s]) => this.#chart(k, s))}</div>
          `
        : nothing}
      ${(showData || view.state === 'empty') && this.view === 'patient' ? html`${this.#addForm()} ${this.#import()}` : nothing}
      ${showData && this.view === 'clinician' ? this.#summarySection() : nothing}
      ${showData ? html`<p><button type="button" ?disabled=${!view.canRefresh} @click=${() => this.machine.send({ type: 'REFRESH' })}>${t.dashboardRefresh}</button></p>` : nothing}
    `;
  }
}
