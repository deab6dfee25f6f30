import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { TOKENS } from './tokens.js';

const THEMES = ['default', 'helsenorge', 'high-contrast'];
// The themes live in @helsekit/themes (CSS only); base owns the token list they must match.
const read = (name: string) => readFileSync(new URL(`../../../themes/${name}.css`, import.meta.url), 'utf8');

/** Relative luminance and contrast ratio per WCAG 2.1. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const full = hex.length === 4 ? hex.replace(/[0-9a-f]/gi, (c) => c + c).slice(0, 7) : hex;
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(full.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

function tokens(css: string): Map<string, string> {
  return new Map([...css.matchAll(/(--hk-[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.replace(/\/\*.*?\*\//g, '').trim()]));
}

describe('themes', () => {
  for (const theme of THEMES) {
    describe(theme, () => {
      const css = read(theme);
      const values = tokens(css);

      it('sets every token and only known tokens', () => {
        assert.deepEqual([...values.keys()].sort(), Object.keys(TOKENS).sort());
      });

      it('fetches nothing: no @import, url() or @font-face', () => {
        assert.doesNotMatch(css, /@import|url\(|@font-face/i);
      });

      it('keeps text, links, errors and status colours at WCAG AA contrast on the background', () => {
        const background = values.get('--hk-color-background')!;
        for (const token of ['--hk-color-text', '--hk-color-text-muted', '--hk-color-primary', '--hk-color-error', '--hk-color-urgent', '--hk-color-warning', '--hk-color-ok']) {
          assert.ok(contrast(values.get(token)!, background) >= 4.5, `${token} ${values.get(token)} on ${background}`);
        }
        assert.ok(contrast(values.get('--hk-color-primary-contrast')!, values.get('--hk-color-primary')!) >= 4.5, 'text on primary');
        // Borders of inputs and the focus ring are non-text contrast: 3:1 (WCAG 1.4.11).
        for (const token of ['--hk-color-border', '--hk-color-focus']) {
          assert.ok(contrast(values.get(token)!, background) >= 3, token);
        }
      });
    });
  }

  it('the default theme equals the fallbacks the components use', () => {
    assert.deepEqual(Object.fromEntries(tokens(read('default'))), TOKENS);
  });
});
