// The dashboard's chart renderer (the same Lit `svg` template <hk-measurement-dashboard> draws each chart with):
// min/max reduction per pixel column, limit bands, SVG.
import { render } from 'lit';
import { renderChart } from '@helsekit/measurement-dashboard';
import { DEFAULT_PLAN } from '@helsekit/core/measurements';
import { RANGE, START, END, painted, series } from '../data';

const root = document.getElementById('root')!;
root.className = 'box';
const style = document.createElement('style');
style.textContent = '.box svg{display:block;width:640px;height:180px}.line{fill:none;stroke:#005b89}.band-red{fill:#b0002020}.band-yellow{fill:#8a5a0020}';
document.head.append(style);
const data = series();
const limits = DEFAULT_PLAN.measurements.find((m) => m.kind === 'heartRate')!.limits;
const labels = { start: '', end: '', format: (v: number) => v.toFixed(0) };
const draw = (start: number, end: number) => render(renderChart({ series: data, start, end, limits, labels }), root);

performance.mark('bench:draw-start');
draw(START, END);
root.getBoundingClientRect();
performance.mark('bench:drawn');
performance.measure('bench:draw', 'bench:draw-start', 'bench:drawn');
await painted();
performance.measure('bench:draw-to-paint', 'bench:draw-start');
performance.mark('bench:range-start');
draw(RANGE.start, RANGE.end);
root.getBoundingClientRect();
performance.mark('bench:range-changed');
performance.measure('bench:range', 'bench:range-start', 'bench:range-changed');
await painted();
performance.measure('bench:range-to-paint', 'bench:range-start');
// (`*-to-paint` measures run to the next frame: uPlot batches its drawing into requestAnimationFrame.)
// Ten more range changes (pan steps), as a person dragging: the mean per change.
performance.mark('bench:pan-start');
for (let i = 1; i <= 10; i++) {
  draw(RANGE.start - i * 86_400_000, RANGE.end - i * 86_400_000);
  root.getBoundingClientRect();
}
performance.mark('bench:pan-end');
performance.measure('bench:pan10', 'bench:pan-start', 'bench:pan-end');
if (!root.querySelector('svg')?.getAttribute('data-max')) throw new Error('nothing drawn');
requestAnimationFrame(() => setTimeout(() => performance.mark('bench:done')));
