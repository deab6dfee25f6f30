// A 100 000-point series drawn, then its range changed to the last 30 days, then panned ten times:
// the dashboard's chart (Lit SVG, min/max per pixel column) against Chart.js (min-max decimation) and uPlot,
// in the same run. Budgets (DESIGN.md): draw ≤ 50 ms, range change ≤ 16 ms.
import { runBenchmark } from '../harness.mjs';

export default ({ origin, runs = 5 }) =>
  runBenchmark({
    name: 'dashboard',
    description: '100 000-point series: draw, range change, 10 pans (helsekit SVG vs Chart.js decimation vs uPlot)',
    origin,
    runs,
    pages: { helsekit: '/dashboard/helsekit/', 'chart.js': '/dashboard/chartjs/', uplot: '/dashboard/uplot/' },
  });
