import { css } from 'lit';

/** Shared by both elements: status badges in words and colour, buttons, tables, the chart. */
export const sharedStyles = css`
  :host {
    --hk-dashboard-gap: var(--hk-space-3, 1rem);
  }
  button,
  .file-label {
    font: inherit;
    min-height: var(--hk-target-size, 2.75rem);
    min-width: var(--hk-target-size, 2.75rem);
    padding: var(--hk-space-1, 0.25rem) var(--hk-space-3, 1rem);
    border: 1px solid var(--hk-color-border, #595959);
    border-radius: var(--hk-radius, 4px);
    background: var(--hk-color-background, #fff);
    color: var(--hk-color-text, #1a1a1a);
    cursor: pointer;
  }
  button.primary {
    background: var(--hk-color-primary, #005b89);
    border-color: var(--hk-color-primary, #005b89);
    color: var(--hk-color-primary-contrast, #fff);
  }
  button[aria-pressed='true'] {
    background: var(--hk-color-primary, #005b89);
    color: var(--hk-color-primary-contrast, #fff);
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  .chart-box:focus-visible,
  a:focus-visible {
    outline: var(--hk-focus-width, 3px) solid var(--hk-color-focus, #c45a00);
    outline-offset: 2px;
  }
  .badge {
    display: inline-block;
    padding: 0 var(--hk-space-2, 0.5rem);
    border: 2px solid currentColor;
    border-radius: var(--hk-radius, 4px);
    font-weight: 600;
  }
  .sev-red {
    color: var(--hk-color-urgent, #b00020);
  }
  .sev-yellow {
    color: var(--hk-color-warning, #8a5a00);
  }
  .sev-green {
    color: var(--hk-color-ok, #2b6a30);
  }
  .sev-grey,
  .sev-none {
    color: var(--hk-color-missing, #595959);
  }
  .sev-red.badge {
    border-style: double;
    border-width: 4px;
  }
  .sev-yellow.badge {
    border-style: dashed;
  }
  .muted {
    color: var(--hk-color-text-muted, #4d4d4d);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--hk-space-2, 0.5rem);
    align-items: center;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block: var(--hk-space-2, 0.5rem);
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: var(--hk-space-1, 0.25rem) var(--hk-space-2, 0.5rem);
    border-bottom: 1px solid var(--hk-color-border, #595959);
  }
  .notice {
    border-inline-start: 4px solid var(--hk-color-warning, #8a5a00);
    padding: var(--hk-space-2, 0.5rem) var(--hk-space-3, 1rem);
    background: var(--hk-color-surface, #f4f4f4);
  }
  .concern {
    border: 2px solid var(--hk-color-urgent, #b00020);
    border-inline-start-width: 8px;
    border-radius: var(--hk-radius, 4px);
    padding: var(--hk-space-2, 0.5rem) var(--hk-space-3, 1rem);
  }
  .concern-badge {
    color: var(--hk-color-urgent, #b00020);
  }
  .error {
    border-inline-start: 4px solid var(--hk-color-error, #b00020);
    padding: var(--hk-space-2, 0.5rem) var(--hk-space-3, 1rem);
  }
  h2,
  h3,
  h4 {
    margin: var(--hk-space-3, 1rem) 0 var(--hk-space-2, 0.5rem);
    line-height: 1.25;
  }
`;

export const dashboardStyles = css`
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
    gap: var(--hk-dashboard-gap);
    padding: 0;
    margin: 0;
    list-style: none;
  }
  .tile,
  .card {
    border: 1px solid var(--hk-color-border, #595959);
    border-radius: var(--hk-radius, 4px);
    padding: var(--hk-space-3, 1rem);
    background: var(--hk-color-background, #fff);
  }
  .tile .value {
    font-size: 1.5em;
    font-weight: 600;
    margin: 0;
  }
  .tile p {
    margin: var(--hk-space-1, 0.25rem) 0;
  }
  .chart-box {
    display: block;
    border: 1px solid var(--hk-color-border, #595959);
    border-radius: var(--hk-radius, 4px);
    touch-action: none;
    cursor: grab;
  }
  .chart {
    display: block;
    width: 100%;
    height: var(--hk-dashboard-chart-height, 11rem);
  }
  .chart .line {
    fill: none;
    stroke: var(--hk-dashboard-line, var(--hk-color-primary, #005b89));
    stroke-width: 1.5;
    vector-effect: non-scaling-stroke;
  }
  .chart .dots {
    stroke: var(--hk-dashboard-line, var(--hk-color-primary, #005b89));
    stroke-width: 5;
    stroke-linecap: round;
    vector-effect: non-scaling-stroke;
  }
  .chart .axis {
    stroke: var(--hk-color-border, #595959);
    vector-effect: non-scaling-stroke;
  }
  .chart .tick {
    fill: var(--hk-color-text-muted, #4d4d4d);
    font-size: 11px;
  }
  .chart .band-red {
    fill: var(--hk-color-urgent, #b00020);
    opacity: 0.12;
  }
  .chart .band-yellow {
    fill: var(--hk-color-warning, #8a5a00);
    opacity: 0.1;
  }
  .chart .focus {
    fill: none;
    stroke: var(--hk-color-focus, #c45a00);
    stroke-width: 3;
    vector-effect: non-scaling-stroke;
  }
  .charts {
    display: grid;
    gap: var(--hk-dashboard-gap);
  }
  .table-wrap {
    max-height: 20rem;
    overflow: auto;
  }
  .custom-range {
    display: flex;
    flex-wrap: wrap;
    gap: var(--hk-space-3, 1rem);
  }
  .import-errors {
    margin: var(--hk-space-2, 0.5rem) 0;
  }
`;

export const worklistStyles = css`
  /* The table reflows by the element's own width, not the page's (WCAG 1.4.10): see the container query below. */
  :host {
    container-type: inline-size;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--hk-space-3, 1rem);
    align-items: end;
    margin-block: var(--hk-space-2, 0.5rem);
  }
  .filters label {
    display: block;
  }
  .filters input[type='search'],
  .filters select {
    font: inherit;
    min-height: var(--hk-target-size, 2.75rem);
    border: 1px solid var(--hk-color-border, #595959);
    border-radius: var(--hk-radius, 4px);
    padding: 0 var(--hk-space-2, 0.5rem);
  }
  .checkbox {
    display: flex;
    gap: var(--hk-space-2, 0.5rem);
    align-items: center;
    min-height: var(--hk-target-size, 2.75rem);
  }
  .checkbox input {
    width: 1.5rem;
    height: 1.5rem;
  }
  tr.sev-red th,
  tr.sev-red td,
  tr.sev-yellow th,
  tr.sev-yellow td,
  tr.sev-green th,
  tr.sev-green td,
  tr.sev-grey th,
  tr.sev-grey td {
    color: var(--hk-color-text, #1a1a1a);
  }
  .open {
    text-align: start;
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--hk-space-1, 0.25rem);
  }
  .snooze-form {
    display: grid;
    gap: var(--hk-space-2, 0.5rem);
  }
  .trend {
    font-size: 1.25em;
  }
  /*
   * Narrow: each row becomes a card (name, then each cell under its column's name), so nothing scrolls sideways
   * down to 320 CSS px. Wide: a plain table. The markup stays a table either way.
   */
  @container (max-width: 56rem) {
    table,
    caption,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead tr {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    tr {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
      column-gap: var(--hk-space-3, 1rem);
      border: 1px solid var(--hk-color-border, #595959);
      border-inline-start-width: 6px;
      border-radius: var(--hk-radius, 4px);
      padding: var(--hk-space-2, 0.5rem) var(--hk-space-3, 1rem);
      margin-block-end: var(--hk-space-3, 1rem);
    }
    tr.sev-red {
      border-inline-start-color: var(--hk-color-urgent, #b00020);
    }
    tr.sev-yellow {
      border-inline-start-color: var(--hk-color-warning, #8a5a00);
    }
    tr.sev-green {
      border-inline-start-color: var(--hk-color-ok, #2b6a30);
    }
    tr.concern-row {
      border-inline-start-color: var(--hk-color-urgent, #b00020);
    }
    th,
    td {
      border-bottom: none;
      padding-inline: 0;
      overflow-wrap: anywhere;
    }
    td.none {
      display: none;
    }
    th,
    td.why,
    td.actions-cell {
      grid-column: 1 / -1;
    }
    td[data-label]::before {
      content: attr(data-label);
      display: block;
      font-weight: 600;
      font-size: 0.875em;
      color: var(--hk-color-text-muted, #4d4d4d);
    }
  }
`;
