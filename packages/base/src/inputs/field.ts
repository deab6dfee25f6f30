import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { commonCatalogsOnDemand } from '@helsekit/core';
import { HkElement } from '../hk-element.js';
import { LocalizeController } from '../localize.controller.js';
import { fieldStyles } from './field.styles.js';

/**
 * What the input primitives share: a label, hint and error in the same shadow root as the native inputs,
 * errors shown only after the person leaves the field or after `validate()` (on submit), form association,
 * and `hk-change`. A host-set `error` is shown at once, whatever the field's own check says.
 */
export abstract class HkField extends HkElement {
  static formAssociated = true;
  static override styles = [HkElement.styles, fieldStyles];
  // Focusing the host (or clicking outside the inputs) lands on the first input, as a native field would.
  static override shadowRootOptions: ShadowRootInit = { ...HkElement.shadowRootOptions, delegatesFocus: true };

  protected readonly localize = new LocalizeController(this, commonCatalogsOnDemand);

  /** The question or label, as plain text. */
  @property() label = '';

  /** Help shown under the label, as plain text. */
  @property() hint = '';

  /** The person must answer. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** The inputs cannot be used (and are not submitted with a form). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Name in a surrounding `<form>`. */
  @property() name = '';

  /** An error set by the host, shown at once (for example from a form's own validation). */
  @property() error = '';

  /** Set while an error is shown; styles may use it. */
  @property({ type: Boolean, reflect: true }) invalid = false;

  /** True once the person has left the field or `validate()` was called. */
  @state() protected touched = false;

  /** The field's own error in words, or '' when the value is acceptable. */
  protected abstract ownError(): string;

  /** The value as a form submits it. */
  protected abstract formValue(): string | null;

  /** The first native input, for focus and as the anchor of validity messages. */
  protected abstract firstInput(): HTMLElement | null;

  /** The error now shown, or ''. */
  get shownError(): string {
    return this.error || (this.touched ? this.ownError() : '');
  }

  /** Shows the field's errors now, as on submit. Returns whether the field is valid. */
  validate(): boolean {
    this.touched = true;
    return this.error === '' && this.ownError() === '';
  }

  /** Hides errors again, as for a fresh field. */
  resetValidation(): void {
    this.touched = false;
  }

  override focus(options?: FocusOptions): void {
    this.firstInput()?.focus(options);
  }

  protected readonly onFocusOut = (event: FocusEvent): void => {
    if (!this.renderRoot.contains(event.relatedTarget as Node | null)) this.touched = true;
  };

  protected ids(...ids: Array<string | false | undefined>): string | typeof nothing {
    const joined = ids.filter(Boolean).join(' ');
    return joined || nothing;
  }

  protected renderHint() {
    return this.hint ? html`<p id="hint" class="hint" part="hint">${this.hint}</p>` : nothing;
  }

  protected renderError() {
    const error = this.shownError;
    return html`<p id="error" class="error" part="error" ?hidden=${!error}>
      ${error ? html`<span class="visually-hidden">${this.localize.t.errorPrefix} </span>${error}` : nothing}
    </p>`;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.invalid = this.shownError !== '';
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.internals.setFormValue(this.formValue());
    const own = this.ownError() || this.error;
    if (own) this.internals.setValidity({ customError: true }, own, this.firstInput() ?? undefined);
    else this.internals.setValidity({});
  }
}
