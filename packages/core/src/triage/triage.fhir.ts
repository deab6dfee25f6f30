/**
 * A triage result as a FHIR R4 Bundle (CLINICAL.md section 1): the QuestionnaireResponse; one Observation per
 * positive red flag and per key finding; the disposition Observation (our own CodeSystem, `derivedFrom` the
 * response); a ServiceRequest (where and when) or, for self-care, a CarePlan. `toTriageTransaction` adds a Task
 * for the GP office inbox. No HL7 or Norwegian profile for a triage disposition exists, so ours is kept small.
 */
import type {
  Bundle,
  BundleEntry,
  CarePlan,
  CodeableConcept,
  Coding,
  FhirResource,
  Observation,
  Period,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
  Reference,
  ServiceRequest,
  Task,
} from 'fhir/r4';
import { localize } from './localized.js';
import {
  DONT_KNOW,
  type TriageAnswer,
  type Answers,
  type ContentLanguage,
  type Disposition,
  type LocalizedText,
  type Protocol,
  type Question,
  type TriagePerson,
} from './protocol.types.js';
import { allRedFlags, pruneAnswers, type Decision, type RedFlagAnswers } from './triage.rules.js';

export const FHIR_BASE = 'https://helsekit.no/fhir';
export const DISPOSITION_CODE_SYSTEM = `${FHIR_BASE}/CodeSystem/triage-disposition`;
/** Codes for what our Observations are about: `disposition`, `red-flag`, `finding`. */
export const TRIAGE_OBSERVATION_CODE_SYSTEM = `${FHIR_BASE}/CodeSystem/triage-observation`;
/** Red-flag and question codes: `<protocol id>/<item id>` (general red flags: `general/<id>`). */
export const TRIAGE_FINDING_CODE_SYSTEM = `${FHIR_BASE}/CodeSystem/triage-finding`;
export const PERFORMER_TYPE_CODE_SYSTEM = `${FHIR_BASE}/CodeSystem/triage-performer-type`;
export const ADMIN_SERVICE_CODE_SYSTEM = `${FHIR_BASE}/CodeSystem/admin-service`;
const YES_NO_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0136';
const DATA_ABSENT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';

/** The Questionnaire canonical a protocol stands for (versioned). */
export function questionnaireCanonical(protocol: Pick<Protocol, 'id' | 'version'>): string {
  return `${FHIR_BASE}/Questionnaire/triage-${protocol.id}|${protocol.version}`;
}

export function optionCodeSystem(protocol: Pick<Protocol, 'id'>): string {
  return `${FHIR_BASE}/CodeSystem/triage-option/${protocol.id}`;
}

/** CLINICAL.md section 1: stat / asap / urgent / routine. Self-care has no ServiceRequest. */
export const SERVICE_REQUEST_PRIORITY: Readonly<Record<Exclude<Disposition, 'self-care'>, ServiceRequest['priority']>> = {
  'call-113': 'stat',
  'call-116117': 'asap',
  'gp-same-day': 'urgent',
  'gp-appointment': 'routine',
  'e-consultation': 'routine',
  'admin-service': 'routine',
};

export const PERFORMER_TYPE: Readonly<Record<Exclude<Disposition, 'self-care'>, Coding>> = {
  'call-113': { system: PERFORMER_TYPE_CODE_SYSTEM, code: 'amk', display: 'AMK (medisinsk nødmeldetjeneste, 113)' },
  'call-116117': { system: PERFORMER_TYPE_CODE_SYSTEM, code: 'legevakt', display: 'Legevakt (116117)' },
  'gp-same-day': { system: PERFORMER_TYPE_CODE_SYSTEM, code: 'fastlege', display: 'Fastlegekontor' },
  'gp-appointment': { system: PERFORMER_TYPE_CODE_SYSTEM, code: 'fastlege', display: 'Fastlegekontor' },
  'e-consultation': { system: PERFORMER_TYPE_CODE_SYSTEM, code: 'fastlege', display: 'Fastlegekontor' },
  'admin-service': { system: PERFORMER_TYPE_CODE_SYSTEM, code: 'fastlege', display: 'Fastlegekontor' },
};

export const DISPOSITION_DISPLAY: Readonly<Record<Disposition, string>> = {
  'call-113': 'Ring 113',
  'call-116117': 'Ring legevakt 116117',
  'gp-same-day': 'Kontakt fastlegekontoret i dag',
  'gp-appointment': 'Bestill vanlig time hos fastlegen',
  'e-consultation': 'Send e-konsultasjon',
  'self-care': 'Egenbehandling med råd',
  'admin-service': 'Administrativ tjeneste',
};

/**
 * When the contact should happen, counted from the result. These windows are ours (no public standard gives
 * them) and are overridable: 113 and 116117 at once; same day until 23:59 Oslo time; e-consultation within
 * 5 days; ordinary appointment and admin within 14 days.
 */
export function occurrencePeriod(disposition: Exclude<Disposition, 'self-care'>, now: Date): Period {
  const start = now.toISOString();
  const plus = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const minute = 60_000;
  const day = 24 * 60 * minute;
  switch (disposition) {
    case 'call-113':
      return { start, end: plus(15 * minute) };
    case 'call-116117':
      return { start, end: plus(2 * 60 * minute) };
    case 'gp-same-day':
      return { start, end: endOfDayInOslo(now) };
    case 'e-consultation':
      return { start, end: plus(5 * day) };
    default:
      return { start, end: plus(14 * day) };
  }
}

/** 23:59:59 of the same calendar day in Europe/Oslo, with the offset that day has. */
export function endOfDayInOslo(now: Date): string {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const offsetName =
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', timeZoneName: 'longOffset' })
      .formatToParts(now)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const offset = offsetName === 'GMT' ? '+00:00' : offsetName.replace('GMT', '');
  return `${date}T23:59:59${offset}`;
}

export interface TriageResult {
  protocol: Protocol;
  redFlagAnswers: RedFlagAnswers;
  answers: Answers;
  decision: Decision;
  /** Who it is about and who answered; the who-for answers are also among `answers`. */
  person?: TriagePerson | null;
  /** "Noe annet": the person's own words, kept as text. */
  description?: string;
}

/** `QuestionnaireResponse.source` when someone answers for another person (no identified RelatedPerson yet). */
export const ANSWERED_FOR_ANOTHER: Reference = {
  type: 'RelatedPerson',
  display: 'Svart av en annen person på vegne av pasienten (pårørende eller omsorgsperson)',
};

export interface TriageBundleOptions {
  /** The person; a Reference with only `display` when nobody is identified (subject is required in FHIR). */
  subject?: Reference;
  /** The GP office whose inbox the Task goes to (Task.owner). */
  gpOffice?: Reference;
  /** Language of the texts in the Bundle (default `nb`). */
  language?: ContentLanguage;
  now?: Date;
  /** Id source, for tests; default `crypto.randomUUID()`. */
  uuid?: () => string;
}

interface Built {
  entries: Array<{ fullUrl: string; resource: FhirResource }>;
  focus: { fullUrl: string; resource: ServiceRequest | CarePlan };
  priority: Task['priority'];
  description: string;
}

const concept = (coding: Coding, text?: string): CodeableConcept => ({ coding: [coding], ...(text ? { text } : {}) });
const yesNoCoding = (value: 'yes' | 'no' | typeof DONT_KNOW): Coding =>
  value === DONT_KNOW
    ? { system: DATA_ABSENT_SYSTEM, code: 'asked-unknown', display: 'Vet ikke' }
    : { system: YES_NO_SYSTEM, code: value === 'yes' ? 'Y' : 'N', display: value === 'yes' ? 'Ja' : 'Nei' };

const UCUM_DURATION = { hours: 'h', days: 'd', weeks: 'wk' } as const;

function answerItems(protocol: Protocol, question: Question, value: TriageAnswer, lang: ContentLanguage): QuestionnaireResponseItemAnswer[] {
  if (value === DONT_KNOW) return [{ valueCoding: yesNoCoding(DONT_KNOW) }];
  switch (question.kind) {
    case 'yes-no-dontknow':
      return [{ valueCoding: yesNoCoding(value as 'yes' | 'no') }];
    case 'single-choice':
    case 'multi-choice': {
      const values = Array.isArray(value) ? value : [String(value)];
      return values.map((v) => ({
        valueCoding: {
          system: optionCodeSystem(protocol),
          code: v,
          display: localize(question.options.find((o) => o.value === v)?.label ?? { nb: v, nn: v, en: v }, lang).text,
        },
      }));
    }
    case 'number':
      return [{ valueQuantity: { value: Number(value), unit: localize(question.unitLabel, lang).text, system: 'http://unitsofmeasure.org', code: question.unit } }];
    case 'duration':
      return [{ valueQuantity: { value: Number(value), unit: question.unit, system: 'http://unitsofmeasure.org', code: UCUM_DURATION[question.unit] } }];
    case 'age':
      return [{ valueQuantity: { value: Number(value), unit: 'år', system: 'http://unitsofmeasure.org', code: 'a' } }];
  }
}

function findingCode(protocol: Protocol, itemId: string, text: LocalizedText, lang: ContentLanguage): CodeableConcept {
  const code = itemId.startsWith('general-') ? `general/${itemId}` : `${protocol.id}/${itemId}`;
  const display = localize(text, lang).text;
  return concept({ system: TRIAGE_FINDING_CODE_SYSTEM, code, display }, display);
}

function build(result: TriageResult, options: TriageBundleOptions): Built {
  const { protocol, decision } = result;
  const lang = options.language ?? 'nb';
  const now = options.now ?? new Date();
  const authored = now.toISOString();
  const uuid = options.uuid ?? (() => crypto.randomUUID());
  const subject: Reference = options.subject ?? { display: 'Innbygger (ikke identifisert)' };
  const entries: Built['entries'] = [];
  const add = <T extends FhirResource>(resource: T): { fullUrl: string; ref: Reference; resource: T } => {
    const id = uuid();
    const withId = { ...resource, id } as T;
    const fullUrl = `urn:uuid:${id}`;
    entries.push({ fullUrl, resource: withId });
    return { fullUrl, ref: { reference: fullUrl }, resource: withId };
  };
  const category = [concept({ system: OBSERVATION_CATEGORY_SYSTEM, code: 'survey', display: 'Survey' })];

  // QuestionnaireResponse: the red-flag screen as one group, then the questions that were asked.
  const flags = allRedFlags(protocol);
  const flagItems: QuestionnaireResponseItem[] = flags
    .filter((f) => result.redFlagAnswers[f.id] !== undefined)
    .map((f) => ({ linkId: f.id, text: localize(f.text, lang).text, answer: [{ valueCoding: yesNoCoding(result.redFlagAnswers[f.id]!) }] }));
  const answers = pruneAnswers(protocol, result.answers);
  const questionItems: QuestionnaireResponseItem[] = protocol.questions
    .filter((q) => answers[q.id] !== undefined)
    .map((q) => ({ linkId: q.id, text: localize(q.text, lang).text, answer: answerItems(protocol, q, answers[q.id]!, lang) }));
  // "Noe annet": the person's own words, as text only.
  const descriptionItems: QuestionnaireResponseItem[] = result.description
    ? [{ linkId: 'description', text: 'Beskrivelse med egne ord', answer: [{ valueString: result.description }] }]
    : [];
  // Who answered: the person themselves (source = subject), or someone on their behalf.
  const source = result.person?.who === 'other' ? ANSWERED_FOR_ANOTHER : result.person?.who === 'self' ? subject : undefined;
  const qr = add<QuestionnaireResponse>({
    resourceType: 'QuestionnaireResponse',
    questionnaire: questionnaireCanonical(protocol),
    status: 'completed',
    subject,
    authored,
    ...(source ? { source } : {}),
    item: [...descriptionItems, { linkId: 'red-flags', item: flagItems }, ...questionItems].filter((i) => !i.item || i.item.length > 0),
  });

  // One Observation per positive red flag ("vet ikke" counts, as it did for the decision) and per key finding.
  const findingRefs: Reference[] = [];
  for (const f of flags) {
    const value = result.redFlagAnswers[f.id];
    if (value !== 'yes' && value !== DONT_KNOW) continue;
    findingRefs.push(
      add<Observation>({
        resourceType: 'Observation',
        status: 'final',
        category,
        code: findingCode(protocol, f.id, f.text, lang),
        subject,
        effectiveDateTime: authored,
        valueCodeableConcept: concept(yesNoCoding(value)),
        derivedFrom: [qr.ref],
      }).ref,
    );
  }
  for (const q of protocol.questions) {
    const value = answers[q.id];
    if (!q.keyFinding || value === undefined) continue;
    const observation: Observation = {
      resourceType: 'Observation',
      status: 'final',
      category,
      code: findingCode(protocol, q.id, q.text, lang),
      subject,
      effectiveDateTime: authored,
      derivedFrom: [qr.ref],
    };
    const items = answerItems(protocol, q, value, lang);
    if (q.kind === 'multi-choice' && value !== DONT_KNOW) {
      // A CodeableConcept's codings must mean the same thing, so each selected option is a component.
      observation.component = items.map((a) => ({ code: concept(a.valueCoding!), valueBoolean: true }));
      if (items.length === 0) observation.valueString = '—';
    } else if (items[0]?.valueQuantity) observation.valueQuantity = items[0].valueQuantity;
    else if (items[0]?.valueCoding) observation.valueCodeableConcept = concept(items[0].valueCoding);
    findingRefs.push(add(observation).ref);
  }

  const content = protocol.dispositions[decision.disposition];
  const reasonText = reasonInWords(result, lang);
  const dispositionObs = add<Observation>({
    resourceType: 'Observation',
    status: 'final',
    category,
    code: concept({ system: TRIAGE_OBSERVATION_CODE_SYSTEM, code: 'disposition', display: 'Triage disposition' }),
    subject,
    effectiveDateTime: authored,
    valueCodeableConcept: concept({ system: DISPOSITION_CODE_SYSTEM, code: decision.disposition, display: DISPOSITION_DISPLAY[decision.disposition] }),
    derivedFrom: [qr.ref, ...findingRefs],
    ...(reasonText ? { note: [{ text: reasonText }] } : {}),
  });

  const supportingInfo = [qr.ref, dispositionObs.ref, ...findingRefs];
  const advice = content ? localize(content.advice, lang).text : '';
  const safetyNet = content ? localize(content.safetyNet, lang).text : '';

  if (decision.disposition === 'self-care') {
    const carePlan = add<CarePlan>({
      resourceType: 'CarePlan',
      status: 'active',
      intent: 'plan',
      title: localize(protocol.title, lang).text,
      description: advice,
      subject,
      created: authored,
      supportingInfo,
      activity: [{ detail: { status: 'not-started', description: advice } }],
      note: safetyNet ? [{ text: safetyNet }] : [],
    });
    return { entries, focus: { fullUrl: carePlan.fullUrl, resource: carePlan.resource }, priority: 'routine', description: advice };
  }

  const disposition = decision.disposition;
  const code: CodeableConcept =
    disposition === 'admin-service'
      ? concept({ system: ADMIN_SERVICE_CODE_SYSTEM, code: content?.target ?? 'other' }, localize(protocol.title, lang).text)
      : concept({ system: DISPOSITION_CODE_SYSTEM, code: disposition, display: DISPOSITION_DISPLAY[disposition] }, DISPOSITION_DISPLAY[disposition]);
  const serviceRequest = add<ServiceRequest>({
    resourceType: 'ServiceRequest',
    status: 'active',
    // A recommendation from a self-triage, not a clinician's order.
    intent: 'proposal',
    priority: SERVICE_REQUEST_PRIORITY[disposition],
    code,
    ...(content?.consultationType ? { orderDetail: [{ text: content.consultationType }] } : {}),
    subject,
    authoredOn: authored,
    occurrencePeriod: occurrencePeriod(disposition, now),
    performerType: concept(PERFORMER_TYPE[disposition]),
    reasonReference: findingRefs.length > 0 ? findingRefs : undefined,
    supportingInfo,
    ...(advice ? { patientInstruction: advice } : {}),
  });
  if (!serviceRequest.resource.reasonReference) delete serviceRequest.resource.reasonReference;
  return {
    entries,
    focus: { fullUrl: serviceRequest.fullUrl, resource: serviceRequest.resource },
    priority: SERVICE_REQUEST_PRIORITY[disposition],
    description: `${DISPOSITION_DISPLAY[disposition]}: ${localize(protocol.title, lang).text}`,
  };
}

/** The reason as one plain sentence for the GP record (the view has the structured form). */
export function reasonInWords(result: TriageResult, lang: ContentLanguage): string {
  const { decision, protocol } = result;
  const reason = decision.reason;
  switch (reason.kind) {
    case 'red-flag': {
      // Every positive red flag, the most urgent first (the order of the reason).
      const flags = allRedFlags(protocol);
      return reason.redFlagIds
        .flatMap((id) => flags.filter((f) => f.id === id))
        .map((f) => localize(f.text, lang).text)
        .join(' ');
    }
    case 'rule': {
      const rule = protocol.rules.find((r) => r.id === reason.ruleId);
      return rule ? localize(rule.reason, lang).text : '';
    }
    default:
      return '';
  }
}

/** The result as a `collection` Bundle (for the `triage.completed` event and for display). */
export function toTriageBundle(result: TriageResult, options: TriageBundleOptions = {}): Bundle {
  const built = build(result, options);
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: (options.now ?? new Date()).toISOString(),
    entry: built.entries.map(({ fullUrl, resource }) => ({ fullUrl, resource })),
  };
}

/**
 * The same as a `transaction` with a Task for the GP office inbox (Task.focus is the ServiceRequest or CarePlan).
 * Resources carry no `id`: the server assigns them and rewrites the urn:uuid references.
 */
export function toTriageTransaction(result: TriageResult, options: TriageBundleOptions = {}): Bundle {
  const built = build(result, options);
  const uuid = options.uuid ?? (() => crypto.randomUUID());
  const now = (options.now ?? new Date()).toISOString();
  const task: Task = {
    resourceType: 'Task',
    status: 'requested',
    intent: 'order',
    priority: built.priority,
    code: { text: 'Vurder selvtriage' },
    description: built.description,
    focus: { reference: built.focus.fullUrl },
    for: built.focus.resource.subject,
    authoredOn: now,
    ...(options.gpOffice ? { owner: options.gpOffice } : {}),
  };
  const entries: BundleEntry[] = [...built.entries, { fullUrl: `urn:uuid:${uuid()}`, resource: task }].map(({ fullUrl, resource }) => {
    const { id: _id, ...withoutId } = resource as FhirResource & { id?: string };
    return { fullUrl, resource: withoutId as FhirResource, request: { method: 'POST', url: (resource as FhirResource).resourceType } };
  });
  return { resourceType: 'Bundle', type: 'transaction', timestamp: now, entry: entries };
}
