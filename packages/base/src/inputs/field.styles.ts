import { css } from 'lit';

/** Shared look of the input primitives. Every value comes from a `--hk-*` token with a default. */
export const fieldStyles = css`
  :host {
    margin-block: 0 var(--hk-space-4, 1.5rem);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend,
  .label {
    display: block;
    padding: 0;
    margin-block-end: var(--hk-space-1, 0.25rem);
    font-weight: 600;
    font-size: var(--hk-font-size-label, 1.125rem);
  }
  .hint {
    margin: 0 0 var(--hk-space-2, 0.5rem);
    color: var(--hk-color-text-muted, #4d4d4d);
  }
  .error {
    margin: 0 0 var(--hk-space-2, 0.5rem);
    padding-inline-start: var(--hk-space-2, 0.5rem);
    border-inline-start: 4px solid var(--hk-color-error, #b00020);
    color: var(--hk-color-error, #b00020);
    font-weight: 600;
  }
  .error[hidden] {
    display: none;
  }
  :host([invalid]) .control input,
  :host([invalid]) .options {
    border-color: var(--hk-color-error, #b00020);
  }
  .options {
    display: flex;
    flex-direction: column;
    gap: var(--hk-space-2, 0.5rem);
  }
  :host([inline]) .options {
    flex-direction: row;
    flex-wrap: wrap;
  }
  .option {
    display: flex;
    align-items: center;
    gap: var(--hk-space-2, 0.5rem);
    min-block-size: var(--hk-target-size, 2.75rem);
    padding-inline: var(--hk-space-2, 0.5rem);
    border: 1px solid var(--hk-color-border, #595959);
    border-radius: var(--hk-radius, 4px);
    background: var(--hk-color-background, #fff);
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-width: 2px;
    border-color: var(--hk-color-primary, #005b89);
    background: var(--hk-color-surface, #f4f4f4);
  }
  .option input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    accent-color: var(--hk-color-primary, #005b89);
    flex: none;
  }
  .option-hint {
    display: block;
    color: var(--hk-color-text-muted, #4d4d4d);
    font-size: 0.9em;
  }
  .control {
    display: flex;
    align-items: center;
    gap: var(--hk-space-2, 0.5rem);
  }
  .control input {
    min-block-size: var(--hk-target-size, 2.75rem);
    padding: var(--hk-space-1, 0.25rem) var(--hk-space-2, 0.5rem);
    border: 2px solid var(--hk-color-border, #595959);
    border-radius: var(--hk-radius, 4px);
    font: inherit;
    color: inherit;
    background: var(--hk-color-background, #fff);
  }
  .date-parts {
    display: flex;
    gap: var(--hk-space-3, 1rem);
  }
  .date-part {
    display: flex;
    flex-direction: column;
  }
  .date-part label {
    font-weight: 400;
  }
  input:focus-visible {
    outline: var(--hk-focus-width, 3px) solid var(--hk-color-focus, #c45a00);
    outline-offset: 2px;
  }
  input:disabled,
  :host([disabled]) .option {
    cursor: not-allowed;
    opacity: 0.7;
  }
`;
