// Chart.js 4 line chart with its decimation plugin (min-max), parsing and animation off: its fastest setup.
import { Chart, Decimation, LinearScale, LineController, LineElement, PointElement } from 'chart.js';
import { RANGE, START, END, HEIGHT, WIDTH, painted, series } from '../data';

Chart.register(LineController, LineElement, PointElement, LinearScale, Decimation);
const root = document.getElementById('root')!;
const canvas = document.createElement('canvas');
const box = document.createElement('div');
box.style.width = `${WIDTH}px`;
box.style.height = `${HEIGHT}px`;
box.append(canvas);
root.append(box);
const { times, values } = series();
const points = Array.from({ length: times.length }, (_, i) => ({ x: times[i]!, y: values[i]! }));

performance.mark('bench:draw-start');
const chart = new Chart(canvas, {
  type: 'line',
  data: { datasets: [{ data: points, borderWidth: 1, pointRadius: 0, indexAxis: 'x' }] },
  options: {
    animation: false,
    parsing: false,
    normalized: true,
    responsive: true,
    maintainAspectRatio: false,
    scales: { x: { type: 'linear', min: START, max: END }, y: { type: 'linear' } },
    plugins: { decimation: { enabled: true, algorithm: 'min-max' } },
  },
});
performance.mark('bench:drawn');
performance.measure('bench:draw', 'bench:draw-start', 'bench:drawn');
await painted();
performance.measure('bench:draw-to-paint', 'bench:draw-start');
performance.mark('bench:range-start');
chart.options.scales!.x!.min = RANGE.start;
chart.options.scales!.x!.max = RANGE.end;
chart.update('none');
performance.mark('bench:range-changed');
performance.measure('bench:range', 'bench:range-start', 'bench:range-changed');
await painted();
performance.measure('bench:range-to-paint', 'bench:range-start');
performance.mark('bench:pan-start');
for (let i = 1; i <= 10; i++) {
  chart.options.scales!.x!.min = RANGE.start - i * 86_400_000;
  chart.options.scales!.x!.max = RANGE.end - i * 86_400_000;
  chart.update('none');
}
performance.mark('bench:pan-end');
performance.measure('bench:pan10', 'bench:pan-start', 'bench:pan-end');
requestAnimationFrame(() => setTimeout(() => performance.mark('bench:done')));
