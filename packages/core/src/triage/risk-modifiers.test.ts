import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { RISK_MODIFIER_IDS } from './protocol.types.js';
import { RISK_MODIFIER_SOURCES, RISK_MODIFIERS } from './risk-modifiers.js';

describe('the shared risk modifiers', () => {
  it('are defined once each, with a label and a reason in nb, nn and en', () => {
    assert.deepEqual(RISK_MODIFIERS.map((m) => m.id).sort(), [...RISK_MODIFIER_IDS].sort());
    for (const m of RISK_MODIFIERS) for (const lang of ['nb', 'nn', 'en'] as const) assert.ok(m.label[lang] && m.reason[lang], `${m.id} ${lang}`);
  });

  it('each names public sources, none of them a licensed triage system', () => {
    for (const id of RISK_MODIFIER_IDS) {
      const sources = RISK_MODIFIER_SOURCES[id];
      assert.ok(sources.length >= 2, id);
      assert.ok(sources.every((s) => s.url.startsWith('https://') && s.title !== ''), id);
      assert.doesNotMatch(JSON.stringify(sources), /manchester|retts|norsk indeks|nhs pathways/i);
    }
  });
});
