import type { Element, Extension, Questionnaire, QuestionnaireItem, QuestionnaireItemEnableWhen, QuestionnaireItemInitial } from 'fhir/r4';
import { fail, guard, ok, type Result } from './errors.js';
import { readJsonInput, resolveLimits, type InputLimits } from './input.js';
import {
  EXT,
  KNOWN_ITEM_TYPES,
  answerOptions,
  findExtension,
  indexOnce,
  isArrayValued,
  itemControlCode,
  localizedText,
  plainText,
  type ItemInfo,
  type LocalizedText,
} from './item-index.js';
import type { AnswerValue } from './answers.js';

/** survey-core JSON (the object given to `new Model(json)`). */
export type SurveyJSON = { [key: string]: unknown };
export type SurveyElementJSON = { [key: string]: unknown };

export interface MappingIssue {
  /** linkId of the item, or '' for the Questionnaire itself. */
  linkId: string;
  reason: string;
  /** `error`: the item is left out or behaves differently; `warning`: shown, but a feature is lost; `info`: a note. */
  severity: 'error' | 'warning' | 'info';
}

export interface ConversionResult {
  survey: SurveyJSON;
  issues: MappingIssue[];
  index: Map<string, ItemInfo>;
  /** What the input was. */
  source: 'fhir' | 'surveyjs';
  /** The FHIR Questionnaire (undefined for SurveyJS input). */
  questionnaire?: Questionnaire;
  /** The Questionnaire uses SDC expressions (evaluate them with `fhir/expressions`). */
  hasExpressions: boolean;
}

export interface ConvertOptions {
  limits?: Partial<InputLimits>;
}

/** Custom survey-core properties the converter writes; `survey/` registers them with `Serializer.addProperty`. */
export const CUSTOM_PROPERTIES = ['hkLinkId', 'hkItemType', 'hkCode', 'hkUnit', 'hkPrefix', 'hkRepeats', 'hkHidden', 'hkText'] as const;

/** Longest visibleIf we generate; longer chains fall back to the item's own conditions (reported). */
const MAX_EXPRESSION_LENGTH = 4000;

/** Extensions the converter (or the expression engine, or extraction) understands; others are reported. */
const HANDLED_ITEM_EXTENSIONS = new Set<string>([
  EXT.itemControl, EXT.hidden, EXT.entryFormat, EXT.unit, EXT.unitOption, EXT.minValue, EXT.maxValue, EXT.minLength,
  EXT.regex, EXT.maxDecimalPlaces, EXT.sliderStepValue, EXT.observationExtract, EXT.observationExtractCategory,
  EXT.calculatedExpression, EXT.enableWhenExpression, EXT.initialExpression, EXT.variable, EXT.shortText,
  EXT.choiceOrientation, EXT.displayCategory,
]);
const HANDLED_ROOT_EXTENSIONS = new Set<string>([EXT.observationExtract, EXT.observationExtractCategory, EXT.variable, EXT.launchContext]);
const EXPRESSION_EXTENSIONS = [EXT.calculatedExpression, EXT.enableWhenExpression, EXT.initialExpression, EXT.variable];

/** Escape text for survey-core's `html` property: display items are plain text, never markup. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A survey-core expression literal. survey-core strings are single-quoted and only `\'` is an escape; a backslash
 * is otherwise literal, so a value with a backslash (or a line break) cannot be written safely: undefined.
 */
export function surveyLiteral(v: string | number | boolean): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (/[\\\r\n\u2028\u2029]/.test(v)) return undefined;
  return `'${v.replace(/'/g, "\\'")}'`;
}

function localizeMap(t: LocalizedText, f: (s: string) => string): LocalizedText {
  if (typeof t === 'string') return f(t);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(t)) if (typeof v === 'string') out[k] = f(v);
  return out as LocalizedText;
}

function descendants(item: QuestionnaireItem): string[] {
  const out: string[] = [];
  const stack = [...(item.item ?? [])];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (!i || typeof i !== 'object') continue;
    out.push(String(i.linkId));
    stack.push(...(i.item ?? []));
  }
  return out;
}

class Converter {
  readonly issues: MappingIssue[] = [];
  constructor(
    readonly q: Questionnaire,
    readonly index: Map<string, ItemInfo>,
  ) {}

  issue(linkId: string, severity: MappingIssue['severity'], reason: string): void {
    this.issues.push({ linkId, severity, reason });
  }

  text(linkId: string, text: string | undefined, el: Element | undefined): LocalizedText | undefined {
    if (findExtension(el, EXT.renderingXhtml)) this.issue(linkId, 'info', 'rendering-xhtml ignored: the plain text is shown');
    if (findExtension(el, EXT.renderingMarkdown)) this.issue(linkId, 'info', 'rendering-markdown ignored: the plain text is shown');
    return localizedText(text, el);
  }

  /** survey-core reference to a question's value as seen from `from` (undefined when survey-core cannot say it). */
  ref(target: ItemInfo, from: ItemInfo): string | undefined {
    const t = target.repeatingGroups;
    const f = from.repeatingGroups;
    const isPrefix = t.every((g, i) => f[i] === g);
    if (!isPrefix) return undefined;
    if (t.length === 0) return `{${target.name}}`;
    if (t.length === f.length) return `{panel.${target.name}}`;
    if (t.length === f.length - 1) return `{parentPanel.${target.name}}`;
    return undefined;
  }

  condition(c: QuestionnaireItemEnableWhen, target: ItemInfo, from: ItemInfo): string | undefined {
    const ref = this.ref(target, from);
    if (!ref) return undefined;
    // a repeating primitive is a list of {value} rows in survey-core: conditions on it are not expressible
    if (target.repeats && target.options.length === 0 && target.type !== 'choice' && target.type !== 'open-choice') return undefined;
    // survey-core holds an array for checkbox/tagbox questions (repeating, or a check-box control)
    const many = isArrayValued(target);
    if (c.operator === 'exists') return c.answerBoolean === true ? `${ref} notempty` : `${ref} empty`;
    let lit: string | undefined;
    if (c.answerCoding?.code) {
      const opt = target.options.find((o) => o.coding?.code === c.answerCoding!.code && (!o.coding?.system || !c.answerCoding!.system || o.coding.system === c.answerCoding!.system))
        ?? target.options.find((o) => o.valueString === c.answerCoding!.code);
      lit = surveyLiteral(opt ? opt.key : c.answerCoding.code);
    } else if (typeof c.answerBoolean === 'boolean') lit = surveyLiteral(c.answerBoolean);
    else if (typeof c.answerInteger === 'number') lit = surveyLiteral(c.answerInteger);
    else if (typeof c.answerDecimal === 'number') lit = surveyLiteral(c.answerDecimal);
    else if (typeof c.answerQuantity?.value === 'number') lit = surveyLiteral(c.answerQuantity.value);
    else {
      const s = c.answerString ?? c.answerDate ?? c.answerDateTime ?? c.answerTime;
      if (typeof s === 'string') lit = surveyLiteral(s);
    }
    if (lit === undefined) return undefined;
    switch (c.operator) {
      case '=':
        return many ? `${ref} contains ${lit}` : `${ref} = ${lit}`;
      case '!=':
        return many ? `${ref} notcontains ${lit}` : `${ref} != ${lit}`;
      case '>':
      case '<':
      case '>=':
      case '<=':
        return many ? undefined : `${ref} ${c.operator} ${lit}`;
      default:
        return undefined;
    }
  }

  /**
   * The enablement of `item` (own conditions, and what its targets need to be enabled), as seen from `from`.
   * survey-core keeps a hidden question's value, so a condition on a question that is itself disabled must also
   * carry that question's enablement: we inline it. `ok` is false when some part could not be expressed.
   */
  enableExpr(info: ItemInfo, from: ItemInfo, depth: number, withAncestors: boolean): { expr: string | undefined; ok: boolean } {
    if (depth > 32) return { expr: undefined, ok: false };
    const parts: string[] = [];
    let allOk = true;
    if (withAncestors && info.parentLinkId) {
      const p = this.enableExpr(this.index.get(info.parentLinkId)!, from, depth + 1, true);
      if (p.expr) parts.push(p.expr);
      allOk &&= p.ok;
    }
    const conditions = info.item.enableWhen ?? [];
    if (conditions.length > 0) {
      const conds: string[] = [];
      let condOk = true;
      for (const c of conditions) {
        const target = this.index.get(c.question);
        const base = target ? this.condition(c, target, from) : undefined;
        if (!target || base === undefined) {
          condOk = false;
          continue;
        }
        const targetEnabled = this.enableExpr(target, from, depth + 1, true);
        // `!=` is true for an unanswered (or disabled) question: (disabled) or (value != x)
        const expr = targetEnabled.expr
          ? c.operator === '!=' || (c.operator === 'exists' && c.answerBoolean !== true)
            ? `((not (${targetEnabled.expr})) or (${base}))`
            : `((${targetEnabled.expr}) and (${base}))`
          : base;
        if (!targetEnabled.ok) condOk = false;
        conds.push(`(${expr})`);
      }
      const any = info.item.enableBehavior === 'any';
      if (!condOk) {
        allOk = false;
        // a condition we cannot write is left out; with 'all' the rest still narrows, with 'any' nothing is safe
        if (any) conds.length = 0;
      }
      if (conds.length > 0) parts.push(conds.join(any ? ' or ' : ' and '));
    }
    return { expr: parts.length > 0 ? parts.map((p) => `(${p})`).join(' and ') : undefined, ok: allOk };
  }

  visibleIf(info: ItemInfo): string | undefined {
    if (!info.item.enableWhen?.length) return undefined;
    const built = this.enableExpr(info, info, 0, false);
    const full = built.ok;
    let expr = built.expr;
    if (expr && expr.length > MAX_EXPRESSION_LENGTH) {
      // fall back to the item's own conditions without inlining the targets' enablement
      const own = (info.item.enableWhen ?? []).map((c) => {
        const t = this.index.get(c.question);
        return t ? this.condition(c, t, info) : undefined;
      });
      expr = own.every((e) => e !== undefined) ? own.join(info.item.enableBehavior === 'any' ? ' or ' : ' and ') : undefined;
      this.issue(info.linkId, 'warning', 'enableWhen chain too long for survey-core: shown by its own conditions only (the response is still pruned by SDC rules)');
    }
    for (const c of info.item.enableWhen ?? []) {
      if (!this.index.has(c.question)) this.issue(info.linkId, 'error', `enableWhen refers to unknown question "${c.question}": the condition counts as not met`);
      if (c.answerReference) this.issue(info.linkId, 'error', 'enableWhen answerReference is not supported: the condition counts as not met');
    }
    if (!full) {
      this.issue(info.linkId, 'warning', 'some enableWhen conditions cannot be written for survey-core (repeating questions, other repeating groups, values with backslashes); the item shows regardless of them, and the response is still pruned by SDC rules');
    }
    return expr;
  }

  initialValue(info: ItemInfo, init: QuestionnaireItemInitial): AnswerValue | undefined {
    if (init.valueCoding?.code) {
      const opt = info.options.find((o) => o.coding?.code === init.valueCoding!.code);
      return opt ? opt.key : init.valueCoding.code;
    }
    if (init.valueQuantity && typeof init.valueQuantity.value === 'number') return init.valueQuantity.value;
    for (const v of [init.valueBoolean, init.valueDecimal, init.valueInteger, init.valueDate, init.valueDateTime, init.valueTime, init.valueString, init.valueUri]) {
      if (v !== undefined) return v;
    }
    if (init.valueAttachment) this.issue(info.linkId, 'warning', 'initial valueAttachment is not prefilled');
    if (init.valueReference) this.issue(info.linkId, 'warning', 'initial valueReference is not prefilled');
    return undefined;
  }

  checkExtensions(info: ItemInfo): void {
    for (const e of info.item.extension ?? []) {
      if (!e?.url) continue;
      if (!HANDLED_ITEM_EXTENSIONS.has(e.url)) this.issue(info.linkId, 'info', `extension not supported: ${e.url}`);
    }
    if (info.item.modifierExtension?.length) {
      this.issue(info.linkId, 'error', 'modifierExtension present: the item may mean something we do not understand');
    }
  }

  minMax(info: ItemInfo, q: SurveyElementJSON): void {
    const val = (e: Extension | undefined) => e?.valueInteger ?? e?.valueDecimal ?? e?.valueDate ?? e?.valueDateTime ?? e?.valueTime;
    const min = val(findExtension(info.item, EXT.minValue));
    const max = val(findExtension(info.item, EXT.maxValue));
    if (min !== undefined) q.min = min;
    if (max !== undefined) q.max = max;
    const validators: SurveyElementJSON[] = [];
    if (typeof min === 'number' || typeof max === 'number') validators.push({ type: 'numeric', ...(typeof min === 'number' ? { minValue: min } : {}), ...(typeof max === 'number' ? { maxValue: max } : {}) });
    const minLength = findExtension(info.item, EXT.minLength)?.valueInteger;
    if (typeof minLength === 'number') validators.push({ type: 'text', minLength });
    const regex = findExtension(info.item, EXT.regex)?.valueString;
    if (typeof regex === 'string') validators.push({ type: 'regex', regex });
    if (validators.length > 0) q.validators = [...((q.validators as SurveyElementJSON[] | undefined) ?? []), ...validators];
  }

  /** choice / open-choice (and primitives with answerOption): a list of options in the chosen control. */
  choice(el: SurveyElementJSON, info: ItemInfo, control: string | undefined): void {
    const item = info.item;
    const linkId = info.linkId;
    const { options, problems } = answerOptions(this.q, item);
    for (const p of problems) this.issue(linkId, options.length === 0 ? 'error' : p.startsWith('rendering-xhtml') ? 'info' : 'warning', p);
    if (options.length === 0) {
      el.type = 'text';
      if (item.type === 'open-choice') this.issue(linkId, 'warning', 'open-choice without options: shown as a text field');
      else this.issue(linkId, 'error', 'choice without options we can list: shown as a text field answered as valueString');
      return;
    }
    el.choices = options.map((o) => ({ value: o.key, text: o.text }));
    const many = info.repeats;
    switch (control) {
      case 'drop-down':
      case 'autocomplete':
      case 'lookup':
        el.type = many ? 'tagbox' : 'dropdown';
        if (control !== 'drop-down') el.searchEnabled = true;
        break;
      case 'check-box':
        el.type = 'checkbox';
        if (!many) el.maxSelectedChoices = 1;
        break;
      case 'radio-button':
        el.type = many ? 'checkbox' : 'radiogroup';
        break;
      case undefined:
        el.type = many ? 'checkbox' : options.length > 20 ? 'dropdown' : 'radiogroup';
        break;
      default:
        el.type = many ? 'checkbox' : 'radiogroup';
        this.issue(linkId, 'info', `itemControl "${control}" not supported for choice: shown as ${String(el.type)}`);
    }
    if (item.type === 'open-choice') {
      el.showOtherItem = true;
      el.storeOthersAsComment = false;
    }
    const orientation = findExtension(item, EXT.choiceOrientation)?.valueCode;
    if (orientation === 'horizontal') el.colCount = 0;
    const selected = options.filter((o) => o.initialSelected).map((o) => o.key);
    if (selected.length > 0) el.defaultValue = many ? selected : selected[0];
  }

  /** Map one item; may return several elements (children of a question follow it). */
  item(item: QuestionnaireItem, info: ItemInfo): SurveyElementJSON[] {
    const linkId = info.linkId;
    if (!KNOWN_ITEM_TYPES.has(item.type)) {
      this.issue(linkId, 'error', `unknown item type "${String(item.type)}": item left out`);
      return [];
    }
    this.checkExtensions(info);
    const control = itemControlCode(item);
    const title = this.text(linkId, item.text, item._text);
    const el: SurveyElementJSON = { name: info.name, hkLinkId: linkId, hkItemType: item.type };
    if (title !== undefined) el.title = title;
    if (item.prefix) el.hkPrefix = localizedText(item.prefix, item._prefix);
    if (info.code.length > 0) el.hkCode = info.code;
    if (info.required) el.isRequired = true;
    if (info.readOnly) el.readOnly = true;
    if (info.hidden) {
      el.visible = false;
      el.hkHidden = true;
    }
    const visibleIf = this.visibleIf(info);
    if (visibleIf) el.visibleIf = visibleIf;
    if (item.enableWhen?.length && findExtension(item, EXT.enableWhenExpression)) {
      this.issue(linkId, 'warning', 'both enableWhen and enableWhenExpression: enableWhen is used');
    }
    const disabledDisplay = findExtension(item, 'http://hl7.org/fhir/StructureDefinition/questionnaire-disabledDisplay');
    if (disabledDisplay) this.issue(linkId, 'info', 'questionnaire-disabledDisplay ignored: disabled items are hidden');

    const children = item.item ?? [];
    const after: SurveyElementJSON[] = [];
    const optionsOnPrimitive = !!item.answerOption?.length && !['choice', 'open-choice', 'group', 'display', 'boolean', 'attachment'].includes(item.type);

    switch (optionsOnPrimitive ? 'choice' : item.type) {
      case 'group': {
        const elements = this.items(children);
        if (control && !['page', 'list'].includes(control)) this.issue(linkId, 'info', `itemControl "${control}" for a group is shown as a plain group`);
        if (info.repeats) {
          Object.assign(el, { type: 'paneldynamic', templateElements: elements, panelCount: 1, minPanelCount: info.required ? 1 : 0, hkRepeats: true });
          if (title !== undefined) el.templateTitle = title;
        } else {
          Object.assign(el, { type: 'panel', elements });
        }
        return [el];
      }
      case 'display': {
        const text = title ?? '';
        el.type = 'html';
        delete el.title;
        el.html = localizeMap(text, escapeHtml);
        el.hkText = text;
        if (children.length) this.issue(linkId, 'warning', 'display item with children: children are shown after it');
        return [el, ...this.items(children)];
      }
      case 'boolean':
        el.type = 'boolean';
        break;
      case 'decimal':
      case 'integer':
      case 'quantity': {
        if (control === 'slider' && item.type !== 'quantity') {
          el.type = 'slider';
          const step = findExtension(item, EXT.sliderStepValue);
          el.step = step?.valueInteger ?? step?.valueDecimal ?? 1;
        } else {
          Object.assign(el, { type: 'text', inputType: 'number' });
          if (item.type === 'integer') el.step = 1;
          else if (control) this.issue(linkId, 'info', `itemControl "${control}" not supported for ${item.type}: shown as a number field`);
        }
        this.minMax(info, el);
        if (item.type === 'quantity') {
          const unitOptions = item.extension?.filter((e) => e.url === EXT.unitOption) ?? [];
          const unit = info.unit ?? unitOptions[0]?.valueCoding;
          if (unit) el.hkUnit = unit;
          if (unitOptions.length > 1) this.issue(linkId, 'warning', 'several unitOption: only the first unit is offered');
          if (!unit) this.issue(linkId, 'info', 'quantity without a unit: answered as a bare number');
        }
        break;
      }
      case 'date':
      case 'dateTime':
      case 'time':
        Object.assign(el, { type: 'text', inputType: item.type === 'date' ? 'date' : item.type === 'time' ? 'time' : 'datetime-local' });
        this.minMax(info, el);
        break;
      case 'string':
      case 'url':
        Object.assign(el, { type: 'text' });
        if (item.type === 'url') el.inputType = 'url';
        if (typeof item.maxLength === 'number') el.maxLength = item.maxLength;
        this.minMax(info, el);
        break;
      case 'text':
        Object.assign(el, { type: 'comment' });
        if (typeof item.maxLength === 'number') el.maxLength = item.maxLength;
        this.minMax(info, el);
        break;
      case 'choice':
      case 'open-choice':
        this.choice(el, info, control);
        break;
      case 'attachment': {
        Object.assign(el, { type: 'file', storeDataAsText: true, allowMultiple: info.repeats });
        const maxSize = findExtension(item, 'http://hl7.org/fhir/StructureDefinition/maxSize')?.valueDecimal;
        if (typeof maxSize === 'number') el.maxSize = maxSize;
        break;
      }
      case 'reference':
        this.issue(linkId, 'error', 'reference items are not supported: item left out');
        return [];
      default:
        this.issue(linkId, 'error', `item type "${item.type}" is not supported: item left out`);
        return [];
    }

    // the rest: a question
    const entry = findExtension(item, EXT.entryFormat)?.valueString;
    if (entry) el.placeholder = localizedText(entry, findExtension(item, EXT.entryFormat)?._valueString);
    if (item.initial?.length && el.defaultValue === undefined) {
      const values = item.initial.map((i) => this.initialValue(info, i)).filter((v): v is AnswerValue => v !== undefined);
      if (values.length > 0) el.defaultValue = info.repeats ? values : values[0];
    }

    // help/flyover display children become the question's description; other children follow the question
    for (const child of children) {
      const childInfo = this.index.get(child.linkId);
      if (!childInfo) continue;
      const childControl = itemControlCode(child);
      if (child.type === 'display' && (childControl === 'help' || childControl === 'flyover' || childControl === 'legal' || childControl === 'prompt' || childControl === 'lower' || childControl === 'upper')) {
        const d = this.text(child.linkId, child.text, child._text);
        if (d !== undefined) el.description = d;
        this.issue(child.linkId, 'info', `display item (${childControl}) shown as the description of its question`);
        continue;
      }
      if (info.repeats) {
        this.issue(child.linkId, 'error', 'child of a repeating question: survey-core cannot nest items per answer; item left out');
        for (const below of descendants(child)) this.issue(below, 'error', `left out with its ancestor "${child.linkId}" (child of a repeating question)`);
        continue;
      }
      this.issue(child.linkId, 'info', 'child of a question: shown after the question (nested under its answer in the response)');
      after.push(...this.item(child, childInfo));
    }

    if (info.repeats && !['choice', 'open-choice', 'attachment'].includes(item.type) && !optionsOnPrimitive) {
      // repeating primitive: a list of rows, each with one `value`
      const inner: SurveyElementJSON = { ...el, name: 'value', titleLocation: 'hidden' };
      for (const k of ['visibleIf', 'visible', 'hkHidden', 'hkLinkId', 'defaultValue', 'isRequired']) delete inner[k];
      const wrapper: SurveyElementJSON = {
        type: 'paneldynamic',
        name: info.name,
        hkLinkId: linkId,
        hkItemType: item.type,
        hkRepeats: true,
        templateElements: [inner],
        panelCount: 1,
        minPanelCount: info.required ? 1 : 0,
      };
      for (const k of ['title', 'visibleIf', 'visible', 'hkHidden', 'hkCode', 'readOnly', 'description']) if (el[k] !== undefined) wrapper[k] = el[k];
      if (Array.isArray(el.defaultValue)) wrapper.defaultValue = (el.defaultValue as unknown[]).map((value) => ({ value }));
      this.issue(linkId, 'info', 'repeating answers are shown as a list of rows');
      return [wrapper, ...after];
    }
    return [el, ...after];
  }

  items(items: QuestionnaireItem[]): SurveyElementJSON[] {
    const out: SurveyElementJSON[] = [];
    for (const item of items) {
      if (!item || typeof item !== 'object') continue;
      const info = this.index.get(item.linkId);
      if (!info || info.item !== item) continue; // missing or duplicate linkId: already reported
      out.push(...this.item(item, info));
    }
    return out;
  }

  run(): SurveyJSON {
    const q = this.q;
    for (const e of q.extension ?? []) {
      if (e?.url && !HANDLED_ROOT_EXTENSIONS.has(e.url)) this.issue('', 'info', `extension not supported: ${e.url}`);
    }
    if (q.modifierExtension?.length) this.issue('', 'error', 'modifierExtension on the Questionnaire is not understood');
    const survey: SurveyJSON = {
      // SDC decides what is submitted (the response builder prunes disabled answers); survey-core keeps values
      clearInvisibleValues: 'none',
      checkErrorsMode: 'onNextPage',
      showQuestionNumbers: 'off',
    };
    const title = this.text('', q.title, q._title);
    if (title !== undefined) survey.title = title;
    if (q.description) survey.description = q.description;
    const top = q.item ?? [];
    const paged = top.some((i) => i && itemControlCode(i) === 'page');
    if (paged) {
      survey.pages = top
        .map((item, n) => {
          const elements = this.items([item]);
          const first = elements[0];
          if (first && first.type === 'panel' && itemControlCode(item) === 'page') {
            const page: SurveyElementJSON = { name: `page_${n + 1}`, elements: first.elements, hkLinkId: first.hkLinkId };
            if (first.title !== undefined) page.title = first.title;
            if (first.visibleIf) page.visibleIf = first.visibleIf;
            return [page, ...(elements.length > 1 ? [{ name: `page_${n + 1}_after`, elements: elements.slice(1) }] : [])];
          }
          return [{ name: `page_${n + 1}`, elements }];
        })
        .flat();
    } else {
      survey.pages = [{ name: 'page_1', elements: this.items(top) }];
    }
    return survey;
  }
}

function hasExpressionExtensions(q: Questionnaire): boolean {
  const has = (el: { extension?: Extension[] }) => (el.extension ?? []).some((e) => EXPRESSION_EXTENSIONS.includes(e?.url as (typeof EXPRESSION_EXTENSIONS)[number]));
  if (has(q)) return true;
  const stack = [...(q.item ?? [])];
  while (stack.length) {
    const i = stack.pop()!;
    if (!i) continue;
    if (has(i)) return true;
    stack.push(...(i.item ?? []));
  }
  return false;
}

function isSurveyJson(doc: Record<string, unknown>): boolean {
  return doc.resourceType === undefined && (Array.isArray(doc.pages) || Array.isArray(doc.elements) || Array.isArray(doc.questions));
}

const MARKUP_PROPERTIES = ['html', 'completedHtml', 'completedBeforeHtml', 'loadingHtml', 'completedHtmlOnCondition'];

/** Validate survey-core JSON, strip markup properties (our renderer shows text only) and index its questions. */
function passThroughSurveyJson(doc: Record<string, unknown>): Result<ConversionResult> {
  const issues: MappingIssue[] = [];
  const index = new Map<string, ItemInfo>();
  const survey = structuredClone(doc) as SurveyJSON;
  for (const k of MARKUP_PROPERTIES) {
    if (k in survey) {
      delete survey[k];
      issues.push({ linkId: '', severity: 'warning', reason: `SurveyJS property "${k}" removed: markup is not rendered` });
    }
  }
  const typeMap: Record<string, ItemInfo['type']> = {
    text: 'string', comment: 'text', boolean: 'boolean', radiogroup: 'choice', dropdown: 'choice', checkbox: 'choice',
    tagbox: 'choice', rating: 'integer', file: 'attachment', html: 'display', panel: 'group', paneldynamic: 'group',
    expression: 'display', slider: 'decimal',
  };
  type Frame = { els: unknown; repeating: string[]; parent?: ItemInfo; path: string };
  const stack: Frame[] = [];
  const roots: unknown[] = [];
  if (Array.isArray(survey.pages)) survey.pages.forEach((p, i) => roots.push([p, `pages[${i}]`]));
  for (const key of ['elements', 'questions']) if (Array.isArray(survey[key])) roots.push([{ elements: survey[key] }, key]);
  for (const r of roots) {
    const [page, path] = r as [unknown, string];
    if (typeof page !== 'object' || page === null) return fail('invalid-surveyjs', { path }, `The SurveyJS page at ${path} is not an object.`);
    const p = page as Record<string, unknown>;
    const els = p.elements ?? p.questions ?? [];
    stack.push({ els, repeating: [], path });
  }
  const used = new Set<string>();
  while (stack.length) {
    const { els, repeating, parent, path } = stack.pop()!;
    if (!Array.isArray(els)) return fail('invalid-surveyjs', { path }, `"elements" at ${path} is not an array.`);
    els.forEach((raw, i) => {
      const where = `${path}.elements[${i}]`;
      if (typeof raw !== 'object' || raw === null) throw new Error(`invalid element at ${where}`);
      const e = raw as Record<string, unknown>;
      if (typeof e.type !== 'string' || typeof e.name !== 'string' || e.name === '') throw new Error(`element at ${where} needs a string "type" and "name"`);
      for (const k of MARKUP_PROPERTIES) {
        if (k in e) {
          e[k] = typeof e[k] === 'string' ? escapeHtml(e[k] as string) : '';
          issues.push({ linkId: e.name, severity: 'warning', reason: `SurveyJS property "${k}" escaped: markup is shown as text` });
        }
      }
      if (used.has(e.name)) issues.push({ linkId: e.name, severity: 'warning', reason: 'duplicate element name' });
      used.add(e.name);
      const type = typeMap[e.type] ?? 'string';
      if (!typeMap[e.type]) issues.push({ linkId: e.name, severity: 'info', reason: `SurveyJS type "${e.type}" indexed as string` });
      const isRepeating = e.type === 'paneldynamic' || e.type === 'matrixdynamic';
      const info: ItemInfo = {
        linkId: e.name, name: e.name, type, text: typeof e.title === 'string' ? e.title : plainText(e.title as LocalizedText | undefined),
        parentLinkId: parent?.linkId, ancestors: parent ? [...parent.ancestors, parent.linkId] : [], repeatingGroups: repeating,
        repeats: e.type === 'checkbox' || e.type === 'tagbox' || isRepeating, required: e.isRequired === true, readOnly: e.readOnly === true,
        hidden: e.visible === false, code: [], options: [], observationExtract: false,
        item: { linkId: e.name, type },
      };
      index.set(e.name, info);
      const children = e.elements ?? e.templateElements;
      if (children !== undefined) stack.push({ els: children, repeating: isRepeating ? [...repeating, e.name] : repeating, parent: info, path: where });
    });
  }
  return ok({ survey, issues, index, source: 'surveyjs', hasExpressions: false });
}

/**
 * Convert a FHIR R4 Questionnaire (object or JSON text), or pass through SurveyJS JSON, into survey-core JSON.
 *
 * Never throws: returns `{ ok: false, error }` with an {@link HkFhirError} for input it cannot read
 * (malformed-json, too-large, too-deep, not-a-questionnaire, invalid-surveyjs, enable-when-cycle), and otherwise
 * `{ ok: true, value }` where `value.issues` lists everything that was not mapped as-is.
 *
 * Element names are linkIds made safe for survey-core (`value.index.get(linkId).name`); answer data in survey-core
 * is keyed by these names, use `surveyDataToAnswers` / `answersToSurveyData` to move to and from linkIds.
 */
export function questionnaireToSurvey(input: unknown, options: ConvertOptions = {}): Result<ConversionResult> {
  return guard(() => {
    const limits = resolveLimits(options.limits);
    const read = readJsonInput(input, limits);
    if (!read.ok) return read;
    const doc = read.value;
    if (isSurveyJson(doc)) {
      try {
        return passThroughSurveyJson(doc);
      } catch (e) {
        return fail('invalid-surveyjs', {}, `The SurveyJS form definition is not valid: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (doc.resourceType !== 'Questionnaire') {
      return fail('not-a-questionnaire', { resourceType: typeof doc.resourceType === 'string' ? doc.resourceType.slice(0, 64) : typeof doc.resourceType });
    }
    if (doc.item !== undefined && !Array.isArray(doc.item)) return fail('not-a-questionnaire', {}, 'Questionnaire.item is not an array.');
    const q = doc as unknown as Questionnaire;
    const { index, problems, cycle } = indexOnce(q);
    if (index.size > limits.maxItems) return fail('too-large', { limit: limits.maxItems, unit: 'items' });
    if (cycle) return fail('enable-when-cycle', { linkIds: cycle.join(' → ') }, `The enableWhen conditions depend on each other in a cycle: ${cycle.join(' → ')}.`);
    const conv = new Converter(q, index);
    for (const p of problems) conv.issue(p.linkId, 'error', p.reason);
    const survey = conv.run();
    const hasExpressions = hasExpressionExtensions(q);
    if (hasExpressions) conv.issue('', 'info', 'SDC expressions are evaluated by helsekit (fhir/expressions), not by survey-core');
    return ok({ survey, issues: conv.issues, index, source: 'fhir', questionnaire: q, hasExpressions });
  });
}
