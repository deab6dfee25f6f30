/**
 * Demo data for the local FHIR server. Synthetic people only; deterministic (seeded PRNG) for a given anchor day.
 *
 * - 6 patients with synthetic fødselsnummer (month + 80, mod-11 check digits) under urn:oid:2.16.578.1.12.4.1.4.1.
 * - Questionnaires: PHQ-9 (LOINC 44249-1), GAD-7 (69737-5), a hospital pre-consultation form and a GP health
 *   form that share coded items (smoking, alcohol, allergies, height, weight, current medication).
 * - Earlier QuestionnaireResponses (with PHQ-9/GAD-7 total score Observations, category survey, derivedFrom).
 * - Six months of home measurements (vital-signs Observations, LOINC + UCUM, CLINICAL.md §4) ending at the anchor:
 *   one patient drifting into red, one into yellow, two green, one whose data stops three weeks ago (grey),
 *   one with a heart-failure weight gain pattern.
 *
 * The anchor is today (UTC midnight) unless `HK_FHIR_SEED_ANCHOR` (YYYY-MM-DD) is set, so "recent" stays recent.
 */
import type { FhirRepository } from '@medplum/fhir-router';
import type { Resource as MedplumResource } from '@medplum/fhirtypes';
import type {
  Coding,
  Observation,
  ObservationComponent,
  Patient,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Resource,
} from 'fhir/r4';
import { fodselsnummer, FNR_SYSTEM } from './fnr.js';

export const CANONICAL_BASE = 'https://helsekit.no/fhir/Questionnaire';
export const QUESTIONNAIRE_URLS = {
  phq9: `${CANONICAL_BASE}/phq-9`,
  gad7: `${CANONICAL_BASE}/gad-7`,
  hospitalPre: `${CANONICAL_BASE}/sykehus-forhandsskjema`,
  gpForm: `${CANONICAL_BASE}/fastlege-helseopplysninger`,
} as const;

const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const UCUM = 'http://unitsofmeasure.org';
const OBS_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const ORDINAL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rand: () => number): number {
  // Box–Muller
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

const round = (value: number, digits = 0): number => Number(value.toFixed(digits));

// ---- patients ------------------------------------------------------------------------------------------

type Trend = 'stable' | 'drift-red' | 'drift-yellow' | 'weight-gain' | 'stops';

interface DemoPatient {
  id: string;
  given: string;
  family: string;
  sex: 'male' | 'female';
  birthDate: string;
  /** What the worklist should show. */
  expected: 'red' | 'yellow' | 'green' | 'grey';
  trend: Trend;
  baseline: { sys: number; dia: number; pulse: number; spo2: number; temp: number; weight: number; height: number };
  copd?: boolean;
}

export const DEMO_PATIENTS: readonly DemoPatient[] = [
  { id: 'kari-nordmann', given: 'Kari', family: 'Nordmann', sex: 'female', birthDate: '1958-03-14', expected: 'red', trend: 'drift-red',
    baseline: { sys: 138, dia: 84, pulse: 72, spo2: 97, temp: 36.7, weight: 71, height: 166 } },
  { id: 'ola-hansen', given: 'Ola', family: 'Hansen', sex: 'male', birthDate: '1949-11-02', expected: 'yellow', trend: 'drift-yellow', copd: true,
    baseline: { sys: 132, dia: 80, pulse: 78, spo2: 94, temp: 36.8, weight: 82, height: 179 } },
  { id: 'ingrid-johansen', given: 'Ingrid', family: 'Johansen', sex: 'female', birthDate: '1972-07-21', expected: 'green', trend: 'stable',
    baseline: { sys: 122, dia: 76, pulse: 66, spo2: 98, temp: 36.6, weight: 64, height: 170 } },
  { id: 'per-olsen', given: 'Per', family: 'Olsen', sex: 'male', birthDate: '1961-01-30', expected: 'red', trend: 'weight-gain',
    baseline: { sys: 118, dia: 72, pulse: 74, spo2: 96, temp: 36.7, weight: 88, height: 182 } },
  { id: 'aisha-larsen', given: 'Aisha', family: 'Larsen', sex: 'female', birthDate: '1990-05-09', expected: 'grey', trend: 'stops',
    baseline: { sys: 116, dia: 74, pulse: 70, spo2: 98, temp: 36.8, weight: 60, height: 164 } },
  { id: 'nils-berg', given: 'Nils', family: 'Berg', sex: 'male', birthDate: '2003-09-17', expected: 'green', trend: 'stable',
    baseline: { sys: 124, dia: 78, pulse: 62, spo2: 98, temp: 36.7, weight: 77, height: 184 } },
];

function patientResource(p: DemoPatient, index: number): Patient {
  return {
    resourceType: 'Patient',
    id: p.id,
    meta: { tag: [{ system: 'https://helsekit.no/fhir/CodeSystem/demo', code: 'synthetic', display: 'Synthetic demo person' }] },
    identifier: [{ use: 'official', system: FNR_SYSTEM, value: fodselsnummer(p.birthDate, p.sex, { start: index * 37 + (p.birthDate < '2000' ? 0 : 500) }) }],
    active: true,
    name: [{ use: 'official', family: p.family, given: [p.given], text: `${p.given} ${p.family}` }],
    gender: p.sex,
    birthDate: p.birthDate,
    communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'nb-NO', display: 'Norsk bokmål' }] }, preferred: true }],
  };
}

// ---- questionnaires ------------------------------------------------------------------------------------

const FREQUENCY: Array<{ code: string; nb: string; value: number }> = [
  { code: 'LA6568-5', nb: 'Ikke i det hele tatt', value: 0 },
  { code: 'LA6569-3', nb: 'Flere dager', value: 1 },
  { code: 'LA6570-1', nb: 'Mer enn halvparten av dagene', value: 2 },
  { code: 'LA6571-9', nb: 'Nesten hver dag', value: 3 },
];

const frequencyOptions = FREQUENCY.map((f) => ({
  valueCoding: { system: LOINC, code: f.code, display: f.nb, extension: [{ url: ORDINAL, valueDecimal: f.value }] },
}));

const PHQ9_ITEMS: Array<[string, string]> = [
  ['44250-9', 'Lite interesse for eller glede av å gjøre ting'],
  ['44255-8', 'Følt deg nedfor, deprimert eller fylt av håpløshet'],
  ['44259-0', 'Problemer med å sovne, sove jevnt eller sovet for mye'],
  ['44254-1', 'Følt deg trett eller hatt lite energi'],
  ['44251-7', 'Dårlig matlyst eller overspising'],
  ['44258-2', 'Dårlig selvfølelse, eller følt at du er mislykket eller har sviktet deg selv eller familien'],
  ['44252-5', 'Problemer med å konsentrere deg, for eksempel når du leser avisen eller ser på TV'],
  ['44253-3', 'Beveget deg eller snakket så langsomt at andre kunne merke det, eller det motsatte: vært så urolig eller rastløs at du har beveget deg mye mer enn vanlig'],
  ['44260-8', 'Tanker om at du ville vært bedre tjent med å være død, eller om å skade deg selv på en eller annen måte'],
];

const GAD7_ITEMS: Array<[string, string]> = [
  ['69725-0', 'Følt deg nervøs, engstelig eller på tuppa'],
  ['68509-9', 'Ikke klart å slutte å bekymre deg eller kontrollere bekymringene dine'],
  ['69733-4', 'Bekymret deg for mye om forskjellige ting'],
  ['69734-2', 'Hatt vanskelig for å slappe av'],
  ['69735-9', 'Vært så rastløs at du har hatt vanskelig for å sitte stille'],
  ['69689-8', 'Blitt lett irritert eller sint'],
  ['69736-7', 'Følt deg redd, som om noe forferdelig kunne komme til å skje'],
];

function scaleQuestionnaire(id: string, url: string, title: string, panel: Coding, items: Array<[string, string]>, total: Coding, intro: string): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id,
    url,
    version: '1.0.0',
    name: id.toUpperCase().replace(/-/g, ''),
    title,
    status: 'active',
    subjectType: ['Patient'],
    code: [panel],
    item: [
      { linkId: 'intro', type: 'display', text: intro },
      ...items.map(([code, text], i): QuestionnaireItem => ({
        linkId: `q${i + 1}`,
        code: [{ system: LOINC, code, display: text }],
        text,
        type: 'choice',
        required: true,
        answerOption: frequencyOptions,
      })),
      { linkId: 'total', code: [total], text: 'Sum', type: 'integer', readOnly: true },
    ],
  };
}

const SHARED = {
  smoking: { system: LOINC, code: '72166-2', display: 'Tobacco smoking status' },
  alcohol: { system: LOINC, code: '11331-6', display: 'History of Alcohol use' },
  allergies: { system: SNOMED, code: '609328004', display: 'Allergic disposition' },
  height: { system: LOINC, code: '8302-2', display: 'Body height' },
  weight: { system: LOINC, code: '29463-7', display: 'Body weight' },
  medication: { system: LOINC, code: '10160-0', display: 'History of Medication use Narrative' },
} satisfies Record<string, Coding>;

const SMOKING_OPTIONS = [
  { system: SNOMED, code: '266919005', display: 'Har aldri røykt' },
  { system: SNOMED, code: '8517006', display: 'Tidligere røyker' },
  { system: SNOMED, code: '77176002', display: 'Røyker' },
].map((valueCoding) => ({ valueCoding }));

function sharedItems(prefix: string): QuestionnaireItem[] {
  return [
    { linkId: `${prefix}-smoking`, code: [SHARED.smoking], text: 'Røyker du?', type: 'choice', answerOption: SMOKING_OPTIONS },
    { linkId: `${prefix}-alcohol`, code: [SHARED.alcohol], text: 'Hvor ofte drikker du alkohol?', type: 'choice',
      answerOption: ['Aldri', 'Månedlig eller sjeldnere', '2–4 ganger i måneden', '2–3 ganger i uken', '4 ganger i uken eller mer'].map((v) => ({ valueString: v })) },
    { linkId: `${prefix}-allergies`, code: [SHARED.allergies], text: 'Har du allergier eller overfølsomhet (mat, medisiner, annet)?', type: 'boolean' },
    { linkId: `${prefix}-allergies-which`, text: 'Hvilke?', type: 'text', enableWhen: [{ question: `${prefix}-allergies`, operator: '=', answerBoolean: true }] },
    { linkId: `${prefix}-height`, code: [SHARED.height], text: 'Høyde (cm)', type: 'decimal',
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit', valueCoding: { system: UCUM, code: 'cm', display: 'cm' } }] },
    { linkId: `${prefix}-weight`, code: [SHARED.weight], text: 'Vekt (kg)', type: 'decimal',
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit', valueCoding: { system: UCUM, code: 'kg', display: 'kg' } }] },
    { linkId: `${prefix}-medication`, code: [SHARED.medication], text: 'Hvilke medisiner bruker du nå (også reseptfrie og kosttilskudd)?', type: 'text' },
  ];
}

function questionnaires(): Questionnaire[] {
  return [
    scaleQuestionnaire('phq-9', QUESTIONNAIRE_URLS.phq9, 'PHQ-9 – spørreskjema om depresjon',
      { system: LOINC, code: '44249-1', display: 'PHQ-9 quick depression assessment panel' }, PHQ9_ITEMS,
      { system: LOINC, code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' },
      'Hvor ofte har du vært plaget av følgende problemer i løpet av de siste 2 ukene?'),
    scaleQuestionnaire('gad-7', QUESTIONNAIRE_URLS.gad7, 'GAD-7 – spørreskjema om angst',
      { system: LOINC, code: '69737-5', display: 'Generalized anxiety disorder 7 item (GAD-7)' }, GAD7_ITEMS,
      { system: LOINC, code: '70274-6', display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]' },
      'Hvor ofte har du vært plaget av følgende problemer i løpet av de siste 2 ukene?'),
    {
      resourceType: 'Questionnaire', id: 'sykehus-forhandsskjema', url: QUESTIONNAIRE_URLS.hospitalPre, version: '1.0.0',
      name: 'SykehusForhandsskjema', title: 'Før timen på poliklinikken', status: 'active', subjectType: ['Patient'],
      item: [
        { linkId: 'reason', text: 'Hva ønsker du hjelp med ved denne timen?', type: 'text' },
        { linkId: 'health', text: 'Helseopplysninger', type: 'group', item: sharedItems('h') },
        { linkId: 'interpreter', text: 'Trenger du tolk?', type: 'boolean' },
      ],
    },
    {
      resourceType: 'Questionnaire', id: 'fastlege-helseopplysninger', url: QUESTIONNAIRE_URLS.gpForm, version: '1.0.0',
      name: 'FastlegeHelseopplysninger', title: 'Helseopplysninger til fastlegen', status: 'active', subjectType: ['Patient'],
      item: [
        { linkId: 'contact', text: 'Hva gjelder henvendelsen?', type: 'text' },
        { linkId: 'lifestyle', text: 'Levevaner og helse', type: 'group', item: sharedItems('g') },
        { linkId: 'family', text: 'Er det sykdommer som går igjen i familien?', type: 'text' },
      ],
    },
  ];
}

// ---- responses -----------------------------------------------------------------------------------------

function ref(p: DemoPatient) {
  return { reference: `Patient/${p.id}`, display: `${p.given} ${p.family}` };
}

function scaleResponse(
  q: Questionnaire,
  p: DemoPatient,
  authored: string,
  answers: number[],
  totalCode: Coding,
  scaleId: string,
): Array<QuestionnaireResponse | Observation> {
  const items = q.item!.filter((i) => i.type === 'choice');
  const total = answers.reduce((a, b) => a + b, 0);
  const responseId = `${scaleId}-${p.id}-${authored.slice(0, 10)}`;
  const response: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    id: responseId,
    questionnaire: q.url,
    status: 'completed',
    subject: ref(p),
    authored,
    source: ref(p),
    item: [
      ...items.map((item, i): QuestionnaireResponseItem => {
        const f = FREQUENCY[answers[i]!]!;
        return { linkId: item.linkId, text: item.text, answer: [{ valueCoding: { system: LOINC, code: f.code, display: f.nb } }] };
      }),
      { linkId: 'total', text: 'Sum', answer: [{ valueInteger: total }] },
    ],
  };
  const score: Observation = {
    resourceType: 'Observation',
    id: `${responseId}-score`,
    status: 'final',
    category: [{ coding: [{ system: OBS_CATEGORY, code: 'survey', display: 'Survey' }] }],
    code: { coding: [totalCode] },
    subject: ref(p),
    effectiveDateTime: authored,
    valueInteger: total,
    derivedFrom: [{ reference: `QuestionnaireResponse/${responseId}` }],
    // As @helsekit/core/scoring's buildPromObservation derives it: PHQ-9 item 9 (thoughts of self-harm) above 0
    // flags the patient whatever the total (CLINICAL.md section 3), so the flag travels with the total.
    ...(scaleId === 'phq9'
      ? { component: [{ code: { text: 'PHQ-9 item 9 (thoughts of self-harm) answered above 0' }, valueBoolean: (answers[8] ?? 0) > 0 }] }
      : {}),
  };
  return [response, score];
}

function sharedAnswers(prefix: string, p: DemoPatient, smoking: number, alcohol: string, allergy: string | undefined, medication: string): QuestionnaireResponseItem[] {
  const items: QuestionnaireResponseItem[] = [
    { linkId: `${prefix}-smoking`, answer: [{ valueCoding: SMOKING_OPTIONS[smoking]!.valueCoding }] },
    { linkId: `${prefix}-alcohol`, answer: [{ valueString: alcohol }] },
    { linkId: `${prefix}-allergies`, answer: [{ valueBoolean: allergy !== undefined }] },
  ];
  if (allergy !== undefined) items.push({ linkId: `${prefix}-allergies-which`, answer: [{ valueString: allergy }] });
  items.push(
    { linkId: `${prefix}-height`, answer: [{ valueDecimal: p.baseline.height }] },
    { linkId: `${prefix}-weight`, answer: [{ valueDecimal: p.baseline.weight }] },
    { linkId: `${prefix}-medication`, answer: [{ valueString: medication }] },
  );
  return items;
}

// ---- home measurements ---------------------------------------------------------------------------------

const vitalCategory = [{ coding: [{ system: OBS_CATEGORY, code: 'vital-signs', display: 'Vital Signs' }] }];

function quantity(value: number, unit: string, code: string) {
  return { value, unit, system: UCUM, code };
}

function vital(p: DemoPatient, id: string, when: string, codings: Coding[], text: string, value?: ReturnType<typeof quantity>, component?: ObservationComponent[]): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: vitalCategory,
    code: { coding: codings, text },
    subject: { reference: `Patient/${p.id}` },
    effectiveDateTime: when,
    ...(value ? { valueQuantity: value } : {}),
    ...(component ? { component } : {}),
  };
}

/** 0 at the start of the drift window, rising to 1 at the anchor. */
function ramp(dayIndex: number, days: number, startDaysBeforeEnd: number): number {
  const start = days - startDaysBeforeEnd;
  return dayIndex < start ? 0 : (dayIndex - start) / startDaysBeforeEnd;
}

function measurements(p: DemoPatient, index: number, anchor: Date, days: number): Observation[] {
  const rand = prng(0x4845_4c53 + index * 7919);
  const out: Observation[] = [];
  const b = p.baseline;
  const stopAfter = p.trend === 'stops' ? days - 21 : days;
  for (let day = 0; day < days; day++) {
    const date = new Date(anchor.getTime() - (days - day) * 86_400_000);
    // Morning reading between 07:00 and 09:00 local (UTC+1/+2 ignored: demo data in UTC).
    const morning = new Date(date.getTime() + (6 * 60 + Math.floor(rand() * 120)) * 60_000);
    const when = morning.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const missed = rand() < 0.06;
    if (day >= stopAfter || missed) continue;
    const ymd = when.slice(0, 10).replace(/-/g, '');
    let sys = b.sys + normal(rand) * 6;
    let dia = b.dia + normal(rand) * 4;
    let pulse = b.pulse + normal(rand) * 4;
    let spo2 = b.spo2 + normal(rand) * 0.8;
    let temp = b.temp + normal(rand) * 0.2;
    let weight = b.weight + normal(rand) * 0.3;
    if (p.trend === 'drift-red') {
      const r = ramp(day, days, 21);
      sys += r * 48 + (day > days - 5 ? 10 : 0); // ≥180 in the last days
      dia += r * 22;
      pulse += r * 10;
    } else if (p.trend === 'drift-yellow') {
      const r = ramp(day, days, 10);
      spo2 -= r * 3; // 94 → ~91: below the usual COPD target of 92
      pulse += r * 14;
      temp += r * 0.9;
    } else if (p.trend === 'weight-gain') {
      const r = ramp(day, days, 7);
      weight += r * 3.4; // > 2 kg in 3 days is a classic heart-failure alarm
      pulse += r * 22;
      spo2 -= r * 2;
    }
    const id = (kind: string) => `hm-${p.id}-${kind}-${ymd}`;
    out.push(
      vital(p, id('bp'), when, [{ system: LOINC, code: '85354-9', display: 'Blood pressure panel with all children optional' }], 'Blodtrykk', undefined, [
        { code: { coding: [{ system: LOINC, code: '8480-6', display: 'Systolic blood pressure' }] }, valueQuantity: quantity(round(sys), 'mmHg', 'mm[Hg]') },
        { code: { coding: [{ system: LOINC, code: '8462-4', display: 'Diastolic blood pressure' }] }, valueQuantity: quantity(round(dia), 'mmHg', 'mm[Hg]') },
      ]),
      vital(p, id('pulse'), when, [{ system: LOINC, code: '8867-4', display: 'Heart rate' }], 'Puls', quantity(round(pulse), 'slag/min', '/min')),
    );
    if (p.copd || p.trend === 'weight-gain' || day % 3 === 0) {
      out.push(vital(p, id('spo2'), when, [
        { system: LOINC, code: '2708-6', display: 'Oxygen saturation in Arterial blood' },
        { system: LOINC, code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry' },
      ], 'Oksygenmetning', quantity(Math.min(100, round(spo2)), '%', '%')));
    }
    if (p.copd || day % 7 === 0) {
      out.push(vital(p, id('temp'), when, [{ system: LOINC, code: '8310-5', display: 'Body temperature' }], 'Temperatur', quantity(round(temp, 1), '°C', 'Cel')));
    }
    if (p.trend === 'weight-gain' || day % 7 === 3) {
      out.push(vital(p, id('weight'), when, [{ system: LOINC, code: '29463-7', display: 'Body weight' }], 'Vekt', quantity(round(weight, 1), 'kg', 'kg')));
    }
  }
  return out;
}

// ---- seeding -------------------------------------------------------------------------------------------

export interface SeedOptions {
  /** The last day of measurements (default: today, UTC midnight; env HK_FHIR_SEED_ANCHOR=YYYY-MM-DD). */
  anchor?: Date;
  /** Days of home measurements (default 183). */
  days?: number;
}

export interface SeedSummary {
  anchor: string;
  counts: Record<string, number>;
  patients: Array<{ id: string; name: string; expected: string }>;
}

export function seedAnchor(): Date {
  const env = process.env['HK_FHIR_SEED_ANCHOR'];
  if (env && /^\d{4}-\d{2}-\d{2}$/.test(env)) return new Date(`${env}T00:00:00Z`);
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Every resource of the demo data set, with fixed ids. Pure: the same anchor gives the same resources. */
export function demoResources(options: SeedOptions = {}): Resource[] {
  const anchor = options.anchor ?? seedAnchor();
  const days = options.days ?? 183;
  const daysAgo = (n: number, hour = 10) => new Date(anchor.getTime() - n * 86_400_000 + hour * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const qs = questionnaires();
  const [phq9, gad7] = qs as [Questionnaire, Questionnaire];
  const phqTotal = { system: LOINC, code: '44261-6', display: 'PHQ-9 total score' };
  const gadTotal = { system: LOINC, code: '70274-6', display: 'GAD-7 total score' };
  const resources: Resource[] = [...DEMO_PATIENTS.map(patientResource), ...qs];
  const [kari, ola, ingrid, per, aisha, nils] = DEMO_PATIENTS as [DemoPatient, DemoPatient, DemoPatient, DemoPatient, DemoPatient, DemoPatient];

  // PROMs over time.
  resources.push(
    ...scaleResponse(phq9, aisha, daysAgo(120), [1, 1, 2, 1, 1, 0, 1, 0, 0], phqTotal, 'phq9'),
    ...scaleResponse(phq9, aisha, daysAgo(60), [2, 2, 2, 2, 1, 1, 1, 1, 0], phqTotal, 'phq9'),
    ...scaleResponse(phq9, aisha, daysAgo(25), [2, 3, 2, 3, 2, 2, 2, 1, 1], phqTotal, 'phq9'), // item 9 > 0: flagged
    ...scaleResponse(gad7, aisha, daysAgo(25), [2, 2, 3, 2, 1, 2, 2], gadTotal, 'gad7'),
    ...scaleResponse(phq9, ingrid, daysAgo(90), [0, 1, 1, 1, 0, 0, 0, 0, 0], phqTotal, 'phq9'),
    ...scaleResponse(gad7, ingrid, daysAgo(90), [1, 0, 1, 1, 0, 1, 0], gadTotal, 'gad7'),
    ...scaleResponse(phq9, nils, daysAgo(40), [1, 1, 1, 2, 1, 1, 1, 0, 0], phqTotal, 'phq9'),
    ...scaleResponse(gad7, nils, daysAgo(40), [2, 2, 2, 1, 1, 1, 1], gadTotal, 'gad7'),
    ...scaleResponse(phq9, kari, daysAgo(150), [0, 0, 1, 1, 0, 0, 0, 0, 0], phqTotal, 'phq9'),
  );

  // The hospital pre-consultation form, answered earlier: its coded answers can be offered again in the GP form.
  const pre = (p: DemoPatient, n: number, smoking: number, alcohol: string, allergy: string | undefined, medication: string, reason: string): QuestionnaireResponse => ({
    resourceType: 'QuestionnaireResponse',
    id: `pre-${p.id}-${daysAgo(n).slice(0, 10)}`,
    questionnaire: QUESTIONNAIRE_URLS.hospitalPre,
    status: 'completed',
    subject: ref(p),
    authored: daysAgo(n),
    source: ref(p),
    item: [
      { linkId: 'reason', answer: [{ valueString: reason }] },
      { linkId: 'health', item: sharedAnswers('h', p, smoking, alcohol, allergy, medication) },
      { linkId: 'interpreter', answer: [{ valueBoolean: false }] },
    ],
  });
  resources.push(
    pre(kari, 70, 1, 'Månedlig eller sjeldnere', 'Penicillin (utslett)', 'Amlodipin 5 mg 1x daglig', 'Kontroll av høyt blodtrykk'),
    pre(ola, 45, 1, '2–4 ganger i måneden', undefined, 'Spiriva inhalator, Ventoline ved behov', 'KOLS-kontroll'),
    pre(per, 30, 0, 'Aldri', 'Nøtter', 'Furosemid 40 mg, Metoprolol 50 mg, Ramipril 5 mg', 'Oppfølging hjertesvikt'),
  );

  // The GP form: completed by Nils, and an unfinished draft for Ingrid.
  const gpCompleted: QuestionnaireResponse = {
      resourceType: 'QuestionnaireResponse', id: `gp-${nils.id}-${daysAgo(12).slice(0, 10)}`,
      questionnaire: QUESTIONNAIRE_URLS.gpForm, status: 'completed', subject: ref(nils), authored: daysAgo(12), source: ref(nils),
      item: [
        { linkId: 'contact', answer: [{ valueString: 'Vondt i kneet etter fotball' }] },
        { linkId: 'lifestyle', item: sharedAnswers('g', nils, 0, '2–4 ganger i måneden', undefined, 'Ingen') },
      ],
  };
  const gpDraft: QuestionnaireResponse = {
      resourceType: 'QuestionnaireResponse', id: `gp-${ingrid.id}-draft`,
      questionnaire: QUESTIONNAIRE_URLS.gpForm, status: 'in-progress', subject: ref(ingrid), authored: daysAgo(2), source: ref(ingrid),
      item: [{ linkId: 'contact', answer: [{ valueString: 'Fornye resept' }] }],
  };
  resources.push(gpCompleted, gpDraft);

  DEMO_PATIENTS.forEach((p, i) => resources.push(...measurements(p, i, anchor, days)));
  return resources;
}

/** Load the demo data into a repository. */
export async function seed(repo: FhirRepository, options: SeedOptions = {}): Promise<SeedSummary> {
  const anchor = options.anchor ?? seedAnchor();
  const counts: Record<string, number> = {};
  for (const resource of demoResources({ ...options, anchor })) {
    await repo.createResource(resource as unknown as MedplumResource);
    counts[resource.resourceType] = (counts[resource.resourceType] ?? 0) + 1;
  }
  return {
    anchor: anchor.toISOString().slice(0, 10),
    counts,
    patients: DEMO_PATIENTS.map((p) => ({ id: p.id, name: `${p.given} ${p.family}`, expected: p.expected })),
  };
}
