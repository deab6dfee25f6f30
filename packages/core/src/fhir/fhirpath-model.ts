/**
 * fhirpath.js's FHIR R4 model, cut down to what the health form's SDC expressions can reach: the
 * QuestionnaireResponse (`%resource`, `%context`), its Questionnaire (`%questionnaire`) and every data type.
 * Other resources are never in an expression's reach here (launch-context variables evaluate as empty). The full
 * model (`fhirpath/fhir-context/r4`) is about 1 MB of objects built at import, ≈ 30 ms of a 500-item form's first
 * render. `fhirpath-model.r4.json` is that model, completed by fhirpath itself, with the other resources' paths
 * dropped (`scripts/fhirpath-model.mjs`, run by `npm run build`); `fhirpath-model.test.ts` proves expressions give
 * the same results with it as with the full model.
 */
import data from './fhirpath-model.r4.json' with { type: 'json' };

type FhirpathModel = Parameters<(typeof import('fhirpath'))['evaluate']>[3];

/** The model object, as `fhirpath/fhir-context/r4` exports it (JSON has no Set: `availableTypes` is made one). */
export function questionnaireModel(): FhirpathModel {
  return { ...data, availableTypes: new Set(data.availableTypes) } as unknown as FhirpathModel;
}
