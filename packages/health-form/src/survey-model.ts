// The few parts of a survey-core Model the renderer reads. Structural types only: survey-core is never imported
// here (it is loaded with a dynamic import when a form starts; DESIGN decision 3).

export interface SurveyItemValue {
  value: unknown;
  text: string;
  isVisible?: boolean;
}

export interface SurveyElement {
  name: string;
  isPanel: boolean;
  isVisible: boolean;
  getType(): string;
  processedTitle?: string;
  title?: string;
  description?: string;
  hkLinkId?: string;
  hkText?: string | Record<string, string>;
}

export interface SurveyQuestion extends SurveyElement {
  value: unknown;
  isRequired: boolean;
  isReadOnly: boolean;
  inputType?: string;
  min?: unknown;
  max?: unknown;
  step?: number;
  maxLength?: number;
  placeholder?: string;
  visibleChoices?: SurveyItemValue[];
  showOtherItem?: boolean;
  otherValue?: string;
  visibleRateValues?: SurveyItemValue[];
  minRateDescription?: string;
  maxRateDescription?: string;
  visibleRows?: Array<{ name: string; text?: string; locText?: { renderedHtml: string }; fullName?: string; value?: unknown }>;
  visibleColumns?: SurveyItemValue[];
  rows?: SurveyItemValue[];
  columns?: SurveyItemValue[];
  panels?: SurveyPanel[];
  items?: Array<{ name: string; title: string; value: unknown; inputType?: string }>;
  displayValue?: unknown;
  html?: string;
  hkUnit?: { code?: string; display?: string; system?: string } | string;
  hkItemType?: string;
  acceptedTypes?: string;
  maxSize?: number;
  allowMultiple?: boolean;
  labelTrue?: string;
  labelFalse?: string;
  addPanel?(): SurveyPanel;
  removePanel?(panel: SurveyPanel | number): void;
  minPanelCount?: number;
  maxPanelCount?: number;
  panelCount?: number;
}

export interface SurveyPanel extends SurveyElement {
  elements: SurveyElement[];
}

export interface SurveyPage {
  name: string;
  elements: SurveyElement[];
}

/** The model the element renders: survey-core's, or (a form that needs nothing of it) `staticModel`'s. */
export interface SurveyModel {
  data: Record<string, unknown>;
  locale: string;
  title?: string;
  processedTitle?: string;
  pages: SurveyPage[];
  clearInvisibleValues: string | boolean;
  getAllQuestions(): SurveyQuestion[];
  getQuestionByName(name: string): SurveyQuestion | null;
  setValue(name: string, value: unknown): void;
  getValue(name: string): unknown;
  onValueChanged: { add(f: (sender: unknown, options: { name: string }) => void): void };
  onDynamicPanelItemValueChanged: { add(f: (sender: unknown, options: { question?: { name: string } }) => void): void };
}

/** The question's text as plain text: the raw FHIR text when the converter kept it, else survey-core's title. */
export function titleOf(el: SurveyElement, locale: string): string {
  const raw = el.hkText;
  if (typeof raw === 'string') return raw;
  if (raw && typeof raw === 'object') return raw[locale] ?? raw.default ?? '';
  return el.processedTitle ?? el.title ?? '';
}

/** A value counts as an answer when it is not empty. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value as object).some(isAnswered);
  return true;
}

export function isQuestion(el: SurveyElement): el is SurveyQuestion {
  return !el.isPanel;
}
