/**
 * Fill once, reuse: which earlier answers may be offered for the items of a Questionnaire. Pure.
 *
 * An earlier answer matches an item when
 * - it answers an item with the same `code` (same system and code) in another Questionnaire (its Questionnaire
 *   must be given in `questionnaires`, as a QuestionnaireResponse does not carry item codes), or an Observation
 *   has that code; or
 * - it answers the same linkId in a response to the same Questionnaire canonical (the `|version` is ignored).
 *
 * Newest first: the most recent matching answer inside the item's freshness window wins. The window is the item's
 * SDC `observationLinkPeriod` (a Duration), else `defaultFreshness` (12 months by default). The boundary is
 * inclusive: an answer given exactly 12 months ago is still offered, one second older is not.
 *
 * Only completed or amended responses without the `no-reuse` tag, and final, amended or corrected Observations
 * are used. Items that are hidden, read-only, calculated, groups, display items, attachments, or inside repeating
 * groups are never prefilled. A value that does not fit the item (another type, an option the item does not have,
 * another unit) is skipped and the next older match is tried.
 */
import type { Coding, Duration, Observation, Questionnaire, QuestionnaireResponse, QuestionnaireResponseItem, QuestionnaireResponseItemAnswer } from 'fhir/r4';
import type { AnswerValue } from '../fhir/answers.js';
import { EXT, findExtension, indexQuestionnaire, type ItemInfo } from '../fhir/item-index.js';
import { toAnswer } from '../fhir/questionnaire-response.js';
import { allowsReuse, DEFAULT_FRESHNESS, HK, isHiddenItem, itemIndex } from './form.rules.js';
import type { Freshness, PrefillOffer, PrefillOrigin } from './form.types.js';

export interface ReuseSource {
  responses: readonly QuestionnaireResponse[];
  observations?: readonly Observation[];
  /** Questionnaires of the earlier responses, by canonical URL (without `|version`). */
  questionnaires?: Readonly<Record<string, Questionnaire>>;
  /** Epoch ms. */
  now: number;
  defaultFreshness?: Freshness;
}

type RawValue = Pick<
  QuestionnaireResponseItemAnswer,
  'valueBoolean' | 'valueDecimal' | 'valueInteger' | 'valueDate' | 'valueDateTime' | 'valueTime' | 'valueString' | 'valueUri' | 'valueCoding' | 'valueQuantity'
>;

interface Candidate {
  canonical?: string;
  linkId?: string;
  codes: Coding[];
  values: RawValue[];
  date: string;
  time: number;
  origin: PrefillOrigin;
}

export const canonicalOf = (url: string | undefined): string | undefined => (url ? url.split('|')[0] : undefined);

const UNIT_ALIASES: Record<string, Freshness['unit']> = {
  a: 'a', year: 'a', years: 'a', yr: 'a',
  mo: 'mo', month: 'mo', months: 'mo',
  wk: 'wk', week: 'wk', weeks: 'wk',
  d: 'd', day: 'd', days: 'd',
  h: 'h', hour: 'h', hours: 'h',
  min: 'min', minute: 'min', minutes: 'min',
};

/** The item's `observationLinkPeriod`, when it is a usable Duration. */
export function freshnessOf(item: { extension?: Array<{ url: string; valueDuration?: Duration }> }): Freshness | undefined {
  const d = findExtension(item as Parameters<typeof findExtension>[0], EXT.observationLinkPeriod)?.valueDuration;
  if (!d || typeof d.value !== 'number' || !(d.value >= 0)) return undefined;
  const unit = UNIT_ALIASES[(d.code ?? d.unit ?? '').toLowerCase()];
  return unit ? { value: d.value, unit } : undefined;
}

/** The earliest moment (epoch ms) still inside `period` before `now`. Months and years are calendar months (UTC). */
export function windowStart(now: number, period: Freshness): number {
  const d = new Date(now);
  switch (period.unit) {
    case 'a':
      d.setUTCFullYear(d.getUTCFullYear() - period.value);
      return d.getTime();
    case 'mo':
      d.setUTCMonth(d.getUTCMonth() - period.value);
      return d.getTime();
    case 'wk':
      return now - period.value * 7 * 86_400_000;
    case 'd':
      return now - period.value * 86_400_000;
    case 'h':
      return now - period.value * 3_600_000;
    case 'min':
      return now - period.value * 60_000;
  }
}

/** True when `date` (FHIR date or dateTime) lies inside the window before `now` (inclusive; not in the future). */
export function isFresh(date: string, now: number, period: Freshness): boolean {
  const t = Date.parse(date);
  return Number.isFinite(t) && t >= windowStart(now, period) && t <= now;
}

function sameCoding(a: Coding, b: Coding): boolean {
  return typeof a.code === 'string' && a.code === b.code && (a.system ?? '') === (b.system ?? '');
}

/** An earlier raw answer as a value of `info`, or undefined when it does not fit. */
export function valueForItem(info: ItemInfo, raw: RawValue): AnswerValue | undefined {
  let v: AnswerValue | undefined;
  const choice = info.type === 'choice' || info.type === 'open-choice';
  if (raw.valueCoding) {
    const c = raw.valueCoding;
    if (!choice) return undefined;
    const opt = info.options.find((o) => o.coding?.code === c.code && (!o.coding?.system || !c.system || o.coding.system === c.system));
    v = opt ? opt.key : info.type === 'open-choice' || info.options.length === 0 ? { ...c } : undefined;
  } else if (raw.valueQuantity && typeof raw.valueQuantity.value === 'number') {
    const q = raw.valueQuantity;
    const unitCode = q.code ?? q.unit;
    const itemUnit = info.unit?.code ?? info.unit?.display;
    if (itemUnit && unitCode && itemUnit !== unitCode) return undefined;
    if (info.type === 'quantity') v = { value: q.value!, ...(q.unit ? { unit: q.unit } : {}), ...(q.system ? { system: q.system } : {}), ...(q.code ? { code: q.code } : {}) };
    else if (info.type === 'decimal' || info.type === 'integer') v = q.value!;
  } else if (choice) {
    const prim = raw.valueString ?? raw.valueInteger ?? raw.valueDate ?? raw.valueTime;
    if (prim !== undefined) {
      const opt = info.options.find((o) => o.valueString === prim || o.valueInteger === prim || o.valueDate === prim || o.valueTime === prim);
      v = opt ? opt.key : typeof prim === 'string' && info.type === 'open-choice' ? prim : undefined;
    }
  } else if (raw.valueDateTime !== undefined && info.type === 'date') {
    v = raw.valueDateTime.slice(0, 10);
  } else if (raw.valueDate !== undefined && info.type === 'dateTime') {
    v = raw.valueDate;
  } else {
    for (const x of [raw.valueBoolean, raw.valueDecimal, raw.valueInteger, raw.valueDate, raw.valueDateTime, raw.valueTime, raw.valueString, raw.valueUri]) {
      if (x !== undefined) {
        v = x;
        break;
      }
    }
  }
  if (v === undefined) return undefined;
  return typeof toAnswer(info, v) === 'string' ? undefined : v;
}

function responseOrigin(r: QuestionnaireResponse, questionnaires: Readonly<Record<string, Questionnaire>>): PrefillOrigin {
  const canonical = canonicalOf(r.questionnaire);
  const title = r._questionnaire?.extension?.find((e) => e.url === HK.display)?.valueString ?? (canonical ? questionnaires[canonical]?.title : undefined);
  const recipient = r.extension?.find((e) => e.url === HK.recipient)?.valueReference?.display;
  const authorRef = r.author?.reference ?? '';
  const authorIsService = /^(Organization|Practitioner|PractitionerRole)\//.test(authorRef);
  const organization = recipient ?? (authorIsService ? r.author?.display : undefined);
  return {
    kind: 'response',
    ...(title ? { questionnaireTitle: title } : {}),
    ...(organization ? { organization } : {}),
    ...(r.authored ? { date: r.authored } : {}),
    ...(r.id ? { reference: `QuestionnaireResponse/${r.id}` } : {}),
  };
}

function collectResponseItems(items: QuestionnaireResponseItem[] | undefined, earlier: Map<string, ItemInfo> | undefined, out: Array<{ linkId: string; answers: QuestionnaireResponseItemAnswer[] }>): void {
  for (const it of items ?? []) {
    if (!it || typeof it.linkId !== 'string') continue;
    const info = earlier?.get(it.linkId);
    if (info?.type === 'group' && info.repeats) continue; // instances of repeating groups are not reused
    if (it.answer && it.answer.length > 0) out.push({ linkId: it.linkId, answers: it.answer });
    for (const a of it.answer ?? []) collectResponseItems(a.item, earlier, out);
    collectResponseItems(it.item, earlier, out);
  }
}

function candidates(source: ReuseSource): Candidate[] {
  const questionnaires = source.questionnaires ?? {};
  const out: Candidate[] = [];
  const responsesById = new Map<string, QuestionnaireResponse>();
  for (const r of source.responses) {
    if (!r || r.resourceType !== 'QuestionnaireResponse') continue;
    if (r.status !== 'completed' && r.status !== 'amended') continue;
    if (!allowsReuse(r) || !r.authored) continue;
    if (r.id) responsesById.set(r.id, r);
    const time = Date.parse(r.authored);
    if (!Number.isFinite(time)) continue;
    const canonical = canonicalOf(r.questionnaire);
    const earlierQ = canonical ? questionnaires[canonical] : undefined;
    const earlierIndex = earlierQ ? indexQuestionnaire(earlierQ).index : undefined;
    const origin = responseOrigin(r, questionnaires);
    const items: Array<{ linkId: string; answers: QuestionnaireResponseItemAnswer[] }> = [];
    collectResponseItems(r.item, earlierIndex, items);
    for (const it of items) {
      const info = earlierIndex?.get(it.linkId);
      if (info && (info.repeatingGroups.length > 0 || info.hidden)) continue;
      out.push({ canonical, linkId: it.linkId, codes: info?.code ?? [], values: it.answers, date: r.authored, time, origin });
    }
  }
  for (const o of source.observations ?? []) {
    if (!o || o.resourceType !== 'Observation') continue;
    if (o.status !== 'final' && o.status !== 'amended' && o.status !== 'corrected') continue;
    if (!allowsReuse(o)) continue;
    const date = o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.effectiveInstant ?? o.issued;
    if (!date) continue;
    const time = Date.parse(date);
    if (!Number.isFinite(time)) continue;
    const value: RawValue = {};
    if (o.valueQuantity) value.valueQuantity = o.valueQuantity;
    else if (o.valueCodeableConcept?.coding?.[0]) value.valueCoding = o.valueCodeableConcept.coding[0];
    else if (o.valueBoolean !== undefined) value.valueBoolean = o.valueBoolean;
    else if (o.valueInteger !== undefined) value.valueInteger = o.valueInteger;
    else if (o.valueString !== undefined) value.valueString = o.valueString;
    else if (o.valueDateTime !== undefined) value.valueDateTime = o.valueDateTime;
    else if (o.valueTime !== undefined) value.valueTime = o.valueTime;
    else continue;
    const fromId = o.derivedFrom?.find((d) => d.reference?.startsWith('QuestionnaireResponse/'))?.reference?.split('/')[1];
    const from = fromId ? responsesById.get(fromId) : undefined;
    const base = from ? responseOrigin(from, questionnaires) : undefined;
    const organization = base?.organization ?? o.performer?.find((p) => p.display)?.display;
    out.push({
      codes: o.code?.coding ?? [],
      values: [value],
      date,
      time,
      origin: {
        kind: 'observation',
        ...(base?.questionnaireTitle ? { questionnaireTitle: base.questionnaireTitle } : {}),
        ...(organization ? { organization } : {}),
        date,
        ...(o.id ? { reference: `Observation/${o.id}` } : {}),
      },
    });
  }
  // newest first; responses before Observations of the same moment (they carry the form's title)
  return out.sort((a, b) => b.time - a.time);
}

/**
 * Offers for the items of `questionnaire`, one per item at most, newest matching answer first.
 * Nothing here is an answer yet: the machine shows each offer and the person keeps, changes or clears it.
 */
export function findReusableAnswers(questionnaire: Questionnaire, source: ReuseSource): PrefillOffer[] {
  const index = itemIndex(questionnaire);
  const canonical = canonicalOf(questionnaire.url);
  const all = candidates(source);
  const defaultWindow = source.defaultFreshness ?? DEFAULT_FRESHNESS;
  const offers: PrefillOffer[] = [];
  for (const info of index.values()) {
    if (info.type === 'group' || info.type === 'display' || info.type === 'attachment' || info.type === 'reference') continue;
    if (info.readOnly || info.repeatingGroups.length > 0 || isHiddenItem(index, info.linkId)) continue;
    if (findExtension(info.item, EXT.calculatedExpression)) continue;
    const period = freshnessOf(info.item as Parameters<typeof freshnessOf>[0]) ?? defaultWindow;
    for (const c of all) {
      const sameItem = canonical !== undefined && c.canonical === canonical && c.linkId === info.linkId;
      const sameCode = info.code.some((mine) => c.codes.some((theirs) => sameCoding(mine, theirs)));
      if (!sameItem && !sameCode) continue;
      if (!isFresh(c.date, source.now, period)) continue;
      const values = c.values.map((raw) => valueForItem(info, raw)).filter((v): v is AnswerValue => v !== undefined);
      if (values.length === 0 || values.length !== c.values.length) continue;
      offers.push({ linkId: info.linkId, value: info.repeats ? values : values[0]!, origin: c.origin });
      break;
    }
  }
  return offers;
}
