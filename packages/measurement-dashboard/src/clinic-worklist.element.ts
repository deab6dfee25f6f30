import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { HkElement, LocalizeController, MachineController } from '@helsekit/base';
import { measurementCatalogsOnDemand } from '@helsekit/core/i18n';
import {
  byId,
  DEFAULT_PLAN,
  toWorklistView,
  worklistDetailView,
  worklistMachine,
  type AlertAction,
  type PatientPlan,
  type Severity,
  type WorklistDetail,
  type WorklistPatient,
  type WorklistRowView,
  type WorklistTier,
} from '@helsekit/core/measurements';
import type { AccessTokenCallback, HealthStore } from '@helsekit/core/store';
import { HkAlertChangeEvent, HkDashboardErrorEvent, HkPatientOpenEvent } from './dashboard.events.js';
import { sharedStyles, worklistStyles } from './dashboard.styles.js';
import { fetchWorklistActor, resolveStore, saveAlertActor, WORKLIST_LOOKBACK_DAYS, type WorklistPatientRef } from './store-actors.js';

const DAY = 86_400_000;
const SEVERITIES: readonly Severity[] = ['red', 'yellow', 'grey', 'green'];
const ALL_TIERS: readonly WorklistTier[] = ['active', 'acknowledged', 'snoozed', 'resolved'];

/** Who acts on alerts: a Practitioner reference and a name to show. */
export interface Clinician {
  readonly reference?: string;
  readonly display: string;
}

/**
 * The patients of a programme sorted by need (digital poliklinikk, behovsstyrt oppfølging): status in words,
 * colour and a text badge, why (the rule that fired), the last reading, the PROM score and a trend, with
 * acknowledge, snooze and resolve stored as FHIR Flags with who and when. It polls the store with backoff and
 * merges by version, so no update is lost. Opening a patient shows their `<hk-measurement-dashboard
 * view="clinician">` in place; the back button returns focus to the row.
 *
 * A patient whose newest PHQ-9 has item 9 (thoughts of self-harm) above 0 gets the concern flag: first in the list,
 * with the rule in words. The table reflows by the element's own width (a container query): below 56rem each row
 * is a card, with no sideways scrolling down to 320 CSS px; the markup stays a table.
 *
 * @tagname hk-clinic-worklist
 * @summary A clinician's worklist: patients who need contact first.
 * @event hk-patient-open - A patient was opened. `detail.patient`: the Patient reference.
 * @event hk-alert-change - An alert was acknowledged, snoozed or resolved. `detail`: `patient`, `action`, `by`, `at` (ISO), and `until` for a snooze.
 * @event hk-error - Loading or saving an alert failed. `detail.reason`: `load` or `alert`; `detail.message` for logs.
 * @csspart filters - The filter bar.
 * @csspart table - The worklist table.
 * @csspart row - One patient row.
 * @csspart status - A status badge.
 * @csspart open-button - The patient name button that opens the dashboard.
 * @csspart actions - The alert buttons of a row.
 * @csspart back-button - The button back to the list.
 * @csspart dashboard - The patient's dashboard when one is open.
 * @csspart error - The error message with retry.
 * @cssproperty --hk-color-urgent - Red status.
 * @cssproperty --hk-color-warning - Yellow status.
 * @cssproperty --hk-color-ok - Green status.
 * @cssproperty --hk-color-missing - Grey status (missing data).
 * @cssstate loading - Loading the list.
 * @cssstate ready - Showing the list.
 * @cssstate refreshing - Polling for new data.
 * @cssstate empty - No patients.
 * @cssstate error - Loading failed.
 * @cssstate saving - An alert action is being saved.
 */
export class HkClinicWorklist extends HkElement {
  static override styles = [HkElement.styles, sharedStyles, worklistStyles];

  /** The programme's patients: `{ reference: 'Patient/123', display: 'Kari Nordmann' }`. */
  @property({ attribute: false }) patients: readonly WorklistPatientRef[] = [];

  /** A store to read and write through. Takes precedence over `fhir-base`. */
  @property({ attribute: false }) store: HealthStore | undefined;

  /** A FHIR R4 base URL; it must be on `allowedFhirBases`. */
  @property({ attribute: 'fhir-base' }) fhirBase = '';

  /** The allowlist the FHIR base is checked against. */
  @property({ attribute: false }) allowedFhirBases: readonly string[] = [];

  /** Asked for a bearer token on every FHIR request. */
  @property({ attribute: false }) getAccessToken: AccessTokenCallback | undefined;

  /** The plan the patients are evaluated against. Default: `DEFAULT_PLAN` (marked as default in each dashboard). */
  @property({ attribute: false }) plan: PatientPlan = DEFAULT_PLAN;

  /**
   * Plans per patient, by reference (`Patient/123`); a patient without one gets `plan`. A plan's `news2` holds the
   * patient's NEWS2 settings (SpO2 Scale 2, age, pregnancy, air or oxygen), used by their dashboard.
   */
  @property({ attribute: false }) plans: Readonly<Record<string, PatientPlan>> = {};

  /**
   * The least history read per patient, in days (default 42). The window grows to the plan's longest time-based
   * rule, and for each measurement (and PHQ-9, GAD-7) the newest reading, or as many as `redAfterConsecutive`
   * needs, is read even when older, so the missing-data and stale rules always see the last reading.
   */
  @property({ type: Number, attribute: 'lookback-days' }) lookbackDays = WORKLIST_LOOKBACK_DAYS;

  /** Who acts on alerts; stored as the Flag's author. */
  @property({ attribute: false }) clinician: Clinician | undefined;

  /** The time to evaluate at (epoch ms), for tests and demos. Default: the clock. */
  @property({ type: Number }) now: number | undefined;

  /** How often to poll, in ms (the machine backs off after failures). */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 60_000;

  /** Rows shown before "show more" (the most urgent first); keeps a long list fast to draw. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** Accessible heading level of the element's own heading (2–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private snoozeFor: string | undefined;
  @state() private snoozeDate: string | null = null;
  @state() private showHandled = false;
  @state() private shown = 0;

  readonly localize = new LocalizeController(this, measurementCatalogsOnDemand);

  override connectedCallback(): void {
    super.connectedCallback();
    // Its first data shows dates: make the formatters while that data is on its way.
    this.localize.prewarmFormats();
  }
  #store: HealthStore | undefined;
  #returnFocusTo: string | undefined;

  readonly machine = new MachineController(
    this,
    worklistMachine.provide({
      actors: {
        fetchWorklist: fetchWorklistActor(
          () => this.#getStore(),
          () => this.patients,
          (ref) => this.#planFor(ref),
          () => this.#now(),
          () => this.lookbackDays,
        ),
        saveAlert: saveAlertActor(() => this.#getStore(), () => this.clinician),
      },
    }),
    {
      input: () => ({ pollIntervalMs: this.pollInterval }),
      events: {
        'worklist.failed': (e) => new HkDashboardErrorEvent('load', e.message),
        'worklist.alert.failed': (e) => new HkDashboardErrorEvent('alert', e.message),
        'worklist.selected': (e) => new HkPatientOpenEvent(`Patient/${e.patientId}`),
      },
    },
  );

  #planFor(reference: string): PatientPlan {
    return this.plans[reference] ?? this.plan;
  }

  #now(): number {
    return this.now ?? Date.now();
  }

  #getStore(): HealthStore {
    return (this.#store ??= resolveStore({ store: this.store, fhirBase: this.fhirBase, allowedFhirBases: this.allowedFhirBases, getAccessToken: this.getAccessToken }));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('store') || changed.has('fhirBase') || changed.has('allowedFhirBases') || changed.has('getAccessToken')) this.#store = undefined;
    if (changed.has('patients') || changed.has('store') || changed.has('fhirBase') || changed.has('plan') || changed.has('plans') || changed.has('lookbackDays')) {
      const snapshot = this.machine.snapshot;
      // A load already under way read the old inputs: start over (nothing to lose before the first load ends).
      if (snapshot.matches({ data: 'loading' }) && snapshot.context.pending.length === 0) this.machine.restore(undefined);
      else this.machine.send({ type: 'REFRESH' });
    }
  }

  protected override updated(): void {
    if (this.#returnFocusTo !== undefined) {
      const button = this.renderRoot.querySelector<HTMLButtonElement>(`button.open[data-id="${CSS.escape(this.#returnFocusTo)}"]`);
      this.#returnFocusTo = undefined;
      button?.focus();
    }
  }

  /** Looks for new data now (as the poll would). */
  refresh(): void {
    this.machine.send({ type: 'REFRESH' });
  }

  #by(): string {
    return this.clinician?.display ?? this.localize.t.worklistColumns.patient;
  }

  #act(row: WorklistRowView, action: AlertAction, until?: number): void {
    const at = this.#now();
    const by = this.#by();
    const base = { patientId: row.id, by, at };
    if (action === 'acknowledged') this.machine.send({ type: 'ACKNOWLEDGE', ...base });
    else if (action === 'resolved') this.machine.send({ type: 'RESOLVE', ...base });
    else this.machine.send({ type: 'SNOOZE', ...base, until: until ?? at + DAY });
    this.snoozeFor = undefined;
    this.dispatchEvent(
      new HkAlertChangeEvent({
        patient: `Patient/${row.id}`,
        action,
        by,
        at: new Date(at).toISOString(),
        ...(action === 'snoozed' ? { until: new Date(until ?? at + DAY).toISOString() } : {}),
      }),
    );
    // The row may move or disappear; keep focus on the row's name.
    this.#returnFocusTo = row.id;
  }

  #open(id: string): void {
    this.machine.send({ type: 'SELECT', patientId: id });
  }

  #back(): void {
    const id = this.machine.snapshot.context.selectedId;
    this.machine.send({ type: 'SELECT.CLEAR' });
    this.#returnFocusTo = id;
  }

  #setFilter(patch: { text?: string; severities?: readonly Severity[] | undefined; showHandled?: boolean }): void {
    const current = this.machine.snapshot.context.filter;
    if (patch.showHandled !== undefined) this.showHandled = patch.showHandled;
    const next = {
      ...current,
      ...(patch.text !== undefined ? { text: patch.text } : {}),
      tiers: this.showHandled ? ALL_TIERS : ['active', 'acknowledged'],
    } as { text?: string; severities?: readonly Severity[]; tiers: readonly WorklistTier[] };
    if ('severities' in patch) {
      if (patch.severities) next.severities = patch.severities;
      else delete next.severities;
    }
    this.machine.send({ type: 'FILTER.SET', filter: next });
  }

  #heading(level: number, text: string, id?: string): TemplateResult {
    const l = Math.min(6, Math.max(2, level));
    if (l === 2) return html`<h2 id=${id ?? nothing}>${text}</h2>`;
    if (l === 3) return html`<h3 id=${id ?? nothing}>${text}</h3>`;
    if (l === 4) return html`<h4 id=${id ?? nothing}>${text}</h4>`;
    return html`<h5 id=${id ?? nothing}>${text}</h5>`;
  }

  #row(row: WorklistRowView): TemplateResult {
    const { t, format } = this.localize;
    const patient = byId(this.machine.snapshot.context.patients, row.id) as (WorklistPatient & { detail?: WorklistDetail }) | undefined;
    const d = patient ? worklistDetailView(patient, t, format) : { whyText: '' };
    const snoozing = this.snoozeFor === row.id;
    const c = t.worklistColumns;
    const tomorrow = new Date(this.#now() + DAY).toISOString().slice(0, 10);
    return html`<tr part="row" class="sev-${row.severity}${row.concernText ? ' concern-row' : ''}" data-id=${row.id}>
      <th scope="row">
        <button type="button" class="open" part="open-button" data-id=${row.id} aria-label=${t.worklistOpen(row.display)} @click=${() => this.#open(row.id)}>
          ${row.display}
        </button>
        ${row.concernText ? html`<br /><strong class="concern-badge">${row.concernText}</strong>` : nothing}
      </th>
      <td data-label=${c.status}>
        <span class="badge sev-${row.severity}" part="status">${row.severityText}</span>
        ${row.tierText ? html`<br /><span class="muted">${row.tierText}</span>` : nothing}
        ${row.alertText ? html`<br /><span>${row.alertText}</span>` : nothing}
        ${row.reopenedText ? html`<br /><span>${row.reopenedText}</span>` : nothing}
      </td>
      <td data-label=${c.why} class="why">
        ${d.concernText ? html`<strong>${d.concernText}</strong><br />` : nothing}${d.whyText}${row.oldestAbnormalText
          ? html`<br /><span class="muted">${row.oldestAbnormalText}</span>`
          : nothing}
      </td>
      <td data-label=${c.last} class=${d.lastReadingText ? '' : 'none'}>${d.lastReadingText ?? '–'}</td>
      <td data-label=${c.score} class=${d.scoreText ? '' : 'none'}>${d.scoreText ?? '–'}</td>
      <td data-label=${c.trend} class=${d.trend ? '' : 'none'}>${d.trend ? html`<span class="trend" aria-hidden="true">${d.trend.arrow}</span> <span>${d.trend.text}</span>` : '–'}</td>
      <td data-label=${c.actions} class=${row.canAcknowledge || row.canSnooze || row.canResolve ? 'actions-cell' : 'actions-cell none'}>
        <div class="actions" part="actions">
          ${row.canAcknowledge
            ? html`<button type="button" ?disabled=${row.saving} @click=${() => this.#act(row, 'acknowledged')} aria-label="${t.worklistAcknowledge}: ${row.display}">${t.worklistAcknowledge}</button>`
            : nothing}
          ${row.canSnooze
            ? html`<button type="button" aria-expanded=${snoozing ? 'true' : 'false'} ?disabled=${row.saving} @click=${() => ((this.snoozeFor = snoozing ? undefined : row.id), (this.snoozeDate = tomorrow))} aria-label="${t.worklistSnooze}: ${row.display}">${t.worklistSnooze}</button>`
            : nothing}
          ${row.canResolve
            ? html`<button type="button" ?disabled=${row.saving} @click=${() => this.#act(row, 'resolved')} aria-label="${t.worklistResolve}: ${row.display}">${t.worklistResolve}</button>`
            : nothing}
        </div>
        ${snoozing
          ? html`<div class="snooze-form">
              <hk-date-input label=${t.worklistSnoozeUntil} .value=${this.snoozeDate} min=${new Date(this.#now()).toISOString().slice(0, 10)} @hk-change=${(e: CustomEvent<{ value: string | null }>) => (this.snoozeDate = e.detail.value)}></hk-date-input>
              <button type="button" class="primary" @click=${() => this.snoozeDate && this.#act(row, 'snoozed', Date.parse(`${this.snoozeDate}T08:00:00`))}>${t.worklistSnooze}</button>
            </div>`
          : nothing}
      </td>
    </tr>`;
  }

  protected override render() {
    const { t, format } = this.localize;
    const snapshot = this.machine.snapshot;
    const now = this.#now();
    const view = toWorklistView(snapshot, t, format, now);
    const selected = snapshot.context.selectedId;
    if (selected) {
      const patient = byId(snapshot.context.patients, selected);
      const display = patient?.display ?? selected;
      return html`<button type="button" part="back-button" class="back" @click=${this.#back}><span aria-hidden="true">←</span> ${t.worklistBack}</button>
        ${this.#heading(this.headingLevel, t.worklistPatientHeading(display))}
        <hk-measurement-dashboard
          part="dashboard"
          view="clinician"
          heading-level=${Math.min(6, this.headingLevel + 1)}
          .patient=${`Patient/${selected}`}
          .store=${this.#getStore()}
          .plan=${this.#planFor(`Patient/${selected}`)}
          .now=${this.now}
        ></hk-measurement-dashboard>`;
    }
    const filter = snapshot.context.filter;
    const c = t.worklistColumns;
    const last = snapshot.context.lastLoadedAt;
    const rows = view.rows.slice(0, Math.max(this.pageSize, this.shown));
    return html`
      ${this.#heading(this.headingLevel, view.title)}
      <div class="visually-hidden" role="status">${view.statusMessage && view.state !== 'refreshing' ? view.statusMessage : ''}</div>
      <div class="filters" part="filters" role="search" aria-label=${t.worklistFilterTitle}>
        <p>
          <label for="filter-text">${t.worklistFilterText}</label>
          <input id="filter-text" type="search" .value=${filter.text ?? ''} @input=${(e: Event) => this.#setFilter({ text: (e.target as HTMLInputElement).value })} />
        </p>
        <p>
          <label for="filter-status">${t.worklistFilterStatus}</label>
          <select id="filter-status" @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            this.#setFilter({ severities: v ? [v as Severity] : undefined });
          }}>
            <option value="" ?selected=${!filter.severities}>–</option>
            ${SEVERITIES.map((s) => html`<option value=${s} ?selected=${filter.severities?.[0] === s}>${t.measurementStatus[s]}</option>`)}
          </select>
        </p>
        <p class="checkbox">
          <input id="filter-handled" type="checkbox" .checked=${this.showHandled} @change=${(e: Event) => this.#setFilter({ showHandled: (e.target as HTMLInputElement).checked })} />
          <label for="filter-handled">${t.worklistShowHandled}</label>
        </p>
      </div>
      ${view.alertErrorText ? html`<p class="error" role="alert">${view.alertErrorText}</p>` : nothing}
      ${view.state === 'loading' ? html`<p aria-busy="true">${t.loading}</p>` : nothing}
      ${view.state === 'error'
        ? html`<div class="error" part="error" role="alert">
            <p>${view.errorText}</p>
            <button type="button" class="primary" @click=${() => this.machine.send({ type: 'RETRY' })}>${t.retry}</button>
          </div>`
        : nothing}
      ${view.emptyText ? html`<p>${view.emptyText}</p>` : nothing}
      ${view.rows.length
        ? html`<table part="table">
            <caption>${t.worklistCaption(view.countText, last ? format.dateTime(last) : '–')}</caption>
            <thead>
              <tr>
                <th scope="col">${c.patient}</th>
                <th scope="col">${c.status}</th>
                <th scope="col">${c.why}</th>
                <th scope="col">${c.last}</th>
                <th scope="col">${c.score}</th>
                <th scope="col">${c.trend}</th>
                <th scope="col">${c.actions}</th>
              </tr>
            </thead>
            <tbody>
              ${repeat(rows, (r) => r.id, (r) => this.#row(r))}
            </tbody>
          </table>
          ${rows.length < view.rows.length
            ? html`<p><button type="button" @click=${() => (this.shown = rows.length + this.pageSize)}>${t.worklistShowMore(rows.length, view.rows.length)}</button></p>`
            : nothing}`
        : nothing}
    `;
  }
}
