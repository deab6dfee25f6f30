import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { HkChoiceGroup } from './choice-group.element.js';

export type YesNoValue = 'yes' | 'no' | 'dont-know';

/**
 * A yes / no / "vet ikke" question. "Vet ikke" is an answer, not a way around the question: triage treats it
 * as the more careful of yes and no.
 *
 * @tagname hk-yes-no
 * @summary Yes, no and "vet ikke" as one radio group, in the page's language.
 * @event hk-change - The answer changed. `detail.value`: `'yes' | 'no' | 'dont-know'`.
 * @csspart fieldset - The fieldset around the group.
 * @csspart legend - The question.
 * @csspart hint - Help under the question.
 * @csspart error - The error message.
 * @csspart options - The box around the options.
 * @csspart option - One option's label box.
 */
export class HkYesNo extends HkChoiceGroup {
  /** Leave out "vet ikke" (only where not knowing is impossible). */
  @property({ type: Boolean, attribute: 'without-dont-know' }) withoutDontKnow = false;

  constructor() {
    super();
    this.inline = true;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const t = this.localize.t;
    this.options = [
      { value: 'yes', label: t.yes },
      { value: 'no', label: t.no },
      ...(this.withoutDontKnow ? [] : [{ value: 'dont-know', label: t.dontKnow }]),
    ];
    super.willUpdate(changed);
  }
}
