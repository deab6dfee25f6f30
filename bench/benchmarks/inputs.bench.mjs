// Sample benchmark: 300 questions as helsekit input primitives against the same 300 questions as plain
// native fieldsets built with DOM calls, the cheapest a page could do. Shows the cost of our elements
// (Shadow DOM, localization, validation) over the bare platform.
import { runBenchmark } from '../harness.mjs';

export default ({ origin, runs = 5 }) =>
  runBenchmark({
    name: 'inputs',
    description: '300 choice questions rendered: helsekit primitives vs native fieldsets',
    origin,
    runs,
    pages: { helsekit: '/inputs/helsekit/', native: '/inputs/native/' },
  });
