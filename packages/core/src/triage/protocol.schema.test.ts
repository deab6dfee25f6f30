import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { RISK_QUESTION_ID } from './compile.js';
import { GENERAL_RED_FLAGS } from './general-red-flags.js';
import { ADMIN_TARGETS, AGE_BANDS, DISPOSITIONS, OPERATORS, PERSON_QUESTION_IDS, QUESTION_KINDS, RISK_MODIFIER_IDS } from './protocol.types.js';
import { fixtureProtocol } from './triage.fixtures.js';
import { verifyProtocol } from './verify.js';

// The schema is for editors and CI; verify.ts checks the same shape by hand. These tests keep the two in step.
const schema = JSON.parse(readFileSync(new URL('./protocol.schema.json', import.meta.url), 'utf8'));

describe('protocol.schema.json', () => {
  it('is draft 2020-12 and closed at the top level', () => {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.additionalProperties, false);
  });

  it('requires exactly the fields the verifier requires', () => {
    const missingEach = schema.required.map((key: string) => {
      const p = fixtureProtocol() as unknown as Record<string, unknown>;
      delete p[key];
      return verifyProtocol(p).errors.some((e) => e.at === `/${key}` && e.code === 'schema');
    });
    assert.ok(missingEach.every(Boolean));
    // Everything else is optional in both: `$schema` for editors, and the risk modifiers.
    const optional = Object.keys(schema.properties).filter((k) => !schema.required.includes(k));
    assert.deepEqual(optional.sort(), ['$schema', 'riskModifiers']);
    const withOptional = { ...fixtureProtocol(), $schema: './protocol.schema.json', riskModifiers: { diabetes: 'gp-appointment' } };
    assert.deepEqual(verifyProtocol(withOptional).errors, []);
  });

  it('requires the same keys of every question kind as the verifier', () => {
    const branches = schema.$defs.question.oneOf as Array<{ required: string[]; properties: Record<string, unknown> & { kind: { const: string } } }>;
    const fixture = fixtureProtocol();
    assert.deepEqual([...new Set(fixture.questions.map((q) => q.kind))].sort(), [...QUESTION_KINDS].sort(), 'the fixture has every kind');
    fixture.questions.forEach((question, i) => {
      const branch = branches.find((b) => b.properties.kind.const === question.kind)!;
      for (const key of branch.required) {
        if (key === 'kind') continue;
        const p = fixtureProtocol();
        delete (p.questions[i] as unknown as Record<string, unknown>)[key];
        const errors = verifyProtocol(p).errors;
        assert.ok(errors.some((e) => e.code === 'schema' && e.at === `/questions/${i}/${key}`), `${question.kind} without ${key}: ${JSON.stringify(errors)}`);
      }
    });
    const number = branches.find((b) => b.properties.kind.const === 'number')!;
    const duration = branches.find((b) => b.properties.kind.const === 'duration')!;
    assert.ok(number.required.includes('plausible'), 'plausible is required on a number');
    assert.ok(!duration.required.includes('plausible') && 'plausible' in duration.properties, 'and optional on a duration');
    for (const b of branches) assert.ok('textChild' in b.properties, `${b.properties.kind.const} may have child wording`);
  });

  it('has the new protocol parts: audience bands, search tests, Sami synonyms, risk modifiers, child wording on red flags', () => {
    assert.deepEqual(schema.$defs.ageBand.enum, [...AGE_BANDS]);
    assert.deepEqual(schema.properties.audience.required, ['ages']);
    assert.deepEqual(Object.keys(schema.properties.audience.properties), ['ages', 'sex', 'pregnant']);
    assert.deepEqual(schema.properties.searchTests.required, ['find', 'notFind']);
    assert.deepEqual(schema.properties.synonyms.required, ['nb', 'nn', 'en', 'se']);
    assert.deepEqual(Object.keys(schema.properties.riskModifiers.properties), [...RISK_MODIFIER_IDS]);
    assert.ok(!schema.$defs.plausible.properties.floor.enum.includes('self-care'), 'a floor is never self-care');
    const redFlag = schema.properties.redFlags.items.properties;
    assert.ok('textChild' in redFlag && 'ages' in redFlag);
  });

  it('reserves the same ids as the verifier', () => {
    const reserved = schema.$defs.question.oneOf[0].properties.id.not.enum;
    assert.deepEqual(reserved, [...PERSON_QUESTION_IDS, RISK_QUESTION_ID]);
    for (const b of schema.$defs.question.oneOf) assert.deepEqual(b.properties.id.not.enum, reserved);
    const generalPattern = new RegExp(schema.properties.redFlags.items.properties.id.not.pattern);
    for (const f of GENERAL_RED_FLAGS) assert.ok(generalPattern.test(f.id), f.id);
    assert.ok(!generalPattern.test('rf-bleeding'));
  });

  it('has the same dispositions, operators, question kinds and admin targets as the types', () => {
    assert.deepEqual(schema.properties.defaultDisposition.enum, [...DISPOSITIONS]);
    assert.deepEqual(schema.$defs.condition.properties.operator.enum, [...OPERATORS]);
    assert.deepEqual(schema.$defs.question.oneOf.map((q: { properties: { kind: { const: string } } }) => q.properties.kind.const), [...QUESTION_KINDS]);
    assert.deepEqual(schema.$defs.dispositionContent.properties.target.enum, [...ADMIN_TARGETS]);
    assert.deepEqual(Object.keys(schema.properties.dispositions.properties), [...DISPOSITIONS]);
  });

  it('has no place for expression strings: conditions are objects with a closed set of keys', () => {
    assert.equal(schema.$defs.condition.type, 'object');
    assert.equal(schema.$defs.condition.additionalProperties, false);
    assert.deepEqual(Object.keys(schema.$defs.condition.properties), ['question', 'operator', 'value']);
  });
});
