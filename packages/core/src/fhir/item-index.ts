import type { Coding, Element, Extension, Questionnaire, QuestionnaireItem } from 'fhir/r4';

/** Extension URLs we read. */
export const EXT = {
  translation: 'http://hl7.org/fhir/StructureDefinition/translation',
  renderingXhtml: 'http://hl7.org/fhir/StructureDefinition/rendering-xhtml',
  renderingMarkdown: 'http://hl7.org/fhir/StructureDefinition/rendering-markdown',
  renderingStyle: 'http://hl7.org/fhir/StructureDefinition/rendering-style',
  itemControl: 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl',
  hidden: 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden',
  entryFormat: 'http://hl7.org/fhir/StructureDefinition/entryFormat',
  unit: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit',
  unitOption: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption',
  minValue: 'http://hl7.org/fhir/StructureDefinition/minValue',
  maxValue: 'http://hl7.org/fhir/StructureDefinition/maxValue',
  minLength: 'http://hl7.org/fhir/StructureDefinition/minLength',
  regex: 'http://hl7.org/fhir/StructureDefinition/regex',
  maxDecimalPlaces: 'http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces',
  sliderStepValue: 'http://hl7.org/fhir/StructureDefinition/questionnaire-sliderStepValue',
  ordinalValue: 'http://hl7.org/fhir/StructureDefinition/ordinalValue',
  itemWeight: 'http://hl7.org/fhir/StructureDefinition/itemWeight',
  optionPrefix: 'http://hl7.org/fhir/StructureDefinition/questionnaire-optionPrefix',
  choiceOrientation: 'http://hl7.org/fhir/StructureDefinition/questionnaire-choiceOrientation',
  displayCategory: 'http://hl7.org/fhir/StructureDefinition/questionnaire-displayCategory',
  supportLink: 'http://hl7.org/fhir/StructureDefinition/questionnaire-supportLink',
  observationExtract: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract',
  observationExtractCategory:
    'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observation-extract-category',
  calculatedExpression: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression',
  enableWhenExpression: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression',
  initialExpression: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-initialExpression',
  answerExpression: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-answerExpression',
  variable: 'http://hl7.org/fhir/StructureDefinition/variable',
  cqfExpression: 'http://hl7.org/fhir/StructureDefinition/cqf-expression',
  launchContext: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-launchContext',
  itemPopulationContext: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-itemPopulationContext',
  observationLinkPeriod: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationLinkPeriod',
  shortText: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-shortText',
} as const;

/**
 * Locales of content. FHIR `translation` languages are mapped onto survey-core locale codes:
 * `nb`, `nb-NO`, `no`, `no-NO` → `nb`; `nn`, `nn-NO` → `nn`; `se`, `se-NO`, `sme` → `se`; `en`, `en-*` → `en`.
 * The item's own `text` is the `default` string. Other languages are kept under their primary subtag.
 */
export type ContentLocale = 'nb' | 'nn' | 'en' | 'se';
export type LocalizedText = string | ({ default: string } & Partial<Record<string, string>>);

export function mapLanguageCode(code: string): string {
  const lower = code.trim().toLowerCase().replace('_', '-');
  const primary = lower.split('-')[0] ?? lower;
  if (primary === 'nb' || primary === 'no' || primary === 'nob') return 'nb';
  if (primary === 'nn' || primary === 'nno') return 'nn';
  if (primary === 'se' || primary === 'sme') return 'se';
  if (primary === 'en' || primary === 'eng') return 'en';
  return primary;
}

export function findExtension(el: { extension?: Extension[] } | undefined, url: string): Extension | undefined {
  return el?.extension?.find((e) => e?.url === url);
}

export function findExtensions(el: { extension?: Extension[] } | undefined, url: string): Extension[] {
  return el?.extension?.filter((e) => e?.url === url) ?? [];
}

/** Build a localizable string from a FHIR string and its `_text`-style primitive extension element. */
export function localizedText(text: string | undefined, element: Element | undefined): LocalizedText | undefined {
  const translations = findExtensions(element, EXT.translation);
  if (translations.length === 0) return text;
  const out: { default: string } & Record<string, string> = { default: text ?? '' };
  for (const t of translations) {
    const lang = findExtension(t, 'lang')?.valueCode;
    const content = findExtension(t, 'content')?.valueString;
    if (lang && typeof content === 'string') out[mapLanguageCode(lang)] = content;
  }
  // fallback chains as for the UI (DESIGN 7): nn → nb, se → nb, when the default text is not Norwegian
  if (out.nb !== undefined) {
    out.nn ??= out.nb;
    out.se ??= out.nb;
  }
  return out;
}

export function plainText(t: LocalizedText | undefined): string {
  if (t === undefined) return '';
  return typeof t === 'string' ? t : t.default;
}

export interface AnswerOptionInfo {
  /** The value used in survey-core and in answer data for this option. */
  key: string | number;
  text: LocalizedText;
  coding?: Coding;
  valueString?: string;
  valueInteger?: number;
  valueDate?: string;
  valueTime?: string;
  initialSelected: boolean;
  /** Ordinal/score (SDC ordinalValue or itemWeight), for scoring. */
  score?: number;
}

export interface ItemInfo {
  linkId: string;
  /** Name of the survey-core element (linkId made safe for survey-core expressions and data paths). */
  name: string;
  type: QuestionnaireItem['type'];
  text: string;
  parentLinkId?: string;
  /** linkIds of all ancestors, outermost first. */
  ancestors: string[];
  /** linkIds of the repeating groups this item sits in, outermost first (not itself). */
  repeatingGroups: string[];
  repeats: boolean;
  required: boolean;
  readOnly: boolean;
  hidden: boolean;
  code: Coding[];
  unit?: Coding;
  options: AnswerOptionInfo[];
  /** Observation extraction applies (on the item, an ancestor, or the Questionnaire). */
  observationExtract: boolean;
  item: QuestionnaireItem;
}

export const KNOWN_ITEM_TYPES = new Set([
  'group', 'display', 'boolean', 'decimal', 'integer', 'date', 'dateTime', 'time', 'string', 'text', 'url',
  'choice', 'open-choice', 'attachment', 'reference', 'quantity', 'question',
]);

export const QUESTION_TYPES = new Set([
  'boolean', 'decimal', 'integer', 'date', 'dateTime', 'time', 'string', 'text', 'url', 'choice', 'open-choice',
  'attachment', 'reference', 'quantity',
]);

export function itemControlCode(item: QuestionnaireItem): string | undefined {
  const cc = findExtension(item, EXT.itemControl)?.valueCodeableConcept;
  return cc?.coding?.find((c) => typeof c.code === 'string')?.code;
}

export function isHidden(item: QuestionnaireItem): boolean {
  return findExtension(item, EXT.hidden)?.valueBoolean === true;
}

function extractFlag(el: { extension?: Extension[] }): boolean | undefined {
  const e = findExtension(el, EXT.observationExtract);
  return e ? e.valueBoolean === true : undefined;
}

export function safeName(linkId: string, used: Set<string>): string {
  let base = linkId.replace(/[^A-Za-z0-9_-]/g, '_');
  if (!/^[A-Za-z_]/.test(base)) base = `q_${base}`;
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
  used.add(name);
  return name;
}

/** Resolve `answerValueSet` "#id" against contained ValueSets: expansion first, then compose.include.concept. */
export function containedValueSetCodings(q: Questionnaire, ref: string): Array<{ coding: Coding; text: LocalizedText | undefined }> | undefined {
  if (!ref.startsWith('#')) return undefined;
  const id = ref.slice(1);
  const vs = q.contained?.find((r) => r?.resourceType === 'ValueSet' && r.id === id);
  if (!vs || vs.resourceType !== 'ValueSet') return undefined;
  const out: Array<{ coding: Coding; text: LocalizedText | undefined }> = [];
  if (vs.expansion?.contains?.length) {
    const walk = (list: NonNullable<NonNullable<typeof vs.expansion>['contains']>) => {
      for (const c of list) {
        if (c.code) out.push({ coding: { system: c.system, code: c.code, display: c.display }, text: c.display });
        if (c.contains) walk(c.contains);
      }
    };
    walk(vs.expansion.contains);
    return out;
  }
  for (const inc of vs.compose?.include ?? []) {
    for (const c of inc.concept ?? []) {
      const text = localizedText(c.display, (c as { _display?: Element })._display) ?? c.code;
      // concept.designation with a language is another way to carry translations
      let t: LocalizedText | undefined = text;
      const designations = (c.designation ?? []).filter((d) => d.language && d.value);
      if (designations.length > 0) {
        const obj: { default: string } & Record<string, string> = typeof text === 'string' || text === undefined ? { default: text ?? c.code } : { ...text };
        for (const d of designations) obj[mapLanguageCode(d.language!)] = d.value;
        t = obj;
      }
      out.push({ coding: { system: inc.system, code: c.code, display: c.display }, text: t });
    }
  }
  return out;
}

function ordinal(el: { extension?: Extension[] } | undefined): number | undefined {
  const e = findExtension(el, EXT.ordinalValue) ?? findExtension(el, EXT.itemWeight);
  return typeof e?.valueDecimal === 'number' ? e.valueDecimal : undefined;
}

/** The answer options of an item, each with the key used in survey data. */
export function answerOptions(q: Questionnaire, item: QuestionnaireItem): { options: AnswerOptionInfo[]; problems: string[] } {
  const problems: string[] = [];
  const options: AnswerOptionInfo[] = [];
  if (item.answerOption?.some((o) => findExtension(o._valueString, EXT.renderingXhtml) || findExtension((o.valueCoding as { _display?: Element } | undefined)?._display, EXT.renderingXhtml))) {
    problems.push('rendering-xhtml on answer options ignored: the plain text is shown');
  }
  if (item.answerOption?.length) {
    const codes = item.answerOption.map((o) => o.valueCoding?.code).filter((c): c is string => !!c);
    const codesUnique = new Set(codes).size === codes.length;
    for (const o of item.answerOption) {
      const initialSelected = o.initialSelected === true;
      if (o.valueCoding) {
        const c = o.valueCoding;
        if (!c.code) {
          problems.push('answerOption valueCoding without code is skipped');
          continue;
        }
        const key = codesUnique ? c.code : `${c.system ?? ''}|${c.code}`;
        const text = localizedText(c.display, (c as { _display?: Element })._display) ?? c.code;
        options.push({ key, text, coding: { system: c.system, code: c.code, display: c.display }, initialSelected, score: ordinal(c) ?? ordinal(o) });
      } else if (typeof o.valueString === 'string') {
        options.push({ key: o.valueString, text: localizedText(o.valueString, o._valueString) ?? o.valueString, valueString: o.valueString, initialSelected, score: ordinal(o) });
      } else if (typeof o.valueInteger === 'number') {
        options.push({ key: o.valueInteger, text: String(o.valueInteger), valueInteger: o.valueInteger, initialSelected, score: ordinal(o) });
      } else if (typeof o.valueDate === 'string') {
        options.push({ key: o.valueDate, text: o.valueDate, valueDate: o.valueDate, initialSelected });
      } else if (typeof o.valueTime === 'string') {
        options.push({ key: o.valueTime, text: o.valueTime, valueTime: o.valueTime, initialSelected });
      } else if (o.valueReference) {
        problems.push('answerOption valueReference is not supported and is skipped');
      } else {
        problems.push('answerOption without a value is skipped');
      }
    }
  } else if (item.answerValueSet) {
    const resolved = containedValueSetCodings(q, item.answerValueSet);
    if (!resolved) {
      problems.push(`answerValueSet ${item.answerValueSet.startsWith('#') ? 'refers to a missing contained ValueSet' : 'is external (needs a terminology server); no options offered'}`);
    } else {
      const codes = resolved.map((r) => r.coding.code);
      const codesUnique = new Set(codes).size === codes.length;
      for (const r of resolved) {
        options.push({ key: codesUnique ? r.coding.code! : `${r.coding.system ?? ''}|${r.coding.code}`, text: r.text ?? r.coding.code!, coding: r.coding, initialSelected: false });
      }
    }
  }
  return { options, problems };
}

export interface IndexResult {
  index: Map<string, ItemInfo>;
  /** Structural problems found while indexing, per linkId. */
  problems: Array<{ linkId: string; code: 'missing-link-id' | 'duplicate-link-id' | 'unknown-item-type'; reason: string }>;
  /** linkIds that sit on an enableWhen cycle. */
  cycle: string[] | undefined;
}

const indexed = new WeakMap<Questionnaire, IndexResult>();

/**
 * `indexQuestionnaire` once per Questionnaire object, for the steps that each need the index of the form being
 * filled in (conversion, expressions, the form's pages and rules): a form is read once and not changed after.
 */
export function indexOnce(q: Questionnaire): IndexResult {
  let result = indexed.get(q);
  if (!result) indexed.set(q, (result = indexQuestionnaire(q)));
  return result;
}

/** Walk the item tree (iteratively) and build linkId → ItemInfo. */
export function indexQuestionnaire(q: Questionnaire): IndexResult {
  const index = new Map<string, ItemInfo>();
  const problems: IndexResult['problems'] = [];
  const used = new Set<string>();
  const rootExtract = extractFlag(q) === true;
  type Frame = { item: QuestionnaireItem; parent?: ItemInfo; extract: boolean };
  const stack: Frame[] = [...(q.item ?? [])].reverse().map((item) => ({ item, extract: rootExtract }));
  let anon = 0;
  while (stack.length > 0) {
    const { item, parent, extract } = stack.pop()!;
    if (!item || typeof item !== 'object') continue;
    let linkId = item.linkId;
    if (typeof linkId !== 'string' || linkId === '') {
      linkId = `__missing_${++anon}`;
      problems.push({ linkId, code: 'missing-link-id', reason: 'item has no linkId' });
    } else if (index.has(linkId)) {
      problems.push({ linkId, code: 'duplicate-link-id', reason: 'linkId used by more than one item; the later one is skipped' });
      // its descendants go with it: say so for each, nothing is dropped silently
      const below = [...(item.item ?? [])];
      while (below.length > 0) {
        const d = below.pop()!;
        if (!d || typeof d !== 'object') continue;
        problems.push({ linkId: String(d.linkId), code: 'duplicate-link-id', reason: `left out: an ancestor uses the duplicate linkId "${linkId}"` });
        below.push(...(d.item ?? []));
      }
      continue;
    }
    if (!KNOWN_ITEM_TYPES.has(item.type)) {
      problems.push({ linkId, code: 'unknown-item-type', reason: `unknown item type "${String(item.type)}"` });
    }
    const ownExtract = extractFlag(item);
    const doExtract = ownExtract ?? extract;
    const unitExt = findExtension(item, EXT.unit)?.valueCoding;
    const info: ItemInfo = {
      linkId,
      name: safeName(linkId, used),
      type: item.type,
      text: item.text ?? '',
      parentLinkId: parent?.linkId,
      ancestors: parent ? [...parent.ancestors, parent.linkId] : [],
      repeatingGroups: parent ? (parent.type === 'group' && parent.repeats ? [...parent.repeatingGroups, parent.linkId] : parent.repeatingGroups) : [],
      repeats: item.repeats === true,
      required: item.required === true,
      readOnly: item.readOnly === true,
      hidden: isHidden(item),
      code: item.code ?? [],
      unit: unitExt,
      options: item.type !== 'group' && item.type !== 'display' ? answerOptions(q, item).options : [],
      observationExtract: doExtract,
      item,
    };
    index.set(linkId, info);
    const children = item.item ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ item: children[i]!, parent: info, extract: doExtract });
  }
  return { index, problems, cycle: findEnableWhenCycle(index) };
}

/**
 * An item depends on the questions its enableWhen names and on its parent (a disabled parent disables children).
 * A cycle in that graph makes enablement undefined; return one cycle, or undefined.
 */
export function findEnableWhenCycle(index: Map<string, ItemInfo>): string[] | undefined {
  const deps = (info: ItemInfo): string[] => {
    const out = (info.item.enableWhen ?? []).map((c) => c.question).filter((l) => index.has(l));
    if (info.parentLinkId) out.push(info.parentLinkId);
    return out;
  };
  const state = new Map<string, 1 | 2>(); // 1 = on stack, 2 = done
  for (const start of index.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    const stack: Array<{ id: string; next: string[]; i: number }> = [{ id: start, next: deps(index.get(start)!), i: 0 }];
    state.set(start, 1);
    path.push(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.i >= top.next.length) {
        state.set(top.id, 2);
        stack.pop();
        path.pop();
        continue;
      }
      const n = top.next[top.i++]!;
      const s = state.get(n);
      if (s === 1) return [...path.slice(path.indexOf(n)), n];
      if (s === undefined) {
        state.set(n, 1);
        path.push(n);
        stack.push({ id: n, next: deps(index.get(n)!), i: 0 });
      }
    }
  }
  return undefined;
}

/** survey-core holds an array for this item (checkbox or tagbox: a repeating item with options, or a check-box control). */
export function isArrayValued(info: ItemInfo): boolean {
  return info.options.length > 0 && (info.repeats || itemControlCode(info.item) === 'check-box');
}
