import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import type { FormViewMessages } from '@helsekit/core/form';
import { isQuestion, titleOf, type SurveyElement, type SurveyItemValue, type SurveyPanel, type SurveyQuestion } from './survey-model.js';

/** Where a prefilled answer came from, and what the person did with it (from the core view model). */
export interface PrefillMark {
  /** "Fra skjemaet «…», 12.03.2026". */
  origin: string;
  status: 'offered' | 'kept' | 'changed' | 'cleared';
  /** The offered value as text. */
  offered: string;
  /** "Ikke bekreftet ennå …" for an offer, else null. */
  stateText: string | null;
}

/**
 * A question's fixed texts and flags as helsekit's converted form has them. Where they are the same thing as
 * survey-core's (a FHIR form without survey-core logic: no conditions, no piping), the templates read them here:
 * survey-core's property getters (`isReadOnly`, `isRequired`, `processedTitle`, `description`, `isVisible`) cost
 * tens of microseconds each, for every question of the page.
 */
export interface QuestionData {
  /** Undefined: read survey-core's (a localized or missing text). */
  title: string | undefined;
  description: string | undefined;
  /** False when the description is localized: read survey-core's. */
  descriptionKnown: boolean;
  required: boolean;
  /** The item, or a group it sits in, is read-only. */
  readOnly: boolean;
  visible: boolean;
}

/** What the question templates need from the element. Every callback is the element's; templates hold no state. */
export interface QuestionContext {
  t: FormViewMessages;
  locale: string;
  readOnly: boolean;
  id(q: SurveyElement): string;
  error(q: SurveyQuestion): string;
  set(q: SurveyQuestion, value: unknown): void;
  blur(q: SurveyQuestion): void;
  prefill(q: SurveyQuestion): PrefillMark | undefined;
  /** Keep an offered earlier answer. */
  keep(q: SurveyQuestion): void;
  filter(q: SurveyQuestion): string;
  setFilter(q: SurveyQuestion, text: string): void;
  addPanel(q: SurveyQuestion): void;
  removePanel(q: SurveyQuestion, panel: SurveyPanel, index: number): void;
  attach(q: SurveyQuestion, files: FileList | null): void;
  /** The unit shown after a number, or ''. */
  unit(q: SurveyQuestion): string;
  /** A number as the locale writes it (`27,5` in Norwegian). */
  formatNumber(value: number): string;
  /** The `autocomplete` token of a text or date field: `name` or `bday` for the person's own data, else `off`. */
  autocomplete(q: SurveyQuestion): string;
  /**
   * What a question's rendering depends on besides the question object itself: while none of it changes, the
   * question is not rendered again (an answer re-renders its own question, not the whole page).
   */
  key(q: SurveyElement): unknown[];
  /**
   * What a block of questions depends on (see `renderPage`): cheaper than every question's `key`, and different
   * whenever one of them would be.
   */
  blockKey(questions: SurveyQuestion[]): unknown[];
  /** Heading level for panels at the top of a page (nested panels go one deeper). */
  level: number;
  /** The question's fixed texts and flags when helsekit's own data has them (see QuestionData), else undefined. */
  data(q: SurveyElement): QuestionData | undefined;
}

function titleText(ctx: QuestionContext, q: SurveyElement): string {
  return ctx.data(q)?.title ?? titleOf(q, ctx.locale);
}

function descriptionText(ctx: QuestionContext, q: SurveyElement): string | undefined {
  const d = ctx.data(q);
  return d?.descriptionKnown ? d.description : q.description;
}

function isRequired(ctx: QuestionContext, q: SurveyQuestion): boolean {
  return ctx.data(q)?.required ?? q.isRequired;
}

function isReadOnly(ctx: QuestionContext, q: SurveyQuestion): boolean {
  return ctx.data(q)?.readOnly ?? q.isReadOnly;
}

function isVisible(ctx: QuestionContext, el: SurveyElement): boolean {
  return ctx.data(el)?.visible ?? el.isVisible;
}

const ids = (...parts: Array<string | false | undefined | null>): string | typeof nothing => {
  const joined = parts.filter(Boolean).join(' ');
  return joined || nothing;
};

function hint(ctx: QuestionContext, q: SurveyElement): TemplateResult | typeof nothing {
  const d = descriptionText(ctx, q);
  return d ? html`<p class="hint" part="hint" id=${`${ctx.id(q)}-hint`}>${d}</p>` : nothing;
}

function errorText(ctx: QuestionContext, q: SurveyQuestion): TemplateResult | typeof nothing {
  const e = ctx.error(q);
  // only when there is one: an empty paragraph for each question is a template of its own on a long page
  return e ? html`<p class="error" part="error" id=${`${ctx.id(q)}-error`}><span class="visually-hidden">${ctx.t.errorPrefix} </span>${e}</p>` : nothing;
}

function prefillNote(ctx: QuestionContext, q: SurveyQuestion): TemplateResult | typeof nothing {
  const mark = ctx.prefill(q);
  if (!mark || mark.status === 'cleared') return nothing;
  const note = html`<p class="origin" part="origin" id=${`${ctx.id(q)}-origin`}>
    ${mark.status === 'changed' ? ctx.t.healthFormChangedMark : ctx.t.healthFormPrefilledMark}: ${mark.origin}
  </p>`;
  if (mark.status !== 'offered') return note;
  // an offer is not an answer until the person keeps it
  return html`${note}
    <p class="offer">
      <strong>${mark.offered}</strong>
      ${mark.stateText ? html`<span>${mark.stateText}</span>` : nothing}
      <button type="button" class="secondary" part="button keep-button" @click=${() => ctx.keep(q)}>
        ${ctx.t.healthFormPrefillKeep}<span class="visually-hidden"> ${ctx.t.healthFormChangeWhat(titleText(ctx, q))}</span>
      </button>
    </p>`;
}

function label(ctx: QuestionContext, q: SurveyQuestion): string {
  const title = titleText(ctx, q);
  return isRequired(ctx, q) || isReadOnly(ctx, q) ? title : `${title} (${ctx.t.optional})`;
}

function describedBy(ctx: QuestionContext, q: SurveyQuestion, extra?: string): string | typeof nothing {
  const id = ctx.id(q);
  const mark = ctx.prefill(q);
  return ids(descriptionText(ctx, q) && `${id}-hint`, mark && mark.status !== 'cleared' && `${id}-origin`, ctx.error(q) && `${id}-error`, extra);
}


/** A one-line field: text, number (with unit), date, time, date and time, url. */
function textField(ctx: QuestionContext, q: SurveyQuestion): TemplateResult {
  const id = ctx.id(q);
  const type = q.inputType && ['number', 'date', 'time', 'datetime-local', 'url', 'email', 'tel'].includes(q.inputType) ? q.inputType : 'text';
  const unit = ctx.unit(q);
  const invalid = !!ctx.error(q);
  const value = q.value === undefined || q.value === null ? '' : String(q.value);
  const onChange = (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (type === 'number') ctx.set(q, input.value === '' || Number.isNaN(input.valueAsNumber) ? undefined : input.valueAsNumber);
    else ctx.set(q, input.value === '' ? undefined : input.value);
  };
  return html`<div class="question" part="question" data-name=${q.name}>
    <label class="label" part="label" for=${id}>${label(ctx, q)}</label>
    ${hint(ctx, q)} ${prefillNote(ctx, q)} ${errorText(ctx, q)}
    <div class="control">
      <input
        id=${id}
        part="input"
        type=${type}
        inputmode=${type === 'number' ? 'decimal' : nothing}
        .value=${live(value)}
        min=${typeof q.min === 'number' || typeof q.min === 'string' ? String(q.min) : nothing}
        max=${typeof q.max === 'number' || typeof q.max === 'string' ? String(q.max) : nothing}
        step=${type === 'number' ? (q.step ?? 'any') : nothing}
        maxlength=${q.maxLength && q.maxLength > 0 ? q.maxLength : nothing}
        ?required=${isRequired(ctx, q)}
        ?readonly=${ctx.readOnly || isReadOnly(ctx, q)}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy(ctx, q, unit ? `${id}-unit` : undefined)}
        autocomplete=${ctx.autocomplete(q)}
        @change=${onChange}
        @blur=${() => ctx.blur(q)}
      />
      ${unit ? html`<span class="unit" part="unit" id=${`${id}-unit`}>${unit}</span>` : nothing}
    </div>
  </div>`;
}

function comment(ctx: QuestionContext, q: SurveyQuestion): TemplateResult {
  const id = ctx.id(q);
  return html`<div class="question" part="question" data-name=${q.name}>
    <label class="label" part="label" for=${id}>${label(ctx, q)}</label>
    ${hint(ctx, q)} ${prefillNote(ctx, q)} ${errorText(ctx, q)}
    <textarea
      id=${id}
      part="input"
      rows="4"
      .value=${live(typeof q.value === 'string' ? q.value : '')}
      maxlength=${q.maxLength && q.maxLength > 0 ? q.maxLength : nothing}
      ?required=${isRequired(ctx, q)}
      ?readonly=${ctx.readOnly || isReadOnly(ctx, q)}
      aria-invalid=${ctx.error(q) ? 'true' : 'false'}
      aria-describedby=${describedBy(ctx, q)}
      @change=${(e: Event) => ctx.set(q, (e.target as HTMLTextAreaElement).value || undefined)}
      @blur=${() => ctx.blur(q)}
    ></textarea>
  </div>`;
}

const same = (a: unknown, b: unknown) => a === b || (a !== null && b !== null && typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b));

/** Radio buttons or checkboxes in a fieldset; `scale` lays them out in a row with end labels (NRS, rating). */
function choices(
  ctx: QuestionContext,
  q: SurveyQuestion,
  options: SurveyItemValue[],
  multiple: boolean,
  scale?: { low?: string; high?: string },
): TemplateResult {
  const id = ctx.id(q);
  const chosen: unknown[] = multiple ? (Array.isArray(q.value) ? q.value : []) : [q.value];
  const invalid = !!ctx.error(q);
  const disabled = ctx.readOnly || isReadOnly(ctx, q);
  const onChange = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const option = options[Number(input.value)];
    if (!option) return;
    if (!multiple) {
      ctx.set(q, option.value);
      return;
    }
    const next = options.filter((o, i) => (i === Number(input.value) ? input.checked : chosen.some((c) => same(c, o.value)))).map((o) => o.value);
    ctx.set(q, next.length ? next : undefined);
  };
  const lowId = `${id}-low`;
  const highId = `${id}-high`;
  const ends = scale ? [scale.low && lowId, scale.high && highId].filter(Boolean).join(' ') : '';
  return html`<fieldset class=${scale ? 'question scale' : 'question'} part="question" data-name=${q.name} aria-describedby=${describedBy(ctx, q, ends || undefined)}>
    <legend class="label" part="label">${label(ctx, q)}</legend>
    ${hint(ctx, q)} ${prefillNote(ctx, q)} ${errorText(ctx, q)}
    <div class="options" part="options">
      ${options.map(
        (option, index) => html`<label class="option" part="option">
          <input
            type=${multiple ? 'checkbox' : 'radio'}
            name=${id}
            id=${index === 0 ? id : nothing}
            .value=${String(index)}
            .checked=${live(chosen.some((c) => same(c, option.value)))}
            ?disabled=${disabled}
            ?required=${isRequired(ctx, q) && !multiple}
            aria-invalid=${invalid ? 'true' : 'false'}
            @change=${onChange}
            @blur=${(e: FocusEvent) => {
              const fieldset = (e.target as HTMLElement).closest('fieldset');
              if (!fieldset?.contains(e.relatedTarget as Node | null)) ctx.blur(q);
            }}
          />
          <span>${option.text}</span>
        </label>`,
      )}
    </div>
    ${scale && (scale.low || scale.high)
      ? html`<div class="scale-ends" part="scale-ends">
          <span id=${lowId}>${scale.low ? `${options[0]?.text}: ${scale.low}` : ''}</span>
          <span id=${highId}>${scale.high ? `${options[options.length - 1]?.text}: ${scale.high}` : ''}</span>
        </div>`
      : nothing}
  </fieldset>`;
}

/** A native select with a filter box above it when there are many options. */
function dropdown(ctx: QuestionContext, q: SurveyQuestion): TemplateResult {
  const id = ctx.id(q);
  const all = q.visibleChoices ?? [];
  const filter = ctx.filter(q).trim().toLocaleLowerCase(ctx.locale);
  const shown = all.map((o, i) => ({ o, i })).filter(({ o }) => !filter || o.text.toLocaleLowerCase(ctx.locale).includes(filter) || same(o.value, q.value));
  const selected = all.findIndex((o) => same(o.value, q.value));
  return html`<div class="question" part="question" data-name=${q.name}>
    <label class="label" part="label" for=${id}>${label(ctx, q)}</label>
    ${hint(ctx, q)} ${prefillNote(ctx, q)} ${errorText(ctx, q)}
    ${all.length > 7 && !ctx.readOnly
      ? html`<div class="filter" part="filter">
          <label for=${`${id}-filter`}>${ctx.t.healthFormSearchOptions}</label>
          <input
            id=${`${id}-filter`}
            type="search"
            autocomplete="off"
            .value=${live(ctx.filter(q))}
            aria-controls=${id}
            @input=${(e: Event) => ctx.setFilter(q, (e.target as HTMLInputElement).value)}
          />
          <p class="visually-hidden" aria-live="polite">${ctx.t.healthFormOptionsShown(shown.length)}</p>
        </div>`
      : nothing}
    <select
      id=${id}
      part="input"
      ?required=${isRequired(ctx, q)}
      ?disabled=${ctx.readOnly || isReadOnly(ctx, q)}
      aria-invalid=${ctx.error(q) ? 'true' : 'false'}
      aria-describedby=${describedBy(ctx, q)}
      @change=${(e: Event) => {
        const v = (e.target as HTMLSelectElement).value;
        ctx.set(q, v === '' ? undefined : all[Number(v)]?.value);
      }}
      @blur=${() => ctx.blur(q)}
    >
      <option value="" ?selected=${selected < 0}>${ctx.t.healthFormChoose}</option>
      ${shown.map(({ o, i }) => html`<option value=${String(i)} ?selected=${i === selected}>${o.text}</option>`)}
    </select>
  </div>`;
}

function booleanField(ctx: QuestionContext, q: SurveyQuestion): TemplateResult {
  const options: SurveyItemValue[] = [
    { value: true, text: q.labelTrue && q.labelTrue !== 'Yes' ? q.labelTrue : ctx.t.yes },
    { value: false, text: q.labelFalse && q.labelFalse !== 'No' ? q.labelFalse : ctx.t.no },
  ];
  return choices(ctx, q, options, false);
}

function rangeOptions(q: SurveyQuestion): SurveyItemValue[] {
  const min = typeof q.min === 'number' ? q.min : 0;
  const max = typeof q.max === 'number' ? q.max : 10;
  const step = q.step && q.step > 0 ? q.step : 1;
  const out: SurveyItemValue[] = [];
  for (let v = min; v <= max && out.length <= 21; v += step) out.push({ value: v, text: String(v) });
  return out;
}

/** A PHQ-9-style grid: one fieldset per row; laid out as a grid with column headings when there is room. */
function matrix(ctx: QuestionContext, q: SurveyQuestion): TemplateResult {
  const id = ctx.id(q);
  const rows = q.visibleRows ?? [];
  const columns = q.visibleColumns ?? q.columns ?? [];
  const value = (q.value && typeof q.value === 'object' ? q.value : {}) as Record<string, unknown>;
  const disabled = ctx.readOnly || isReadOnly(ctx, q);
  return html`<div class="question matrix" part="question matrix" data-name=${q.name} role="group" aria-labelledby=${`${id}-title`} aria-describedby=${describedBy(ctx, q)}>
    <p class="label" part="label" id=${`${id}-title`}>${label(ctx, q)}</p>
    ${hint(ctx, q)} ${prefillNote(ctx, q)} ${errorText(ctx, q)}
    <div class=${`matrix-grid cols-${Math.min(columns.length, 11)}`} part="matrix-grid">
      <div class="matrix-head" aria-hidden="true">
        <span></span>
        ${columns.map((c) => html`<span>${c.text}</span>`)}
      </div>
      ${rows.map((row, r) => {
        const rowText = row.text ?? row.name;
        return html`<fieldset class="matrix-row" part="matrix-row">
          <legend>${rowText}</legend>
          ${columns.map(
            (c, ci) => html`<label class="option" part="option">
              <input
                type="radio"
                name=${`${id}-r${r}`}
                id=${r === 0 && ci === 0 ? id : nothing}
                .value=${String(ci)}
                .checked=${live(same(value[row.name], c.value))}
                ?disabled=${disabled}
                ?required=${isRequired(ctx, q)}
                aria-invalid=${ctx.error(q) && value[row.name] === undefined ? 'true' : 'false'}
                @change=${() => ctx.set(q, { ...value, [row.name]: c.value })}
                @blur=${(e: FocusEvent) => {
                  const grid = (e.target as HTMLElement).closest('.matrix');
                  if (!grid?.contains(e.relatedTarget as Node | null)) ctx.blur(q);
                }}
              />
              <span class="matrix-option-text">${c.text}</span>
            </label>`,
          )}
        </fieldset>`;
      })}
    </div>
  </div>`;
}

function multipleText(ctx: QuestionContext, q: SurveyQuestion): TemplateResult {
  const id = ctx.id(q);
  const value = (q.value && typeof q.value === 'object' ? q.value : {}) as Record<string, unknown>;
  return html`<fieldset class="question" part="question" data-name=${q.name} aria-describedby=${describedBy(ctx, q)}>
    <legend class="label" part="label">${label(ctx, q)}</legend>
    ${hint(ctx, q)} ${prefillNote(ctx, q)} ${errorText(ctx, q)}
    ${(q.items ?? []).map(
      (item, i) => html`<div class="multiple-text-item">
        <label for=${i === 0 ? id : `${id}-${i}`}>${item.title || item.name}</label>
        <input
          id=${i === 0 ? id : `${id}-${i}`}
          type=${item.inputType === 'number' ? 'number' : 'text'}
          .value=${live(value[item.name] === undefined ? '' : String(value[item.name]))}
          ?readonly=${ctx.readOnly || isReadOnly(ctx, q)}
          @change=${(e: Event) => {
            const raw = (e.target as HTMLInputElement).value;
            const next = { ...value, [item.name]: raw === '' ? undefined : item.inputType === 'number' ? Number(raw) : raw };
            ctx.set(q, Object.values(next).some((v) => v !== undefined) ? next : undefined);
          }}
          @blur=${() => ctx.blur(q)}
        />
      </div>`,
    )}
  </fieldset>`;
}

/** A calculated (read-only) value, announced politely when it changes. */
function calculated(ctx: QuestionContext, q: SurveyQuestion): TemplateResult {
  const id = ctx.id(q);
  const v = q.getType() === 'expression' ? q.displayValue : q.value;
  const unit = ctx.unit(q);
  const text = typeof v === 'number' ? ctx.formatNumber(v) : String(v);
  const shown = v === undefined || v === null || v === '' ? '–' : `${text}${unit ? ` ${unit}` : ''}`;
  return html`<div class="question calculated" part="question calculated" data-name=${q.name}>
    <p class="label" part="label" id=${`${id}-label`}>${titleText(ctx, q)}</p>
    ${hint(ctx, q)}
    <output id=${id} part="calculated" aria-labelledby=${`${id}-label`} aria-live="polite">${shown}</output>
    <p class="hint">${ctx.t.formCalculated}</p>
  </div>`;
}

/** Display text: always rendered as text, never as markup. */
function displayText(ctx: QuestionContext, q: SurveyQuestion): TemplateResult {
  const raw = q.hkText !== undefined ? titleText(ctx, q) : (q.html ?? '');
  return html`<p class="display" part="display" data-name=${q.name}>${raw}</p>`;
}

function attachment(ctx: QuestionContext, q: SurveyQuestion): TemplateResult {
  const id = ctx.id(q);
  const files = Array.isArray(q.value) ? (q.value as Array<{ name?: string }>) : [];
  const limits = ctx.t.healthFormFileLimits(
    q.maxSize ? String(Math.round(q.maxSize / 1024)) : '',
    q.acceptedTypes ? q.acceptedTypes.split(',').map((s) => s.trim()).join(', ') : '',
  );
  return html`<div class="question" part="question" data-name=${q.name}>
    <label class="label" part="label" for=${id}>${label(ctx, q)}</label>
    ${hint(ctx, q)}
    <p class="hint" id=${`${id}-limits`}>${limits}</p>
    ${errorText(ctx, q)}
    ${ctx.readOnly
      ? nothing
      : html`<input
          id=${id}
          part="input"
          type="file"
          accept=${q.acceptedTypes || nothing}
          ?multiple=${!!q.allowMultiple}
          aria-invalid=${ctx.error(q) ? 'true' : 'false'}
          aria-describedby=${describedBy(ctx, q, `${id}-limits`)}
          @change=${(e: Event) => ctx.attach(q, (e.target as HTMLInputElement).files)}
        />`}
    ${files.length ? html`<ul class="files">${files.map((f) => html`<li>${f.name ?? ''}</li>`)}</ul>` : nothing}
  </div>`;
}

function heading(level: number, text: string, id: string) {
  switch (Math.min(Math.max(level, 2), 6)) {
    case 2:
      return html`<h2 id=${id} part="panel-title">${text}</h2>`;
    case 3:
      return html`<h3 id=${id} part="panel-title">${text}</h3>`;
    case 4:
      return html`<h4 id=${id} part="panel-title">${text}</h4>`;
    case 5:
      return html`<h5 id=${id} part="panel-title">${text}</h5>`;
    default:
      return html`<h6 id=${id} part="panel-title">${text}</h6>`;
  }
}

function panel(ctx: QuestionContext, p: SurveyPanel): TemplateResult {
  const id = ctx.id(p);
  const title = titleOf(p, ctx.locale);
  const inner = { ...ctx, level: ctx.level + 1 };
  return html`<section class="panel" part="panel" data-name=${p.name} aria-labelledby=${title ? `${id}-title` : nothing}>
    ${title ? heading(ctx.level, title, `${id}-title`) : nothing} ${p.description ? html`<p class="hint">${p.description}</p>` : nothing}
    ${renderElements(inner, p.elements)}
  </section>`;
}

/** A repeating group: add and remove instances; focus moves to the new instance, or back to the list. */
function dynamicPanel(ctx: QuestionContext, q: SurveyQuestion): TemplateResult {
  const id = ctx.id(q);
  const title = titleOf(q, ctx.locale);
  const panels = q.panels ?? [];
  const inner = { ...ctx, level: ctx.level + 1 };
  const canRemove = !ctx.readOnly && panels.length > (q.minPanelCount ?? 0);
  return html`<section class="panel repeating" part="panel repeating" data-name=${q.name} aria-labelledby=${`${id}-title`}>
    ${heading(ctx.level, title, `${id}-title`)} ${hint(ctx, q)} ${errorText(ctx, q)}
    ${panels.map(
      (p, i) => html`<div class="instance" part="instance" role="group" aria-labelledby=${`${id}-i${i}`} data-instance=${String(i)}>
        <p class="instance-title" id=${`${id}-i${i}`} tabindex="-1">${ctx.t.healthFormInstance(title, i + 1)}</p>
        ${renderElements(inner, p.elements)}
        ${canRemove
          ? html`<button type="button" class="secondary" part="remove-button" @click=${() => ctx.removePanel(q, p, i)}>
              ${ctx.t.healthFormRemove}<span class="visually-hidden"> ${ctx.t.healthFormInstance(title, i + 1)}</span>
            </button>`
          : nothing}
      </div>`,
    )}
    ${ctx.readOnly
      ? nothing
      : html`<button type="button" class="secondary" part="add-button" data-add=${id} @click=${() => ctx.addPanel(q)}>
          ${ctx.t.healthFormAdd}<span class="visually-hidden"> ${title}</span>
        </button>`}
  </section>`;
}

/** One question by its survey-core type. */
export function renderQuestion(ctx: QuestionContext, q: SurveyQuestion): TemplateResult | typeof nothing {
  const type = q.getType();
  // A read-only field in a fillable form is calculated (or fixed): shown as an output, not an input.
  if (type === 'text' && isReadOnly(ctx, q) && !ctx.readOnly) return calculated(ctx, q);
  switch (type) {
    case 'text':
      return textField(ctx, q);
    case 'comment':
      return comment(ctx, q);
    case 'radiogroup':
      return choices(ctx, q, q.visibleChoices ?? [], false);
    case 'checkbox':
    case 'tagbox':
      return choices(ctx, q, q.visibleChoices ?? [], true);
    case 'dropdown':
      return dropdown(ctx, q);
    case 'boolean':
      return booleanField(ctx, q);
    case 'rating':
      return choices(ctx, q, q.visibleRateValues ?? [], false, { low: q.minRateDescription, high: q.maxRateDescription });
    case 'slider':
      return choices(ctx, q, rangeOptions(q), false, {});
    case 'matrix':
      return matrix(ctx, q);
    case 'multipletext':
      return multipleText(ctx, q);
    case 'expression':
      return calculated(ctx, q);
    case 'html':
      return displayText(ctx, q);
    case 'file':
      return attachment(ctx, q);
    case 'paneldynamic':
      return dynamicPanel(ctx, q);
    default:
      return textField(ctx, q);
  }
}

export function renderElements(ctx: QuestionContext, elements: SurveyElement[]): unknown {
  return elements.filter((el) => isVisible(ctx, el)).map((el) => (isQuestion(el) ? guard([el, ...ctx.key(el)], () => renderQuestion(ctx, el)) : panel(ctx, el as SurveyPanel)));
}

/** Elements per block of a page (see `renderPage`). */
const BLOCK = 20;

const questionsUnder = new WeakMap<SurveyElement, SurveyQuestion[]>();

/** The questions an element renders: itself, or a panel's (a repeating group is one question). */
function questionsOf(el: SurveyElement): SurveyQuestion[] {
  let out = questionsUnder.get(el);
  if (!out) {
    out = isQuestion(el) ? [el] : (el as SurveyPanel).elements.flatMap(questionsOf);
    questionsUnder.set(el, out);
  }
  return out;
}

/**
 * A page's elements in blocks of a fixed number of elements (hidden ones count, so an element that shows or hides
 * moves no other between blocks). The browser lays out and paints only the blocks near the screen
 * (`content-visibility: auto` on `.block`): one box to track per block rather than per question, on every frame.
 * A block whose `blockKey` is unchanged is not rendered again: an answer re-renders its own block, not the page.
 */
export function renderPage(ctx: QuestionContext, elements: SurveyElement[]): unknown {
  const blocks: unknown[] = [];
  for (let i = 0; i < elements.length; i += BLOCK) {
    const els = elements.slice(i, i + BLOCK);
    blocks.push(
      guard(ctx.blockKey(els.flatMap(questionsOf)), () => {
        const inner = renderElements(ctx, els) as unknown[];
        return inner.length ? html`<div class="block">${inner}</div>` : nothing;
      }),
    );
  }
  return blocks;
}
