import { expect } from '@open-wc/testing';
import { defineElement, HkElement } from '@helsekit/base';

describe('defineElement', () => {
  let warnings: string[];
  let original: typeof console.warn;
  beforeEach(() => {
    warnings = [];
    original = console.warn;
    console.warn = (message: string) => warnings.push(message);
  });
  afterEach(() => {
    console.warn = original;
  });

  it('registers a free tag', () => {
    class First extends HkElement {}
    expect(defineElement('test-define-free', First)).to.equal(First);
    expect(customElements.get('test-define-free')).to.equal(First);
  });

  it('leaves a tag registered by the same bundle alone, silently', () => {
    class Same extends HkElement {}
    defineElement('test-define-same', Same);
    expect(() => Same.define('test-define-same')).not.to.throw();
    expect(warnings).to.deep.equal([]);
  });

  it('keeps the first version and warns when another version registered the tag', () => {
    class Old extends HkElement {
      static override version = '0.0.1';
    }
    class New extends HkElement {}
    defineElement('test-define-clash', Old);
    expect(defineElement('test-define-clash', New)).to.equal(Old);
    expect(customElements.get('test-define-clash')).to.equal(Old);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<test-define-clash>').and.contain('0.0.1');
  });
});
