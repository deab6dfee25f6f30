import type { CodeableConcept, Observation, Questionnaire, QuestionnaireResponse, QuestionnaireResponseItem, QuestionnaireResponseItemAnswer } from 'fhir/r4';
import { fail, guard, ok, type Result } from './errors.js';
import { readJsonInput, resolveLimits, type InputLimits } from './input.js';
import { EXT, findExtensions, indexQuestionnaire, type ItemInfo } from './item-index.js';
import type { MappingIssue } from './questionnaire-to-survey.js';

const SURVEY_CATEGORY: CodeableConcept = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }],
};

function categories(q: Questionnaire, info: ItemInfo, index: Map<string, ItemInfo>): CodeableConcept[] {
  // nearest definition wins: the item, then its ancestors, then the Questionnaire
  for (const linkId of [info.linkId, ...[...info.ancestors].reverse()]) {
    const found = findExtensions(index.get(linkId)?.item, EXT.observationExtractCategory).map((e) => e.valueCodeableConcept).filter((c): c is CodeableConcept => !!c);
    if (found.length) return found;
  }
  const root = findExtensions(q, EXT.observationExtractCategory).map((e) => e.valueCodeableConcept).filter((c): c is CodeableConcept => !!c);
  return root.length ? root : [SURVEY_CATEGORY];
}

function observationValue(info: ItemInfo, a: QuestionnaireResponseItemAnswer): Partial<Observation> | string {
  if (a.valueCoding) return { valueCodeableConcept: { coding: [a.valueCoding], ...(a.valueCoding.display ? { text: a.valueCoding.display } : {}) } };
  if (a.valueQuantity) return { valueQuantity: a.valueQuantity };
  if (typeof a.valueDecimal === 'number') {
    const u = info.unit;
    return { valueQuantity: { value: a.valueDecimal, ...(u ? { unit: u.display ?? u.code, system: u.system, code: u.code } : {}) } };
  }
  if (typeof a.valueInteger === 'number') return { valueInteger: a.valueInteger };
  if (typeof a.valueBoolean === 'boolean') return { valueBoolean: a.valueBoolean };
  if (typeof a.valueString === 'string') return { valueString: a.valueString };
  if (typeof a.valueUri === 'string') return { valueString: a.valueUri };
  if (typeof a.valueDate === 'string') return { valueDateTime: a.valueDate };
  if (typeof a.valueDateTime === 'string') return { valueDateTime: a.valueDateTime };
  if (typeof a.valueTime === 'string') return { valueTime: a.valueTime };
  return 'answer type cannot be an Observation value';
}

export interface ExtractOptions {
  limits?: Partial<InputLimits>;
  /** Observation.status; default 'final' (use 'preliminary' for an in-progress response). */
  status?: Observation['status'];
}

/**
 * SDC Observation-based extraction: one Observation per answer of every item with
 * `sdc-questionnaire-observationExtract` = true (on the item, inherited from an ancestor or from the Questionnaire).
 * code = item.code, category from `observation-extract-category` (default `survey`), subject and performer from the
 * response, effectiveDateTime = authored, derivedFrom = the response (needs `response.id`). Never throws.
 */
export function extractObservations(questionnaire: unknown, response: unknown, options: ExtractOptions = {}): Result<{ observations: Observation[]; issues: MappingIssue[] }> {
  return guard(() => {
    const limits = resolveLimits(options.limits);
    const qRead = readJsonInput(questionnaire, limits);
    if (!qRead.ok) return qRead;
    if (qRead.value.resourceType !== 'Questionnaire') return fail('not-a-questionnaire');
    const rRead = readJsonInput(response, limits);
    if (!rRead.ok) return rRead;
    if (rRead.value.resourceType !== 'QuestionnaireResponse') return fail('not-a-questionnaire-response');
    const q = qRead.value as unknown as Questionnaire;
    const r = rRead.value as unknown as QuestionnaireResponse;
    const { index } = indexQuestionnaire(q);
    const issues: MappingIssue[] = [];
    const observations: Observation[] = [];
    if (!r.id) issues.push({ linkId: '', severity: 'warning', reason: 'the response has no id: derivedFrom is not set' });
    const walk = (items: QuestionnaireResponseItem[] | undefined) => {
      for (const it of items ?? []) {
        const info = it && index.get(it.linkId);
        if (!info) continue;
        if (info.observationExtract && info.type !== 'group' && it.answer?.length) {
          if (info.code.length === 0) issues.push({ linkId: info.linkId, severity: 'warning', reason: 'marked for extraction but has no code: no Observation' });
          else {
            for (const a of it.answer) {
              const value = observationValue(info, a);
              if (typeof value === 'string') {
                issues.push({ linkId: info.linkId, severity: 'warning', reason: value });
                continue;
              }
              const obs: Observation = {
                resourceType: 'Observation',
                status: options.status ?? 'final',
                category: categories(q, info, index),
                code: { coding: info.code.map((c) => ({ ...c })), ...(info.text ? { text: info.text } : {}) },
                ...value,
              };
              if (r.subject) obs.subject = r.subject;
              if (r.encounter) obs.encounter = r.encounter;
              if (r.authored) {
                obs.effectiveDateTime = r.authored;
                obs.issued = r.authored.includes('T') ? r.authored : undefined;
                if (!obs.issued) delete obs.issued;
              }
              const performer = r.source ?? r.author;
              if (performer) obs.performer = [performer];
              if (r.id) obs.derivedFrom = [{ reference: `QuestionnaireResponse/${r.id}` }];
              observations.push(obs);
            }
          }
        }
        walk(it.item);
        for (const a of it.answer ?? []) walk(a.item);
      }
    };
    walk(r.item);
    return ok({ observations, issues });
  });
}
