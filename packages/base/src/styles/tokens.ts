/**
 * The design tokens every component reads, with the default each falls back to. Themes set them on the
 * page (`packages/themes`); a component never sets a token itself. Kept as data so the docs table and the
 * theme test come from one list.
 */
export const TOKENS = {
  '--hk-font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  '--hk-font-size': '1rem',
  '--hk-line-height': '1.5',
  '--hk-color-text': '#1a1a1a',
  '--hk-color-text-muted': '#4d4d4d',
  '--hk-color-background': '#ffffff',
  '--hk-color-surface': '#f4f4f4',
  '--hk-color-border': '#595959',
  '--hk-color-primary': '#005b89',
  '--hk-color-primary-contrast': '#ffffff',
  '--hk-color-focus': '#c45a00',
  '--hk-color-error': '#b00020',
  '--hk-color-urgent': '#b00020',
  '--hk-color-warning': '#8a5a00',
  '--hk-color-ok': '#2b6a30',
  '--hk-color-missing': '#595959',
  '--hk-radius': '4px',
  '--hk-space-1': '0.25rem',
  '--hk-space-2': '0.5rem',
  '--hk-space-3': '1rem',
  '--hk-space-4': '1.5rem',
  '--hk-focus-width': '3px',
  '--hk-target-size': '2.75rem',
} as const;

export type TokenName = keyof typeof TOKENS;
