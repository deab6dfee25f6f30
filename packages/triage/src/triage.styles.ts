import { css } from 'lit';

/**
 * The look of `<hk-triage>`. Every value comes from a `--hk-*` token with a default; `:host` knobs are
 * `--hk-triage-*`. Urgency is never colour alone: each outcome has its urgency in words and a heading, and the
 * colour only repeats it (a thick border at the start of the outcome box).
 */
export const triageStyles = css`
  :host {
    --hk-triage-max-width: 42rem;
    --hk-triage-gap: var(--hk-space-4, 1.5rem);
    max-inline-size: var(--hk-triage-max-width);
  }
  .screen {
    display: flex;
    flex-direction: column;
    gap: var(--hk-space-3, 1rem);
  }
  .eyebrow {
    margin: 0;
    color: var(--hk-color-text-muted, #4d4d4d);
    font-weight: 600;
  }
  h2 {
    margin: 0;
    font-size: 1.5rem;
    line-height: 1.25;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: var(--hk-focus-width, 3px) solid var(--hk-color-focus, #c45a00);
    outline-offset: 2px;
  }
  h3 {
    margin: 0 0 var(--hk-space-1, 0.25rem);
    font-size: 1.125rem;
  }
  p {
    margin: 0;
  }
  .progress {
    color: var(--hk-color-text-muted, #4d4d4d);
  }
  .notices p {
    padding: var(--hk-space-2, 0.5rem) var(--hk-space-3, 1rem);
    border-inline-start: 4px solid var(--hk-color-border, #595959);
    background: var(--hk-color-surface, #f4f4f4);
  }
  .notices p + p {
    margin-block-start: var(--hk-space-2, 0.5rem);
  }
  label.search-label {
    display: block;
    font-weight: 600;
    font-size: var(--hk-font-size-label, 1.125rem);
  }
  .hint {
    color: var(--hk-color-text-muted, #4d4d4d);
  }
  input[type='search'] {
    inline-size: 100%;
    min-block-size: var(--hk-target-size, 2.75rem);
    padding-inline: var(--hk-space-2, 0.5rem);
    border: 2px solid var(--hk-color-border, #595959);
    border-radius: var(--hk-radius, 4px);
    font: inherit;
    color: inherit;
    background: var(--hk-color-background, #fff);
  }
  input:focus-visible,
  button:focus-visible,
  a:focus-visible {
    outline: var(--hk-focus-width, 3px) solid var(--hk-color-focus, #c45a00);
    outline-offset: 2px;
  }
  ul.reasons,
  ul.flags,
  ul.answers {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--hk-space-2, 0.5rem);
  }
  button {
    min-block-size: var(--hk-target-size, 2.75rem);
    min-inline-size: var(--hk-target-size, 2.75rem);
    padding: var(--hk-space-2, 0.5rem) var(--hk-space-3, 1rem);
    border: 2px solid var(--hk-color-primary, #005b89);
    border-radius: var(--hk-radius, 4px);
    background: var(--hk-color-background, #fff);
    color: var(--hk-color-primary, #005b89);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-align: start;
  }
  button.primary {
    background: var(--hk-color-primary, #005b89);
    color: var(--hk-color-primary-contrast, #fff);
  }
  button.reason-button {
    inline-size: 100%;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--hk-space-2, 0.5rem);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    margin-block-end: var(--hk-space-1, 0.25rem);
    font-weight: 600;
    font-size: var(--hk-font-size-label, 1.125rem);
  }
  .error {
    padding-inline-start: var(--hk-space-2, 0.5rem);
    border-inline-start: 4px solid var(--hk-color-error, #b00020);
    color: var(--hk-color-error, #b00020);
    font-weight: 600;
  }
  .error[hidden] {
    display: none;
  }
  label.option {
    display: flex;
    align-items: center;
    gap: var(--hk-space-2, 0.5rem);
    min-block-size: var(--hk-target-size, 2.75rem);
    padding: var(--hk-space-1, 0.25rem) var(--hk-space-2, 0.5rem);
    border: 1px solid var(--hk-color-border, #595959);
    border-radius: var(--hk-radius, 4px);
    background: var(--hk-color-background, #fff);
    cursor: pointer;
  }
  label.option:has(input:checked) {
    border-color: var(--hk-color-primary, #005b89);
    box-shadow: inset 0 0 0 1px var(--hk-color-primary, #005b89);
  }
  label.option input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    flex: none;
    margin: 0;
    accent-color: var(--hk-color-primary, #005b89);
  }
  /* The question is the visible heading; the field's own legend or label stays for assistive technology. */
  .field::part(legend),
  .field::part(label) {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .outcome {
    display: flex;
    flex-direction: column;
    gap: var(--hk-space-3, 1rem);
    padding: var(--hk-space-3, 1rem);
    border: 1px solid var(--hk-color-border, #595959);
    border-inline-start: 8px solid var(--hk-triage-outcome-color, var(--hk-color-border, #595959));
    border-radius: var(--hk-radius, 4px);
  }
  .outcome.call-113 {
    --hk-triage-outcome-color: var(--hk-color-urgent, #b00020);
  }
  .outcome.call-116117,
  .outcome.gp-same-day {
    --hk-triage-outcome-color: var(--hk-color-warning, #8a5a00);
  }
  .outcome.gp-appointment,
  .outcome.e-consultation,
  .outcome.self-care,
  .outcome.admin-service {
    --hk-triage-outcome-color: var(--hk-color-ok, #2b6a30);
  }
  .urgency {
    align-self: flex-start;
    padding: var(--hk-space-1, 0.25rem) var(--hk-space-2, 0.5rem);
    border: 2px solid currentColor;
    border-radius: var(--hk-radius, 4px);
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  a.call {
    display: inline-flex;
    align-items: center;
    align-self: flex-start;
    min-block-size: calc(var(--hk-target-size, 2.75rem) * 1.25);
    padding: var(--hk-space-2, 0.5rem) var(--hk-space-4, 1.5rem);
    border-radius: var(--hk-radius, 4px);
    background: var(--hk-color-urgent, #b00020);
    color: var(--hk-color-primary-contrast, #fff);
    font-size: 1.5rem;
    font-weight: 700;
    text-decoration: none;
  }
  a.phone {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--hk-target-size, 2.75rem);
    color: var(--hk-color-primary, #005b89);
    font-weight: 600;
  }
  .answers dt {
    font-weight: 600;
  }
  .answers dd {
    margin: 0 0 var(--hk-space-2, 0.5rem);
  }
  dl.answers {
    margin: var(--hk-space-2, 0.5rem) 0 0;
  }
  .error-state {
    padding: var(--hk-space-3, 1rem);
    border: 1px solid var(--hk-color-error, #b00020);
    border-inline-start-width: 8px;
    border-radius: var(--hk-radius, 4px);
  }
  /* The who-for screen and "Noe annet": one group of radios (or the description) after another. */
  form.person,
  form.other {
    display: grid;
    gap: var(--hk-space-4, 1.25rem);
  }
  .options {
    display: grid;
    gap: var(--hk-space-1, 0.25rem);
  }
  .other {
    display: grid;
    gap: var(--hk-space-2, 0.5rem);
  }
  textarea {
    font: inherit;
    inline-size: 100%;
    box-sizing: border-box;
    min-block-size: 6rem;
    padding: var(--hk-space-2, 0.5rem);
    border: 1px solid var(--hk-color-border, #595959);
    border-radius: var(--hk-radius, 4px);
  }
  textarea[aria-invalid='true'] {
    border: 2px solid var(--hk-color-error, #b00020);
  }
  /* 113 and 116117 stay on the reason screen whatever the search shows; words, not colour, say what they are. */
  .emergency {
    padding: var(--hk-space-2, 0.5rem) var(--hk-space-3, 0.75rem);
    border: 2px solid var(--hk-color-urgent, #b00020);
    border-radius: var(--hk-radius, 4px);
  }
  .emergency h3 {
    margin: 0 0 var(--hk-space-1, 0.25rem);
    font-size: var(--hk-font-size-label, 1.125rem);
  }
  .emergency p {
    margin: var(--hk-space-1, 0.25rem) 0;
  }
  .description {
    white-space: pre-wrap;
  }
`;
