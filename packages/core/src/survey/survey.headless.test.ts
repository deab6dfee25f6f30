import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as core from 'survey-core';
import { createHeadlessModel } from './survey.actor.js';

const json = {
  elements: [
    { type: 'boolean', name: 'a', title: 'A' },
    { type: 'text', name: 'b', title: 'B', visibleIf: '{a} = true' },
  ],
};

describe('createHeadlessModel', () => {
  it('skips the rows survey-core builds for its own UI; answers and conditions work as before', () => {
    const headless = createHeadlessModel(core, json);
    const plain = new core.Model(json);
    assert.equal(plain.pages[0]!.rows.length > 0, true, 'a plain model builds rows');
    assert.equal(headless.pages[0]!.rows.length, 0, 'the headless one does not');
    headless.setValue('a', true);
    assert.equal(headless.getQuestionByName('b')!.isVisible, true);
    headless.setValue('a', false);
    assert.equal(headless.getQuestionByName('b')!.isVisible, false);
    assert.deepEqual(headless.data, { a: false });
  });

  it('leaves other models of the same module alone', () => {
    createHeadlessModel(core, json);
    assert.equal(new core.Model(json).pages[0]!.rows.length > 0, true);
  });
});
