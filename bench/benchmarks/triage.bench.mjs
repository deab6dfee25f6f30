// The triage budget (DESIGN.md): everything the red-flag screen needs ≤ 40 KB gzip, and the red-flag screen
// painted ≤ 100 ms after the module starts, at 4× CPU slowdown. <hk-triage protocol-id="fever-adult"> against
// the same red flags as a plain DOM form, in the same run. "transferred" is every byte over the wire (gzip):
// the HTML page, the JS and the protocol; "measure start-to-red-flags" is from the first module statement
// to the first paint of the red-flag screen.
import { runBenchmark } from '../harness.mjs';

export const BUDGET = { transferredKB: 40, startToRedFlagsMs: 100 };

export default async ({ origin, runs = 7 }) => {
  const record = await runBenchmark({
    name: 'triage',
    description: 'red-flag screen of fever-adult: <hk-triage> (default protocols; one protocol set by the host) vs a plain DOM form',
    origin,
    runs,
    cpuThrottle: 4,
    pages: {
      helsekit: '/triage/helsekit/',
      'helsekit-one': '/triage/helsekit-one/',
      baseline: '/triage/baseline/',
      'helsekit-who': '/triage/helsekit-who/',
      'baseline-who': '/triage/baseline-who/',
    },
  });
  const verdict = (value, budget) => (value === undefined ? 'not measured' : value <= budget ? 'within budget' : 'OVER BUDGET');
  // The ratio to a plain DOM page of the same content, same run (DESIGN.md: ≤ 1.5×): the red-flag screen against the
  // red-flag form, the who-for screen (the first screen when the host does not know the person) against its form.
  for (const [page, floor] of [['helsekit-one', 'baseline'], ['helsekit-who', 'baseline-who']]) {
    const a = record.medians[page]?.['measure start-to-red-flags (ms)'];
    const b = record.medians[floor]?.['measure start-to-red-flags (ms)'];
    if (a !== undefined && b) console.log(`ratio ${page} / ${floor}: ${(a / b).toFixed(2)}× (≤ 1.5×: ${a / b <= 1.5 ? 'within budget' : 'OVER BUDGET'})`);
  }
  for (const page of ['helsekit', 'helsekit-one', 'helsekit-who']) {
    const m = record.medians[page];
    const kb = m['transferred (KB)'];
    const ms = m['measure start-to-red-flags (ms)'];
    console.log(`budget ${page}: transferred ${kb?.toFixed(1)} KB of ≤ ${BUDGET.transferredKB} KB gzip: ${verdict(kb, BUDGET.transferredKB)}`);
    console.log(`budget ${page}: start → red flags ${ms?.toFixed(1)} ms of ≤ ${BUDGET.startToRedFlagsMs} ms at 4× CPU: ${verdict(ms, BUDGET.startToRedFlagsMs)}`);
  }
  return record;
};
