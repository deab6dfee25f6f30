import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { GAD7, PHQ9, prorate, promBand, scoreGad2, scoreGad7, scorePhq2, scorePhq9, scoreProm } from './prom.rules.js';

/** Answers for `n` items that add up to `total` (fills 3s from the start, item 9 last). */
function answersFor(n: number, total: number, keepLastZero = false): number[] {
  const out = new Array<number>(n).fill(0);
  let left = total;
  const last = keepLastZero ? n - 1 : n;
  for (let i = 0; i < last && left > 0; i++) {
    out[i] = Math.min(3, left);
    left -= out[i]!;
  }
  if (left > 0) throw new Error('total too high for items');
  return out;
}

describe('PHQ-9 bands at every boundary', () => {
  const table: Array<[number, string]> = [
    [0, 'minimal'], [4, 'minimal'], [5, 'mild'], [9, 'mild'], [10, 'moderate'], [14, 'moderate'],
    [15, 'moderatelySevere'], [19, 'moderatelySevere'], [20, 'severe'], [27, 'severe'],
  ];
  for (const [total, band] of table) {
    it(`${total} → ${band}`, () => {
      const r = scorePhq9(answersFor(9, total));
      assert.equal(r.status, 'scored');
      if (r.status !== 'scored') return;
      assert.equal(r.total, total);
      assert.equal(r.band, band);
      assert.equal(r.prorated, false);
    });
  }
  it('has no band outside 0–27', () => {
    assert.equal(promBand(PHQ9, 28), undefined);
    assert.equal(promBand(PHQ9, -1), undefined);
  });
});

describe('GAD-7 bands at every boundary', () => {
  const table: Array<[number, string, boolean]> = [
    [0, 'minimal', false], [4, 'minimal', false], [5, 'mild', false], [9, 'mild', false], [10, 'moderate', true],
    [14, 'moderate', true], [15, 'severe', true], [21, 'severe', true],
  ];
  for (const [total, band, further] of table) {
    it(`${total} → ${band}, further evaluation ${further}`, () => {
      const r = scoreGad7(answersFor(7, total));
      assert.equal(r.status, 'scored');
      if (r.status !== 'scored') return;
      assert.equal(r.total, total);
      assert.equal(r.band, band);
      assert.equal(r.furtherEvaluation, further);
    });
  }
});

describe('PHQ-2 / GAD-2', () => {
  for (const [fn, name] of [[scorePhq2, 'PHQ-2'], [scoreGad2, 'GAD-2']] as const) {
    for (const [total, band] of [[0, 'negative'], [2, 'negative'], [3, 'positive'], [6, 'positive']] as const) {
      it(`${name} ${total} → ${band}`, () => {
        const r = fn(answersFor(2, total));
        assert.equal(r.status === 'scored' && r.band, band);
        assert.equal(r.status === 'scored' && r.furtherEvaluation, total >= 3);
      });
    }
    it(`${name} is never prorated`, () => {
      const r = fn([3, null]);
      assert.equal(r.status, 'notScored');
      assert.equal(r.status === 'notScored' && r.reason, 'tooManyMissing');
    });
  }
  it('PHQ-2 reads only the first two items of a longer answer set', () => {
    const r = scorePhq2([1, 2, 3, 3, 3]);
    assert.equal(r.status === 'scored' && r.total, 3);
  });
});

describe('PHQ-9 item 9 flag', () => {
  it('flags item 9 = 1 even at total 1 (minimal)', () => {
    const r = scorePhq9([0, 0, 0, 0, 0, 0, 0, 0, 1]);
    assert.equal(r.status === 'scored' && r.band, 'minimal');
    assert.equal(r.selfHarm, 'positive');
  });
  it('flags item 9 when too many items are missing to score', () => {
    const r = scorePhq9([null, null, null, 0, 0, 0, 0, 0, 2]);
    assert.equal(r.status, 'notScored');
    assert.equal(r.selfHarm, 'positive');
  });
  it('is negative for 0 and unanswered for missing', () => {
    assert.equal(scorePhq9(answersFor(9, 24, true)).selfHarm, 'negative');
    const r = scorePhq9([3, 3, 3, 3, 3, 3, 3, 3, null]);
    assert.equal(r.selfHarm, 'unanswered');
    assert.equal(r.status === 'scored' && r.total, 27);
  });
  it('has no item 9 flag on GAD-7', () => assert.equal(scoreGad7(answersFor(7, 7)).selfHarm, undefined));
});

describe('missing items', () => {
  it('prorates one missing PHQ-9 item: 13 over 8 answered = 14.625 → 15 (moderately severe)', () => {
    const r = scorePhq9({ 1: 3, 2: 3, 3: 3, 4: 3, 5: 1, 6: 0, 7: 0, 8: 0 });
    assert.equal(r.status, 'scored');
    if (r.status !== 'scored') return;
    assert.equal(r.rawSum, 13);
    assert.equal(r.total, 15);
    assert.equal(r.band, 'moderatelySevere');
    assert.equal(r.prorated, true);
    assert.deepEqual(r.missingItems, [9]);
  });
  it('rounds an exact half up: 12 over 8 answered = 13.5 → 14', () => {
    const r = scorePhq9([3, 3, 3, 3, 0, 0, 0, 0, null]);
    assert.equal(r.status === 'scored' && r.total, 14);
  });
  it('rounds below half down: 4 over 7 answered = 5.142… → 5 (mild)', () => {
    const r = scorePhq9([1, 1, 1, 1, 0, 0, 0, null, null]);
    assert.equal(r.status === 'scored' && r.total, 5);
    assert.equal(r.status === 'scored' && r.band, 'mild');
  });
  it('prorates GAD-7 with two missing: 7 over 5 = 9.8 → 10 (moderate)', () => {
    const r = scoreGad7([3, 2, 1, 1, 0, null, null]);
    assert.equal(r.status === 'scored' && r.total, 10);
    assert.equal(r.status === 'scored' && r.furtherEvaluation, true);
  });
  it('gives no score with 3 missing, with the reason and the items', () => {
    const r = scoreProm('phq9', [0, null, 1, null, 2, null, 0, 0, 0]);
    assert.equal(r.status, 'notScored');
    assert.equal(r.status === 'notScored' && r.reason, 'tooManyMissing');
    assert.deepEqual(r.missingItems, [2, 4, 6]);
    assert.equal(r.answeredCount, 6);
  });
  it('gives no score with 3 missing GAD-7 items', () => assert.equal(scoreGad7([1, 1, 1, 1, null, null, null]).status, 'notScored'));
  it('rejects out-of-range or fractional answers with the items named', () => {
    const r = scorePhq9([0, 4, 0, 1.5, 0, 0, 0, 0, 0]);
    assert.equal(r.status === 'notScored' && r.reason, 'invalidAnswer');
    assert.deepEqual(r.status === 'notScored' && r.invalidItems, [2, 4]);
  });
  it('prorate() is exact integer arithmetic', () => {
    assert.equal(prorate(13, 9, 8), 15);
    assert.equal(prorate(12, 9, 8), 14);
    assert.equal(prorate(11, 9, 8), 12); // 12.375
    assert.equal(prorate(7, 7, 5), 10);
    assert.equal(GAD7.maxMissing, 2);
  });
});
