// uPlot 1.6 with one series: its own per-pixel decimation happens while drawing.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { RANGE, HEIGHT, WIDTH, painted, series } from '../data';

const root = document.getElementById('root')!;
const { times, values } = series();
// uPlot takes x in seconds by default; give ms and say so.
const data: uPlot.AlignedData = [times, values];

performance.mark('bench:draw-start');
const plot = new uPlot(
  { width: WIDTH, height: HEIGHT, ms: 1, scales: { x: { time: true } }, series: [{}, { stroke: '#005b89', width: 1, points: { show: false } }], legend: { show: false }, cursor: { show: false } },
  data,
  root,
);
performance.mark('bench:drawn');
performance.measure('bench:draw', 'bench:draw-start', 'bench:drawn');
await painted();
performance.measure('bench:draw-to-paint', 'bench:draw-start');
performance.mark('bench:range-start');
plot.setScale('x', { min: RANGE.start, max: RANGE.end });
performance.mark('bench:range-changed');
performance.measure('bench:range', 'bench:range-start', 'bench:range-changed');
await painted();
performance.measure('bench:range-to-paint', 'bench:range-start');
performance.mark('bench:pan-start');
for (let i = 1; i <= 10; i++) plot.setScale('x', { min: RANGE.start - i * 86_400_000, max: RANGE.end - i * 86_400_000 });
performance.mark('bench:pan-end');
performance.measure('bench:pan10', 'bench:pan-start', 'bench:pan-end');
requestAnimationFrame(() => setTimeout(() => performance.mark('bench:done')));
