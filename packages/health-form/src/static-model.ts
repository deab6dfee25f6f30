import type { SurveyElement, SurveyItemValue, SurveyModel, SurveyPage, SurveyPanel, SurveyQuestion } from './survey-model.js';

/**
 * A render model for a FHIR form that needs nothing of survey-core: no survey-core logic (conditions, piping,
 * validators), only plain texts, and only the question types below. There survey-core would only hold the answers
 * and hand the templates back the JSON's own properties, and building its model (every question an object with a
 * property store) is most of a long form's first render. The form machine validates and builds the response either
 * way; SDC expressions are helsekit's own.
 *
 * `staticModel` returns undefined for anything else: the element then builds survey-core's model.
 */

type Json = Record<string, unknown>;

const QUESTION_TYPES = new Set(['text', 'comment', 'html', 'radiogroup', 'boolean']);
/** Properties these types may have; any other property is survey-core's business. */
const QUESTION_KEYS = new Set([
  'type',
  'name',
  'title',
  'description',
  'hkLinkId',
  'hkItemType',
  'hkPrefix',
  'hkCode',
  'hkHidden',
  'hkUnit',
  'hkText',
  'isRequired',
  'readOnly',
  'visible',
  'inputType',
  'step',
  'min',
  'max',
  'maxLength',
  'placeholder',
  'defaultValue',
  'html',
  'choices',
  'colCount',
]);
const PANEL_KEYS = new Set(['type', 'name', 'title', 'description', 'hkLinkId', 'hkItemType', 'hkCode', 'hkHidden', 'readOnly', 'visible', 'elements']);
const PAGE_KEYS = new Set(['name', 'title', 'elements', 'hkLinkId']);
const ROOT_KEYS = new Set(['clearInvisibleValues', 'checkErrorsMode', 'showQuestionNumbers', 'title', 'description', 'pages']);

const isText = (v: unknown) => v === undefined || typeof v === 'string';
const only = (o: Json, keys: Set<string>) => Object.keys(o).every((k) => keys.has(k));

function supported(el: Json): boolean {
  if (el.type === 'panel') {
    return only(el, PANEL_KEYS) && isText(el.title) && isText(el.description) && Array.isArray(el.elements) && (el.elements as Json[]).every(supported);
  }
  if (!QUESTION_TYPES.has(String(el.type)) || !only(el, QUESTION_KEYS) || !isText(el.title) || !isText(el.description) || !isText(el.hkText)) return false;
  if (el.choices === undefined) return el.type !== 'radiogroup';
  return Array.isArray(el.choices) && (el.choices as Json[]).every((c) => c && typeof c === 'object' && typeof c.text === 'string' && c.value !== undefined && c.value !== null);
}

class Model implements SurveyModel {
  data: Record<string, unknown> = {};
  locale = '';
  clearInvisibleValues: string | boolean = 'onHidden';
  title: string | undefined;
  processedTitle: string | undefined;
  pages: SurveyPage[] = [];
  readonly #questions = new Map<string, SurveyQuestion>();
  readonly #listeners: Array<(sender: unknown, options: { name: string }) => void> = [];

  readonly onValueChanged = { add: (f: (sender: unknown, options: { name: string }) => void) => void this.#listeners.push(f) };
  /** No repeating groups here. */
  readonly onDynamicPanelItemValueChanged = { add: () => undefined };

  add(q: SurveyQuestion): void {
    this.#questions.set(q.name, q);
  }
  getAllQuestions(): SurveyQuestion[] {
    return [...this.#questions.values()];
  }
  getQuestionByName(name: string): SurveyQuestion | null {
    return this.#questions.get(name) ?? null;
  }
  getValue(name: string): unknown {
    return this.data[name];
  }
  /** As survey-core: an empty value removes the name from `data`; a change is announced. */
  setValue(name: string, value: unknown): void {
    const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (!(name in this.data)) return;
      delete this.data[name];
    } else {
      if (this.data[name] === value) return;
      this.data[name] = value;
    }
    for (const f of this.#listeners) f(this, { name });
  }
}

class Question implements SurveyQuestion {
  readonly isPanel = false;
  #visible: boolean;
  readonly #type: string;
  [key: string]: unknown;

  constructor(
    readonly model: Model,
    json: Json,
    inReadOnly: boolean,
    readonly name = String(json.name),
  ) {
    this.#type = String(json.type);
    this.#visible = json.visible !== false;
    for (const [k, v] of Object.entries(json)) {
      if (k === 'type' || k === 'name' || k === 'visible' || k === 'choices' || k === 'readOnly' || k === 'defaultValue') continue;
      this[k] = v;
    }
    if (Array.isArray(json.choices)) this.visibleChoices = (json.choices as Json[]).map((c) => ({ value: c.value, text: String(c.text) }));
    this.isRequired = json.isRequired === true;
    this.isReadOnly = inReadOnly || json.readOnly === true;
    // survey-core's title falls back to the name
    if (this.#type !== 'html') this.processedTitle = typeof json.title === 'string' ? json.title : this.name;
    if (json.defaultValue !== undefined) model.data[this.name] = json.defaultValue;
  }

  declare isRequired: boolean;
  declare isReadOnly: boolean;
  declare visibleChoices?: SurveyItemValue[];

  getType(): string {
    return this.#type;
  }
  get value(): unknown {
    return this.model.getValue(this.name);
  }
  set value(v: unknown) {
    this.model.setValue(this.name, v);
  }
  get visible(): boolean {
    return this.#visible;
  }
  /** A question that is hidden loses its answer (survey-core's `clearInvisibleValues: 'onHidden'`). */
  set visible(v: boolean) {
    if (v === this.#visible) return;
    this.#visible = v;
    if (!v && this.model.clearInvisibleValues === 'onHidden') this.model.setValue(this.name, undefined);
  }
  get isVisible(): boolean {
    return this.#visible;
  }
}

class Panel implements SurveyPanel {
  readonly isPanel = true;
  readonly elements: SurveyElement[];
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly hkLinkId: string | undefined;
  readonly #visible: boolean;

  constructor(
    json: Json,
    build: (els: Json[], readOnly: boolean) => SurveyElement[],
    inReadOnly: boolean,
    readonly name = String(json.name),
  ) {
    this.title = json.title as string | undefined;
    this.description = json.description as string | undefined;
    this.hkLinkId = json.hkLinkId as string | undefined;
    this.#visible = json.visible !== false;
    this.elements = build(json.elements as Json[], inReadOnly || json.readOnly === true);
  }

  getType(): string {
    return 'panel';
  }
  /** As survey-core: a panel shows when it and at least one of its elements do. */
  get isVisible(): boolean {
    return this.#visible && this.elements.some((el) => el.isVisible);
  }
}

/** The render model for survey-core JSON converted from a FHIR Questionnaire, or undefined when it needs survey-core. */
export function staticModel(survey: unknown): SurveyModel | undefined {
  const json = survey as Json;
  if (!json || typeof json !== 'object' || !only(json, ROOT_KEYS) || !isText(json.title) || !Array.isArray(json.pages)) return undefined;
  if (json.clearInvisibleValues !== undefined && json.clearInvisibleValues !== 'none') return undefined;
  const pages = json.pages as Json[];
  if (!pages.every((p) => p && typeof p === 'object' && only(p, PAGE_KEYS) && isText(p.title) && Array.isArray(p.elements) && (p.elements as Json[]).every(supported))) return undefined;
  const model = new Model();
  model.title = model.processedTitle = json.title as string | undefined;
  const build = (els: Json[], readOnly: boolean): SurveyElement[] =>
    els.map((el) => {
      if (el.type === 'panel') return new Panel(el, build, readOnly);
      const q = new Question(model, el, readOnly);
      model.add(q);
      return q;
    });
  model.pages = pages.map((p) => ({ name: String(p.name), elements: build(p.elements as Json[], false) }));
  return model;
}
