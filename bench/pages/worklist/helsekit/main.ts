// 2 000 patients handed to <hk-clinic-worklist> at once (as one poll would bring them): ranked by need
// (rankWorklist, all 2 000) and shown as the table (the first page of 50, the most urgent; "show more" adds 50). The entries are built beforehand from synthetic readings, so the
// measure is ranking and rendering, not the store.
import '@helsekit/measurement-dashboard/define';
import type { HkClinicWorklist } from '@helsekit/measurement-dashboard';
import { buildWorklistEntry, DEFAULT_PLAN, type Reading, type WorklistPatient } from '@helsekit/core/measurements';
import { MemoryStore } from '@helsekit/core/store';

const NOW = Date.parse('2026-05-17T12:00:00Z');
const DAY = 86_400_000;
const N = 2_000;
let seed = 7;
const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);

const patients: WorklistPatient[] = [];
for (let p = 0; p < N; p++) {
  const readings: Reading[] = [];
  const drift = rand() < 0.1 ? 60 : rand() < 0.2 ? 25 : 0;
  for (let d = 13; d >= 0; d--) {
    if (rand() < 0.05) continue;
    const at = NOW - d * DAY - 3_600_000;
    const effective = new Date(at).toISOString();
    readings.push({ kind: 'heartRate', value: Math.round(70 + rand() * 10 + (drift * (14 - d)) / 14), at, effective });
    readings.push({ kind: 'spo2', value: Math.round(97 - rand() * 2 - (drift > 30 ? 4 : 0)), at, effective });
    readings.push({ kind: 'systolic', value: Math.round(125 + rand() * 10), at, effective });
  }
  patients.push(buildWorklistEntry({ id: `p${p}`, display: `Pasient ${p}`, version: 1, readings, plan: DEFAULT_PLAN, now: NOW }));
}

const el = document.createElement('hk-clinic-worklist') as HkClinicWorklist;
el.store = new MemoryStore();
el.now = NOW;
document.getElementById('root')!.append(el);
await el.updateComplete;
// Wait for the (empty) first load to finish so the machine is idle.
await new Promise((r) => setTimeout(r, 50));

performance.mark('bench:start');
el.machine.send({ type: 'PATIENTS.RECEIVED', patients });
await el.updateComplete;
el.shadowRoot!.querySelector('table')!.getBoundingClientRect();
performance.mark('bench:shown');
performance.measure('bench:rank-and-show', 'bench:start', 'bench:shown');
const rows = el.shadowRoot!.querySelectorAll('tbody tr').length;
if (rows < 50) throw new Error(`only ${rows} rows shown`);
requestAnimationFrame(() => setTimeout(() => performance.mark('bench:done')));
