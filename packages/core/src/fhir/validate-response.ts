import type { Questionnaire, QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem } from 'fhir/r4';
import { indexQuestionnaire } from './item-index.js';

const VALUE_KEYS = [
  'valueBoolean', 'valueDecimal', 'valueInteger', 'valueDate', 'valueDateTime', 'valueTime', 'valueString', 'valueUri',
  'valueAttachment', 'valueCoding', 'valueQuantity', 'valueReference',
] as const;

const ALLOWED: Record<string, readonly string[]> = {
  boolean: ['valueBoolean'],
  decimal: ['valueDecimal'],
  integer: ['valueInteger'],
  date: ['valueDate'],
  dateTime: ['valueDateTime', 'valueDate'],
  time: ['valueTime'],
  string: ['valueString'],
  text: ['valueString'],
  url: ['valueUri'],
  choice: ['valueCoding', 'valueString', 'valueInteger', 'valueDate', 'valueTime'],
  'open-choice': ['valueCoding', 'valueString', 'valueInteger', 'valueDate', 'valueTime'],
  attachment: ['valueAttachment'],
  reference: ['valueReference'],
  quantity: ['valueQuantity'],
};

const STATUSES = new Set(['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped']);

/**
 * Check a QuestionnaireResponse against the R4 structure rules that relate it to its Questionnaire: every linkId
 * exists, nesting mirrors the Questionnaire (group children under `item`, question children under `answer.item`),
 * siblings keep the Questionnaire's order, non-repeating items appear once, groups have no answers and questions no
 * `item` (qrs-1), display items are absent, one value[x] per answer of a type the item allows. Returns the
 * problems found (empty when the response is well formed). Enablement is not checked here.
 */
export function checkResponseStructure(q: Questionnaire, r: QuestionnaireResponse): string[] {
  const problems: string[] = [];
  if (r.resourceType !== 'QuestionnaireResponse') problems.push('resourceType is not QuestionnaireResponse');
  if (!STATUSES.has(r.status)) problems.push(`invalid status "${String(r.status)}"`);
  const { index } = indexQuestionnaire(q);
  const walk = (items: QuestionnaireResponseItem[] | undefined, allowed: QuestionnaireItem[], where: string) => {
    const order = new Map(allowed.map((it, i) => [it.linkId, i]));
    let last = -1;
    const seen = new Map<string, number>();
    for (const it of items ?? []) {
      const at = `${where}/${it.linkId}`;
      const pos = order.get(it.linkId);
      const info = index.get(it.linkId);
      if (pos === undefined || !info) {
        problems.push(`${at}: linkId not allowed here (not a child of ${where || 'the Questionnaire'})`);
        continue;
      }
      if (pos < last) problems.push(`${at}: out of Questionnaire order`);
      last = pos;
      seen.set(it.linkId, (seen.get(it.linkId) ?? 0) + 1);
      if (seen.get(it.linkId)! > 1 && !(info.type === 'group' && info.repeats)) problems.push(`${at}: non-repeating item appears more than once`);
      if (info.type === 'display') problems.push(`${at}: display items take no place in a response`);
      if (info.type === 'group') {
        if (it.answer?.length) problems.push(`${at}: a group has no answers`);
        walk(it.item, info.item.item ?? [], at);
        continue;
      }
      if (it.item?.length) problems.push(`${at}: a question's children belong under answer.item (qrs-1)`);
      if (!it.answer?.length) problems.push(`${at}: question without an answer`);
      if ((it.answer?.length ?? 0) > 1 && !info.repeats) problems.push(`${at}: several answers to a non-repeating question`);
      const allowedKeys = info.options.length > 0 && info.type !== 'choice' && info.type !== 'open-choice' ? ALLOWED[info.type] : ALLOWED[info.type];
      for (const a of it.answer ?? []) {
        const keys = VALUE_KEYS.filter((k) => (a as Record<string, unknown>)[k] !== undefined);
        if (keys.length !== 1) problems.push(`${at}: an answer needs exactly one value[x], has ${keys.length}`);
        for (const k of keys) if (!allowedKeys?.includes(k)) problems.push(`${at}: ${k} does not fit item type ${info.type}`);
        if (a.item) walk(a.item, info.item.item ?? [], at);
      }
    }
  };
  walk(r.item, q.item ?? [], '');
  return problems;
}
