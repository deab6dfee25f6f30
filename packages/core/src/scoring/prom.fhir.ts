import type {
  Coding as FhirCoding,
  Observation,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
  Reference,
} from 'fhir/r4';
import { prom as enProm } from '../i18n/catalogs/en/prom.js';
import { PROM_INSTRUMENTS, scoreProm, type ItemAnswer, type PromInstrument, type PromInstrumentId, type PromScore } from './prom.rules.js';

/**
 * How to find each item of an instrument in a QuestionnaireResponse: by linkId, or by the item's code
 * (the `QuestionnaireResponse.item` carries no code itself, so codes are matched against the
 * Questionnaire's item codes the caller passes, keyed by linkId).
 */
export type ItemLocator =
  | { readonly by: 'linkId'; readonly linkIds: readonly string[] }
  | {
      readonly by: 'code';
      /** One code per item, in item order. */
      readonly codes: readonly { readonly system?: string; readonly code: string }[];
      /** linkId → item codes, from the Questionnaire (`Questionnaire.item.code`). */
      readonly questionnaireCodes: ReadonlyMap<string, readonly FhirCoding[]> | Readonly<Record<string, readonly FhirCoding[]>>;
    };

export interface ReadAnswersOptions {
  /**
   * Score for a coded answer. Default: the `ordinalValue` / `itemWeight` extension on the valueCoding,
   * else the code itself when it is "0"–"3".
   */
  readonly answerScore?: (coding: FhirCoding) => number | undefined;
}

export interface ReadAnswersResult {
  /** Array in item order (index 0 = item 1); null where not answered. */
  readonly answers: readonly ItemAnswer[];
  /** Items found but whose answer could not be read as a number (reported, not thrown). */
  readonly unreadable: readonly { readonly item: number; readonly linkId: string }[];
}

const ORDINAL_EXTENSIONS = [
  'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  'http://hl7.org/fhir/StructureDefinition/itemWeight',
  'http://hl7.org/fhir/StructureDefinition/iso21090-CO-value',
];

function defaultAnswerScore(coding: FhirCoding): number | undefined {
  const ext = coding.extension?.find((e) => ORDINAL_EXTENSIONS.includes(e.url));
  if (ext?.valueDecimal !== undefined) return ext.valueDecimal;
  if (ext?.valueInteger !== undefined) return ext.valueInteger;
  if (coding.code !== undefined && /^[0-3]$/.test(coding.code)) return Number(coding.code);
  return undefined;
}

function* walk(items: readonly QuestionnaireResponseItem[] | undefined): Generator<QuestionnaireResponseItem> {
  for (const item of items ?? []) {
    yield item;
    yield* walk(item.item);
    for (const answer of item.answer ?? []) yield* walk(answer.item);
  }
}

function answerValue(answer: QuestionnaireResponseItemAnswer, score: (c: FhirCoding) => number | undefined): number | undefined {
  if (answer.valueInteger !== undefined) return answer.valueInteger;
  if (answer.valueDecimal !== undefined) return answer.valueDecimal;
  if (answer.valueCoding) return score(answer.valueCoding);
  if (answer.valueString !== undefined && /^[0-3]$/.test(answer.valueString.trim())) return Number(answer.valueString);
  return undefined;
}

function linkIdsFor(instrument: PromInstrument, locator: ItemLocator): (string | undefined)[] {
  if (locator.by === 'linkId') return Array.from({ length: instrument.itemCount }, (_, i) => locator.linkIds[i]);
  const entries: [string, readonly FhirCoding[]][] =
    locator.questionnaireCodes instanceof Map ? [...locator.questionnaireCodes] : Object.entries(locator.questionnaireCodes);
  return Array.from({ length: instrument.itemCount }, (_, i) => {
    const want = locator.codes[i];
    if (!want) return undefined;
    return entries.find(([, codes]) => codes.some((c) => c.code === want.code && (!want.system || c.system === want.system)))?.[0];
  });
}

/** Reads an instrument's item answers from a QuestionnaireResponse (R4), also inside groups. */
export function readPromAnswers(
  response: QuestionnaireResponse,
  instrumentOrId: PromInstrument | PromInstrumentId,
  locator: ItemLocator,
  options: ReadAnswersOptions = {},
): ReadAnswersResult {
  const instrument = typeof instrumentOrId === 'string' ? PROM_INSTRUMENTS[instrumentOrId] : instrumentOrId;
  const score = options.answerScore ?? defaultAnswerScore;
  const byLinkId = new Map<string, QuestionnaireResponseItem>();
  for (const item of walk(response.item)) if (!byLinkId.has(item.linkId)) byLinkId.set(item.linkId, item);
  const unreadable: { item: number; linkId: string }[] = [];
  const answers = linkIdsFor(instrument, locator).map((linkId, i): ItemAnswer => {
    const item = linkId === undefined ? undefined : byLinkId.get(linkId);
    const first = item?.answer?.[0];
    if (!item || !first) return null;
    const value = answerValue(first, score);
    if (value === undefined) {
      unreadable.push({ item: i + 1, linkId: item.linkId });
      return null;
    }
    return value;
  });
  return { answers, unreadable };
}

export interface PromObservationOptions {
  /** Reference to the stored QuestionnaireResponse (`derivedFrom`). */
  readonly response: Reference;
  readonly subject?: Reference;
  /** Defaults to the response's `authored`. */
  readonly effectiveDateTime?: string;
  readonly id?: string;
  /** Text of the band, localized by the caller (for example `messages.promBand(band)`); default: English. */
  readonly bandText?: string;
}


/**
 * Builds the derived Observation for a PROM score: category `survey`, the total with its LOINC code
 * (text only for PHQ-2/GAD-2, which have no code in CLINICAL.md), `derivedFrom` the response and the
 * band as interpretation text. Without a score: `dataAbsentReason` with the reason as text. PHQ-9 item 9
 * is carried as a component (text code, no LOINC item code shipped) so the flag survives without the total.
 */
export function buildPromObservation(score: PromScore, options: PromObservationOptions): Observation {
  const instrument = PROM_INSTRUMENTS[score.instrument];
  const code = instrument.total
    ? { coding: [{ ...instrument.total }], text: `${instrument.name} total score` }
    : { text: `${instrument.name} total score` };
  const obs: Observation = {
    resourceType: 'Observation',
    ...(options.id ? { id: options.id } : {}),
    status: 'final',
    category: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }],
      },
    ],
    code,
    ...(options.subject ? { subject: options.subject } : {}),
    derivedFrom: [options.response],
  };
  if (options.effectiveDateTime) obs.effectiveDateTime = options.effectiveDateTime;
  if (score.status === 'scored') {
    obs.valueInteger = score.total;
    obs.interpretation = [{ text: options.bandText ?? enProm.promBands[score.band] }];
    if (score.prorated) {
      obs.note = [
        {
          text: `Prorated: ${score.missingItems.length} item(s) missing (${score.missingItems.join(', ')}); mean of the ${score.answeredCount} answered items × ${instrument.itemCount}, rounded half up.`,
        },
      ];
    }
  } else {
    obs.dataAbsentReason = {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'error', display: 'Error' }],
      text: score.reason === 'tooManyMissing' ? `Not scored: ${score.missingItems.length} items missing` : 'Not scored: invalid answer',
    };
  }
  if (score.selfHarm) {
    obs.component = [
      {
        code: { text: 'PHQ-9 item 9 (thoughts of self-harm) answered above 0' },
        ...(score.selfHarm === 'unanswered'
          ? { dataAbsentReason: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'asked-unknown' }] } }
          : { valueBoolean: score.selfHarm === 'positive' }),
      },
    ];
  }
  return obs;
}

/** Reads and scores in one step, with the derived Observation. */
export function scoreQuestionnaireResponse(
  response: QuestionnaireResponse,
  instrumentOrId: PromInstrument | PromInstrumentId,
  locator: ItemLocator,
  options: ReadAnswersOptions & { readonly reference?: Reference } = {},
): { score: PromScore; observation: Observation; unreadable: ReadAnswersResult['unreadable'] } {
  const { answers, unreadable } = readPromAnswers(response, instrumentOrId, locator, options);
  const score = scoreProm(instrumentOrId, answers);
  const reference = options.reference ?? (response.id ? { reference: `QuestionnaireResponse/${response.id}` } : {});
  const observation = buildPromObservation(score, {
    response: reference,
    ...(response.subject ? { subject: response.subject } : {}),
    ...(response.authored ? { effectiveDateTime: response.authored } : {}),
  });
  return { score, observation, unreadable };
}
