import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ADMIN_TARGETS, DISPOSITIONS, OPERATORS, QUESTION_KINDS } from './protocol.types.js';
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
    assert.deepEqual(Object.keys(schema.properties).filter((k) => k !== '$schema').sort(), [...schema.required].sort());
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
