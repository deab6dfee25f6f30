/**
 * fhirpath.js's FHIR R4 model, cut down to what the health form's SDC expressions can reach: the
 * QuestionnaireResponse (`%resource`, `%context`), its Questionnaire (`%questionnaire`) and every data type.
 * Other resources are never in an expression's reach here (launch-context variables evaluate as empty). The full
 * model (`fhirpath/fhir-context/r4`) is about 1 MB of objects built at import, ≈ 30 ms of a 500-item form's first
 * render; this one is 55 KB. `fhirpath-model.r4.json` is generated from the installed fhirpath by
 * `scripts/fhirpath-model.mjs` (`npm run build`); `fhirpath-model.test.ts` proves it matches that fhirpath and
 * that expressions give the same results with it as with the full model.
 */
import data from './fhirpath-model.r4.json' with { type: 'json' };

type FhirpathModel = Parameters<(typeof import('fhirpath'))['evaluate']>[3];

const toHash = (list: readonly string[]): Record<string, true> => Object.fromEntries(list.map((item) => [item, true]));

/** The model object, in the shape `fhirpath/fhir-context/r4` exports (fhirpath 5.1.1). */
export function questionnaireModel(): FhirpathModel {
  const path2Type: Record<string, string> = {};
  const path2TypeWithoutElements: Record<string, string> = {};
  const path2RefType: Record<string, unknown> = {};
  // As fhirpath's fhir-context/general-additions.js (updateWithGeneratedData) completes its models.
  for (const [path, type] of Object.entries(data.path2Type as Record<string, string | { code: string; refType: unknown }>)) {
    if (typeof type === 'object') {
      path2RefType[path] = type.refType;
      path2Type[path] = type.code;
    } else {
      path2Type[path] = type;
      if (type === 'Element' || type === 'BackboneElement') continue;
    }
    path2TypeWithoutElements[path] = path2Type[path]!;
  }
  const type2Parent = data.type2Parent as Record<string, string>;
  return {
    version: 'r4',
    score: { extensionURI: ['http://hl7.org/fhir/StructureDefinition/ordinalValue', 'http://hl7.org/fhir/StructureDefinition/itemWeight'] },
    choiceTypePaths: data.choiceTypePaths,
    pathsDefinedElsewhere: data.pathsDefinedElsewhere,
    type2Parent,
    path2Type,
    path2Repeating: toHash(data.path2Repeating),
    resourcesWithUrlParam: toHash(data.resourcesWithUrlParam),
    availableTypes: new Set([...Object.keys(type2Parent), ...Object.values(type2Parent)]),
    path2TypeWithoutElements,
    path2RefType,
  } as unknown as FhirpathModel;
}
