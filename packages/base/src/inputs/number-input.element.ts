import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { parseLocaleNumber, validateNumber } from '@helsekit/core';
import { HkChangeEvent } from '../events.js';
import { numberErrorText } from './error-text.js';
import { HkField } from './field.js';

/**
 * A number with its unit and range: temperature, weight, blood pressure, days. A text box with
 * `inputmode="decimal"` (no spinner to nudge by accident), comma or point for decimals, and the range in
 * the hint so it is read before typing.
 *
 * @tagname hk-number-input
 * @summary Number input with unit, range hint and localized errors.
 * @event hk-change - The number changed. `detail.value`: the number, or null when empty or unreadable.
 * @csspart label - The label.
 * @csspart hint - Help and the allowed range.
 * @csspart error - The error message.
 * @csspart control - The box around the input and the unit.
 * @csspart input - The text input.
 * @csspart unit - The unit after the input.
 * @cssproperty --hk-color-border - Input border.
 * @cssproperty --hk-color-focus - Focus outline.
 */
export class HkNumberInput extends HkField {
  /** The number, or null. */
  @property({ type: Number }) value: number | null = null;

  /** Smallest allowed value. */
  @property({ type: Number }) min: number | undefined;

  /** Largest allowed value. */
  @property({ type: Number }) max: number | undefined;

  /** Most decimals allowed; 0 for whole numbers. */
  @property({ type: Number }) decimals: number | undefined;

  /** The unit as shown, for example `°C` or `kg`. */
  @property() unit = '';

  /** The unit as read aloud, for example `grader celsius`, when the shown unit is a symbol. */
  @property({ attribute: 'unit-label' }) unitLabel = '';

  /** What the person typed, kept as typed until it can be read. */
  @state() private text = '';

  protected ownError(): string {
    const { error } = validateNumber(this.text, this.#rules());
    return error ? numberErrorText(error, this.localize.t, this.localize.format, this.unit) : '';
  }

  protected formValue(): string | null {
    return this.value === null ? null : String(this.value);
  }

  protected firstInput(): HTMLElement | null {
    return this.renderRoot.querySelector('input');
  }

  #rules() {
    return { required: this.required, min: this.min, max: this.max, decimals: this.decimals };
  }

  protected override willUpdate(changed: PropertyValues): void {
    // A value set from outside shows in the box, written for the locale; typing never rewrites the box.
    if (changed.has('value') && this.value !== parseLocaleNumber(this.text)) {
      this.text = this.value === null ? '' : this.localize.format.number(this.value, { useGrouping: false, maximumFractionDigits: 20 });
    }
    super.willUpdate(changed);
  }

  #onInput(event: Event): void {
    this.text = (event.target as HTMLInputElement).value;
  }

  #onChange(): void {
    const { value } = validateNumber(this.text, this.#rules());
    this.touched = true;
    if (value !== this.value) {
      this.value = value;
      this.dispatchEvent(new HkChangeEvent(value));
    }
  }

  #rangeHint(): string {
    const { t, format } = this.localize;
    if (this.min === undefined || this.max === undefined) return '';
    return t.numberRangeHint(format.number(this.min), format.number(this.max), this.unit);
  }

  protected override render() {
    const error = this.shownError;
    const range = this.#rangeHint();
    const hasHint = Boolean(this.hint || range);
    return html`<div class="field" @focusout=${this.onFocusOut}>
      <label class="label" part="label" for="input"
        >${this.label}${this.required ? '' : ` (${this.localize.t.optional})`}</label
      >
      ${hasHint
        ? html`<p id="hint" class="hint" part="hint">${[this.hint, range].filter(Boolean).join(' ')}</p>`
        : nothing}
      ${this.renderError()}
      <div class="control" part="control">
        <input
          id="input"
          part="input"
          type="text"
          inputmode=${this.decimals === 0 ? 'numeric' : 'decimal'}
          autocomplete="off"
          spellcheck="false"
          size="8"
          .value=${this.text}
          ?disabled=${this.disabled}
          ?required=${this.required}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${this.ids(this.unit && 'unit', hasHint && 'hint', error && 'error')}
          @input=${this.#onInput}
          @change=${this.#onChange}
        />
        ${this.unit
          ? html`<span id="unit" part="unit"
              ><span aria-hidden=${this.unitLabel ? 'true' : nothing}>${this.unit}</span>${this.unitLabel
                ? html`<span class="visually-hidden">${this.unitLabel}</span>`
                : nothing}</span
            >`
          : nothing}
      </div>
    </div>`;
  }
}
