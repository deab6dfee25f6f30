import { css } from 'lit';
import { fieldStyles } from '@helsekit/base/inputs/field.styles';

/** Look of <hk-health-form>. Every value comes from a `--hk-*` token with a default; no inline styles. */
export const healthFormStyles = [
  fieldStyles,
  css`
    :host {
      max-inline-size: var(--hk-health-form-max-width, 48rem);
      container-type: inline-size;
      container-name: hk-health-form;
    }
    h1,
    h2,
    h3,
    h4 {
      line-height: 1.25;
      margin-block: var(--hk-space-4, 1.5rem) var(--hk-space-2, 0.5rem);
    }
    .form-title {
      font-size: var(--hk-font-size-title, 1.75rem);
      margin-block-start: 0;
    }
    [tabindex='-1']:focus {
      outline: none;
    }
    [tabindex='-1']:focus-visible,
    #error-summary:focus {
      outline: var(--hk-focus-width, 3px) solid var(--hk-color-focus, #c45a00);
      outline-offset: 2px;
    }
    .whose,
    .on-behalf {
      margin: 0 0 var(--hk-space-2, 0.5rem);
    }
    .on-behalf {
      padding: var(--hk-space-2, 0.5rem) var(--hk-space-3, 1rem);
      border-inline-start: 4px solid var(--hk-color-primary, #005b89);
      background: var(--hk-color-surface, #f4f4f4);
    }
    /* the page's questions (a container of their own, see #renderQuestions): no box of its own */
    .questions {
      display: contents;
    }
    .question {
      margin: 0 0 calc(var(--hk-space-4, 1.5rem) - 0.75rem);
      padding: 0.375rem 0;
      border: 0;
      min-inline-size: 0;
    }
    /* A long form lays out and paints only the blocks of questions near the screen (renderPage); the rest stay in
       the document, in the accessibility tree, in the tab order and in find-in-page. content-visibility clips
       painting at the block's edge: focus outlines paint past it, without making the box wider than the page. */
    .block {
      content-visibility: auto;
      contain-intrinsic-size: auto 140rem;
      overflow-clip-margin: 0.5rem;
    }
    .label {
      display: block;
      padding: 0;
      margin: 0 0 var(--hk-space-1, 0.25rem);
      font-weight: 600;
      font-size: var(--hk-font-size-label, 1.125rem);
    }
    .origin {
      margin: 0 0 var(--hk-space-2, 0.5rem);
      font-size: 0.95em;
      color: var(--hk-color-text-muted, #4d4d4d);
    }
    input:not([type='radio'], [type='checkbox'], [type='file']),
    textarea,
    select {
      min-block-size: var(--hk-target-size, 2.75rem);
      max-inline-size: 100%;
      padding: var(--hk-space-1, 0.25rem) var(--hk-space-2, 0.5rem);
      border: 2px solid var(--hk-color-border, #595959);
      border-radius: var(--hk-radius, 4px);
      font: inherit;
      color: inherit;
      background: var(--hk-color-background, #fff);
    }
    textarea {
      inline-size: 100%;
    }
    input[aria-invalid='true'],
    textarea[aria-invalid='true'],
    select[aria-invalid='true'] {
      border-color: var(--hk-color-error, #b00020);
    }
    input:focus-visible,
    textarea:focus-visible,
    select:focus-visible,
    button:focus-visible,
    a:focus-visible {
      outline: var(--hk-focus-width, 3px) solid var(--hk-color-focus, #c45a00);
      outline-offset: 2px;
    }
    .filter {
      display: flex;
      flex-direction: column;
      gap: var(--hk-space-1, 0.25rem);
      margin-block-end: var(--hk-space-2, 0.5rem);
    }
    .scale .options {
      flex-direction: row;
      flex-wrap: wrap;
    }
    .scale .option {
      flex-direction: column;
      justify-content: center;
      min-inline-size: var(--hk-target-size, 2.75rem);
      padding: var(--hk-space-1, 0.25rem);
    }
    .scale-ends {
      display: flex;
      justify-content: space-between;
      gap: var(--hk-space-2, 0.5rem);
      color: var(--hk-color-text-muted, #4d4d4d);
    }
    .matrix-head {
      display: none;
    }
    .cols-1 {
      --hk-matrix-columns: 1;
    }
    .cols-2 {
      --hk-matrix-columns: 2;
    }
    .cols-3 {
      --hk-matrix-columns: 3;
    }
    .cols-4 {
      --hk-matrix-columns: 4;
    }
    .cols-5 {
      --hk-matrix-columns: 5;
    }
    .cols-6 {
      --hk-matrix-columns: 6;
    }
    .cols-7 {
      --hk-matrix-columns: 7;
    }
    .cols-8 {
      --hk-matrix-columns: 8;
    }
    .cols-9 {
      --hk-matrix-columns: 9;
    }
    .cols-10 {
      --hk-matrix-columns: 10;
    }
    .cols-11 {
      --hk-matrix-columns: 11;
    }
    .matrix-row {
      margin: 0 0 var(--hk-space-3, 1rem);
      padding: 0;
      border: 0;
      display: flex;
      flex-direction: column;
      gap: var(--hk-space-2, 0.5rem);
    }
    .matrix-row legend {
      font-weight: 600;
      margin-block-end: var(--hk-space-1, 0.25rem);
    }
    /* Wide enough: a grid with the column headings; narrow: one radio group per row. */
    @container hk-health-form (min-inline-size: 44rem) {
      .matrix-grid {
        display: grid;
        grid-template-columns: minmax(12rem, 2fr) repeat(var(--hk-matrix-columns, 4), minmax(4rem, 1fr));
      }
      .matrix-head,
      .matrix-row {
        display: grid;
        grid-column: 1 / -1;
        grid-template-columns: subgrid;
        align-items: center;
      }
      .matrix-head {
        font-weight: 600;
        text-align: center;
        padding-block-end: var(--hk-space-2, 0.5rem);
      }
      .matrix-row {
        margin: 0;
        padding-block: var(--hk-space-1, 0.25rem);
        border-block-start: 1px solid var(--hk-color-border, #595959);
      }
      .matrix-row legend {
        float: inline-start;
        margin: 0;
        padding-inline-end: var(--hk-space-2, 0.5rem);
      }
      .matrix-row .option {
        justify-content: center;
        border: 0;
        background: none;
      }
      .matrix-option-text {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
    }
    .panel {
      margin-block: 0 var(--hk-space-4, 1.5rem);
    }
    .instance {
      padding: var(--hk-space-3, 1rem);
      margin-block-end: var(--hk-space-3, 1rem);
      border: 1px solid var(--hk-color-border, #595959);
      border-radius: var(--hk-radius, 4px);
    }
    .instance-title {
      font-weight: 600;
      margin-block-start: 0;
    }
    .multiple-text-item {
      display: flex;
      flex-direction: column;
      margin-block-end: var(--hk-space-2, 0.5rem);
    }
    output {
      display: block;
      font-size: 1.25em;
      font-weight: 600;
    }
    .progress {
      display: flex;
      align-items: center;
      gap: var(--hk-space-2, 0.5rem);
      margin-block: var(--hk-space-2, 0.5rem);
    }
    progress {
      inline-size: 12rem;
      max-inline-size: 50%;
      accent-color: var(--hk-color-primary, #005b89);
    }
    .error-summary {
      padding: var(--hk-space-3, 1rem);
      margin-block: var(--hk-space-3, 1rem);
      border: 4px solid var(--hk-color-error, #b00020);
    }
    .error-summary h3 {
      margin-block-start: 0;
    }
    .error-summary a {
      color: var(--hk-color-error, #b00020);
      font-weight: 600;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--hk-space-3, 1rem);
      margin-block: var(--hk-space-4, 1.5rem);
    }
    button {
      min-block-size: var(--hk-target-size, 2.75rem);
      min-inline-size: var(--hk-target-size, 2.75rem);
      padding: var(--hk-space-2, 0.5rem) var(--hk-space-4, 1.5rem);
      border: 2px solid var(--hk-color-primary, #005b89);
      border-radius: var(--hk-radius, 4px);
      background: var(--hk-color-primary, #005b89);
      color: var(--hk-color-on-primary, #fff);
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    button.secondary,
    button.link {
      background: var(--hk-color-background, #fff);
      color: var(--hk-color-primary, #005b89);
    }
    button.link {
      border-color: transparent;
      text-decoration: underline;
      padding-inline: var(--hk-space-2, 0.5rem);
    }
    .answers {
      margin: 0;
    }
    .answer-row {
      padding-block: var(--hk-space-2, 0.5rem);
      border-block-end: 1px solid var(--hk-color-border, #595959);
    }
    .answer-row dt {
      font-weight: 600;
    }
    .answer-row dd {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--hk-space-2, 0.5rem);
    }
    .mark {
      padding-inline: var(--hk-space-1, 0.25rem);
      border: 1px solid currentColor;
      border-radius: var(--hk-radius, 4px);
      font-size: 0.9em;
    }
    .prefill-list {
      list-style: none;
      padding: 0;
    }
    .prefill-item {
      padding: var(--hk-space-3, 1rem);
      margin-block-end: var(--hk-space-3, 1rem);
      border: 1px solid var(--hk-color-border, #595959);
      border-radius: var(--hk-radius, 4px);
    }
    .prefill-item p {
      margin: 0 0 var(--hk-space-1, 0.25rem);
    }
    .prefill-question {
      font-weight: 600;
    }
    .prefill-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--hk-space-2, 0.5rem);
      margin-block-start: var(--hk-space-2, 0.5rem);
    }
    button[aria-pressed='true'] {
      background: var(--hk-color-primary, #005b89);
      color: var(--hk-color-on-primary, #fff);
    }
    .receipt,
    .consent {
      padding: var(--hk-space-3, 1rem);
      background: var(--hk-color-surface, #f4f4f4);
      border-radius: var(--hk-radius, 4px);
    }
    .consent .option {
      margin-block-end: var(--hk-space-2, 0.5rem);
    }
    .failed {
      padding: var(--hk-space-3, 1rem);
      border-inline-start: 4px solid var(--hk-color-error, #b00020);
    }
    .status:empty {
      display: none;
    }
    .status {
      color: var(--hk-color-text-muted, #4d4d4d);
    }
  `,
];
