import { html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { HkChangeEvent } from '../events.js';
import { HkField } from './field.js';

export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string;
}

/**
 * One question with answers to choose from: radio buttons, or checkboxes with `multiple`. A fieldset whose
 * legend is the question, native inputs, arrow keys between radios.
 *
 * @tagname hk-choice-group
 * @summary Radio or checkbox group with its legend, hint and error in one root.
 * @event hk-change - The answer changed. `detail.value`: the chosen value (string or null), or the chosen values (string[]) with `multiple`.
 * @csspart fieldset - The fieldset around the group.
 * @csspart legend - The question.
 * @csspart hint - Help under the question.
 * @csspart error - The error message.
 * @csspart options - The box around the options.
 * @csspart option - One option's label box.
 * @cssproperty --hk-color-primary - Border and mark of the chosen option.
 * @cssproperty --hk-color-error - Error text and border.
 * @cssproperty --hk-target-size - Smallest height of an option.
 */
export class HkChoiceGroup extends HkField {
  /** The answers to choose from. Set as a property. */
  @property({ attribute: false }) options: ChoiceOption[] = [];

  /** Checkboxes (several answers) instead of radio buttons. */
  @property({ type: Boolean, reflect: true }) multiple = false;

  /** Options side by side when there is room. */
  @property({ type: Boolean, reflect: true }) inline = false;

  /** The chosen value; with `multiple`, a list of values. */
  @property({ attribute: false }) value: string | string[] | null = null;

  protected get chosen(): string[] {
    if (this.value === null) return [];
    return Array.isArray(this.value) ? this.value : [this.value];
  }

  protected ownError(): string {
    return this.required && this.chosen.length === 0 ? this.localize.t.choiceRequired : '';
  }

  protected formValue(): string | null {
    return this.chosen.length ? this.chosen.join(',') : null;
  }

  protected firstInput(): HTMLElement | null {
    return (
      this.renderRoot.querySelector<HTMLInputElement>('input:checked') ??
      this.renderRoot.querySelector<HTMLInputElement>('input')
    );
  }

  protected override willUpdate(changed: PropertyValues): void {
    // A single group's value is one string; keep it so when `multiple` is off.
    if (changed.has('multiple') && !this.multiple && Array.isArray(this.value)) this.value = this.value[0] ?? null;
    super.willUpdate(changed);
  }

  #onChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (this.multiple) {
      const values = new Set(this.chosen);
      if (input.checked) values.add(input.value);
      else values.delete(input.value);
      // Keep the options' order, not the order of clicks.
      this.value = this.options.map((o) => o.value).filter((v) => values.has(v));
    } else {
      this.value = input.value;
    }
    this.dispatchEvent(new HkChangeEvent(this.value));
  }

  protected override render() {
    const error = this.shownError;
    const chosen = this.chosen;
    const type = this.multiple ? 'checkbox' : 'radio';
    return html`<fieldset
      part="fieldset"
      ?disabled=${this.disabled}
      aria-describedby=${this.ids(this.hint && 'hint', error && 'error')}
      @focusout=${this.onFocusOut}
    >
      <legend part="legend">${this.label}${this.required ? '' : ` (${this.localize.t.optional})`}</legend>
      ${this.renderHint()} ${this.renderError()}
      <div class="options" part="options">
        ${this.options.map(
          (option, index) => html`<label class="option" part="option">
            <input
              type=${type}
              name="choice"
              .value=${option.value}
              .checked=${chosen.includes(option.value)}
              ?required=${this.required && !this.multiple}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${this.ids(option.hint && `option-hint-${index}`)}
              @change=${this.#onChange}
            />
            <span
              >${option.label}${option.hint
                ? html`<span class="option-hint" id=${`option-hint-${index}`}>${option.hint}</span>`
                : ''}</span
            >
          </label>`,
        )}
      </div>
    </fieldset>`;
  }
}
