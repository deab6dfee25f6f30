import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { partsFromIso, validateDate, type DateParts } from '@helsekit/core';
import { HkChangeEvent } from '../events.js';
import { dateErrorText } from './error-text.js';
import { HkField } from './field.js';

/**
 * A calendar date as day, month and year in three labelled boxes, the pattern that works best with screen
 * readers and on small phones. The value is an ISO date (`2026-05-17`) with no time zone.
 *
 * @tagname hk-date-input
 * @summary Date input as day, month and year, with range checks.
 * @event hk-change - The date changed. `detail.value`: the ISO date, or null when empty or not a real date.
 * @csspart fieldset - The fieldset around the three boxes.
 * @csspart legend - The question.
 * @csspart hint - Help and the format example.
 * @csspart error - The error message.
 * @csspart input - Each of the three inputs.
 */
export class HkDateInput extends HkField {
  /** ISO date `YYYY-MM-DD`, or null. */
  @property() value: string | null = null;

  /** Earliest allowed date, ISO, inclusive. */
  @property() min: string | undefined;

  /** Latest allowed date, ISO, inclusive. */
  @property() max: string | undefined;

  @state() private parts: DateParts = { day: '', month: '', year: '' };

  protected ownError(): string {
    const { error } = validateDate(this.parts, this.#rules());
    return error ? dateErrorText(error, this.localize.t, this.localize.format) : '';
  }

  protected formValue(): string | null {
    return this.value;
  }

  protected firstInput(): HTMLElement | null {
    return this.renderRoot.querySelector('input');
  }

  #rules() {
    return { required: this.required, min: this.min, max: this.max };
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('value') && this.value !== validateDate(this.parts).value) this.parts = partsFromIso(this.value);
    super.willUpdate(changed);
  }

  #onInput(part: keyof DateParts, event: Event): void {
    this.parts = { ...this.parts, [part]: (event.target as HTMLInputElement).value };
  }

  #onChange(): void {
    const { value, error } = validateDate(this.parts, this.#rules());
    const next = error && error.code !== 'tooEarly' && error.code !== 'tooLate' ? null : value;
    if (next !== this.value) {
      this.value = next;
      this.dispatchEvent(new HkChangeEvent(next));
    }
  }

  #box(part: keyof DateParts, label: string, width: number, error: string) {
    return html`<div class="date-part">
      <label for=${part}>${label}</label>
      <div class="control">
        <input
          id=${part}
          part="input"
          type="text"
          inputmode="numeric"
          autocomplete=${this.name === 'bday' ? `bday-${part}` : 'off'}
          size=${width}
          maxlength=${width}
          .value=${this.parts[part]}
          ?disabled=${this.disabled}
          aria-invalid=${error ? 'true' : 'false'}
          @input=${(e: Event) => this.#onInput(part, e)}
          @change=${this.#onChange}
        />
      </div>
    </div>`;
  }

  protected override render() {
    const { t } = this.localize;
    const error = this.shownError;
    return html`<fieldset part="fieldset" aria-describedby=${this.ids('hint', error && 'error')} @focusout=${this.onFocusOut}>
      <legend part="legend">${this.label}${this.required ? '' : ` (${t.optional})`}</legend>
      <p id="hint" class="hint" part="hint">${[this.hint, t.dateFormatHint].filter(Boolean).join(' ')}</p>
      ${this.renderError()}
      <div class="date-parts">
        ${this.#box('day', t.dateDay, 2, error)} ${this.#box('month', t.dateMonth, 2, error)}
        ${this.#box('year', t.dateYear, 4, error)}
      </div>
    </fieldset>`;
  }
}
