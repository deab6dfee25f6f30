import { css } from 'lit';

/** What every helsekit element starts with: a block box, and `hidden` that really hides. */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--hk-color-text, #1a1a1a);
    font-family: var(--hk-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--hk-font-size, 1rem);
    line-height: var(--hk-line-height, 1.5);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
`;
