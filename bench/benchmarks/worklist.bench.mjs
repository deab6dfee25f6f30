// <hk-clinic-worklist> with 2 000 patients: ranked by need and shown as a table (budget ≤ 100 ms, DESIGN.md).
import { runBenchmark } from '../harness.mjs';

export default ({ origin, runs = 5 }) =>
  runBenchmark({
    name: 'worklist',
    description: '2 000 patients ranked by need and shown (<hk-clinic-worklist>)',
    origin,
    runs,
    pages: { helsekit: '/worklist/helsekit/' },
  });
