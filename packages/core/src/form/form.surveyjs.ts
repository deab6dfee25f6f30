/**
 * SurveyJS JSON as a FHIR Questionnaire, so the form machine (pages, validation, review, the response) runs the
 * same for both kinds of input. Only what the flow needs is mapped: pages, panels, repeating panels, question types,
 * required, read-only and choices. Object-valued questions (matrix, multiple text) are kept as read-only string
 * items: survey-core checks them, the machine carries their answers as they are. Pure.
 */
import type { Questionnaire, QuestionnaireItem, QuestionnaireItemAnswerOption } from 'fhir/r4';
import type { ItemInfo } from '../fhir/item-index.js';

const PAGE = { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl', valueCodeableConcept: { coding: [{ code: 'page' }] } };

type Json = Record<string, unknown>;

const OBJECT_VALUED = new Set(['matrix', 'matrixdropdown', 'matrixdynamic', 'multipletext']);

function options(el: Json): QuestionnaireItemAnswerOption[] {
  const choices = Array.isArray(el.choices) ? el.choices : [];
  const out: QuestionnaireItemAnswerOption[] = [];
  for (const c of choices) {
    const value = c && typeof c === 'object' ? (c as Json).value : c;
    const text = c && typeof c === 'object' && typeof (c as Json).text === 'string' ? ((c as Json).text as string) : undefined;
    if (typeof value === 'number' && Number.isInteger(value)) out.push({ valueInteger: value });
    else if (typeof value === 'string' || typeof value === 'number') out.push({ valueCoding: { code: String(value), display: text ?? String(value) } });
  }
  return out;
}

function itemOf(el: Json, index: Map<string, ItemInfo>): QuestionnaireItem | undefined {
  const name = typeof el.name === 'string' ? el.name : '';
  const info = index.get(name);
  if (!info) return undefined;
  const type = typeof el.type === 'string' ? el.type : '';
  const base = { linkId: name, ...(info.text ? { text: info.text } : {}), ...(info.required ? { required: true } : {}), ...(info.readOnly ? { readOnly: true } : {}) };
  if (type === 'panel' || type === 'paneldynamic') {
    const children = (Array.isArray(el.elements) ? el.elements : Array.isArray(el.templateElements) ? el.templateElements : []) as Json[];
    const item = children.map((c) => itemOf(c, index)).filter((i): i is QuestionnaireItem => i !== undefined);
    return { ...base, type: 'group', ...(type === 'paneldynamic' ? { repeats: true } : {}), ...(item.length ? { item } : {}) };
  }
  if (type === 'html' || type === 'expression') return { linkId: name, type: 'display', ...(info.text ? { text: info.text } : {}) };
  if (OBJECT_VALUED.has(type) || !['text', 'comment', 'boolean', 'radiogroup', 'dropdown', 'checkbox', 'tagbox', 'rating', 'file', 'slider'].includes(type)) {
    return { ...base, type: 'string', readOnly: true };
  }
  if (type === 'text') {
    const input = typeof el.inputType === 'string' ? el.inputType : 'text';
    const t = input === 'number' || input === 'range' ? 'decimal' : input === 'date' ? 'date' : input === 'time' ? 'time' : input === 'datetime-local' ? 'dateTime' : 'string';
    return { ...base, type: t };
  }
  if (type === 'radiogroup' || type === 'dropdown' || type === 'checkbox' || type === 'tagbox') {
    const answerOption = options(el);
    return { ...base, type: 'choice', ...(info.repeats ? { repeats: true } : {}), ...(answerOption.length ? { answerOption } : {}) };
  }
  return { ...base, type: info.type as QuestionnaireItem['type'] };
}

/** A Questionnaire for SurveyJS JSON (`survey` as passed through by `questionnaireToSurvey`, `index` its index). */
export function questionnaireFromSurveyJson(survey: Json, index: Map<string, ItemInfo>, url = 'urn:helsekit:surveyjs'): Questionnaire {
  const pages = (Array.isArray(survey.pages) ? survey.pages : [{ name: 'page_1', elements: survey.elements ?? survey.questions ?? [] }]) as Json[];
  const paged = pages.length > 1;
  const used = new Set(index.keys());
  const item: QuestionnaireItem[] = [];
  pages.forEach((page, n) => {
    const els = (Array.isArray(page.elements) ? page.elements : Array.isArray(page.questions) ? page.questions : []) as Json[];
    const children = els.map((e) => itemOf(e, index)).filter((i): i is QuestionnaireItem => i !== undefined);
    if (!paged) {
      item.push(...children);
      return;
    }
    let linkId = typeof page.name === 'string' && page.name ? page.name : `page_${n + 1}`;
    while (used.has(linkId)) linkId = `${linkId}_page`;
    used.add(linkId);
    const title = typeof page.title === 'string' ? page.title : undefined;
    item.push({ linkId, type: 'group', extension: [PAGE], ...(title ? { text: title } : {}), ...(children.length ? { item: children } : {}) });
  });
  const title = typeof survey.title === 'string' ? survey.title : undefined;
  return { resourceType: 'Questionnaire', status: 'active', url, ...(title ? { title } : {}), ...(item.length ? { item } : {}) };
}
