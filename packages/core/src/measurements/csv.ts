import type { MeasurementInput } from './observation.js';

/**
 * CSV import of home measurements, parsed as plain text (never as HTML). One reading per line:
 *
 *   time,measurement,value
 *   2026-05-01T08:00,bloodPressure,142/91
 *   2026-05-01T08:00,heartRate,72
 *
 * `measurement` is one of the kinds below; blood pressure is `systolic/diastolic` in one value. Comma or
 * semicolon separates fields; a decimal comma is allowed with semicolons. The first line may be a header.
 * Bad lines are reported with their 1-based line number and never stop the good ones.
 */

export const CSV_KINDS = ['bloodPressure', 'heartRate', 'respiratoryRate', 'spo2', 'temperature', 'weight', 'height', 'glucose'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

export interface CsvRow {
  readonly line: number;
  readonly input: MeasurementInput;
  /** ISO 8601, as given. */
  readonly effective: string;
}

export type CsvErrorCode = 'columns' | 'time' | 'kind' | 'value';

export interface CsvError {
  readonly line: number;
  readonly code: CsvErrorCode;
}

export interface CsvResult {
  readonly rows: CsvRow[];
  readonly errors: CsvError[];
}

/** Plausible ranges (the same as the add-measurement form): a value outside is an error, not a reading. */
export const PLAUSIBLE_RANGE: Readonly<Record<CsvKind | 'systolic' | 'diastolic', { readonly min: number; readonly max: number; readonly decimals: number }>> = {
  bloodPressure: { min: 40, max: 300, decimals: 0 },
  systolic: { min: 50, max: 300, decimals: 0 },
  diastolic: { min: 20, max: 200, decimals: 0 },
  heartRate: { min: 20, max: 250, decimals: 0 },
  respiratoryRate: { min: 4, max: 60, decimals: 0 },
  spo2: { min: 50, max: 100, decimals: 0 },
  temperature: { min: 30, max: 45, decimals: 1 },
  weight: { min: 1, max: 400, decimals: 1 },
  height: { min: 30, max: 250, decimals: 0 },
  glucose: { min: 0.5, max: 50, decimals: 1 },
};

const inRange = (kind: keyof typeof PLAUSIBLE_RANGE, v: number) => Number.isFinite(v) && v >= PLAUSIBLE_RANGE[kind].min && v <= PLAUSIBLE_RANGE[kind].max;
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function num(text: string, semicolon: boolean): number {
  const t = text.trim();
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return Number.NaN;
  if (t.includes(',') && !semicolon) return Number.NaN;
  return Number(t.replace(',', '.'));
}

export function parseMeasurementCsv(text: string): CsvResult {
  const rows: CsvRow[] = [];
  const errors: CsvError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const semicolon = raw.includes(';');
    const cells = raw.split(semicolon ? ';' : ',').map((c) => c.trim());
    if (line === 1 && /^(time|tid|tidspunkt|date|dato)$/i.test(cells[0] ?? '')) return;
    if (cells.length !== 3) return void errors.push({ line, code: 'columns' });
    const [time, kind, value] = cells as [string, string, string];
    if (!ISO.test(time) || !Number.isFinite(Date.parse(time))) return void errors.push({ line, code: 'time' });
    if (!(CSV_KINDS as readonly string[]).includes(kind)) return void errors.push({ line, code: 'kind' });
    const k = kind as CsvKind;
    if (k === 'bloodPressure') {
      const [s, d, extra] = value.split('/');
      const sys = num(s ?? '', semicolon);
      const dia = num(d ?? '', semicolon);
      if (extra !== undefined || !inRange('systolic', sys) || !inRange('diastolic', dia) || dia >= sys) return void errors.push({ line, code: 'value' });
      rows.push({ line, effective: time, input: { kind: 'bloodPressure', systolic: sys, diastolic: dia } });
      return;
    }
    const v = num(value, semicolon);
    if (!inRange(k, v)) return void errors.push({ line, code: 'value' });
    rows.push({ line, effective: time, input: { kind: k, value: v } });
  });
  return { rows, errors };
}
