import type { QuestionData } from './questions.js';

type JsonElement = Record<string, unknown> & { elements?: JsonElement[] };

/**
 * The fixed texts and flags of every question of a survey-core JSON built from a FHIR Questionnaire without
 * survey-core logic, by name: there they are what survey-core's getters would return (no conditions, no piping).
 * Questions inside repeating groups (instances of a template) are left out.
 */
export function questionData(survey: unknown): Map<string, QuestionData> {
  const out = new Map<string, QuestionData>();
  const walk = (elements: JsonElement[] | undefined, readOnly: boolean) => {
    for (const el of elements ?? []) {
      const ro = readOnly || el.readOnly === true;
      if (el.type === 'panel') {
        walk(el.elements, ro);
        continue;
      }
      const raw = el.hkText ?? el.title;
      const d = el.description;
      out.set(String(el.name), {
        title: typeof raw === 'string' ? raw : undefined,
        description: typeof d === 'string' ? d : undefined,
        descriptionKnown: d === undefined || typeof d === 'string',
        required: el.isRequired === true,
        readOnly: ro,
        visible: el.visible !== false,
      });
    }
  };
  const json = survey as { pages?: JsonElement[]; elements?: JsonElement[]; mode?: unknown };
  const display = json.mode === 'display';
  for (const page of json.pages ?? []) walk(page.elements, display || page.readOnly === true);
  walk(json.elements, display);
  return out;
}
