// Generates packages/core/src/fhir/fhirpath-model.r4.json: fhirpath.js's FHIR R4 model, cut down to what the
// health form's SDC expressions can reach (the QuestionnaireResponse and Questionnaire, and every data type).
// The full model is about 1 MB of JavaScript objects; evaluating it at import was ≈ 30 ms of a 500-item form's
// first render. The model is fhirpath's own, completed by fhirpath at load; this only drops the paths of other
// resources. `npm run build` runs this (so CI sees a stale file); `fhirpath-model.test.ts` proves expressions give
// the same results with the cut model as with the full one.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const full = require('fhirpath/fhir-context/r4');

/** The resources the expressions navigate: the one being filled in (%resource) and its Questionnaire. */
const RESOURCES = ['QuestionnaireResponse', 'Questionnaire'];

function isResource(type) {
  for (let t = type; t; t = full.type2Parent[t]) if (t === 'Resource') return true;
  return false;
}
const keep = (path) => {
  const root = path.split('.')[0];
  return RESOURCES.includes(root) || !isResource(root);
};
const byPath = (map) => Object.fromEntries(Object.entries(map).filter(([path]) => keep(path)));

const cut = {
  fhirpathVersion: require('fhirpath/package.json').version,
  ...full,
  choiceTypePaths: byPath(full.choiceTypePaths),
  pathsDefinedElsewhere: byPath(full.pathsDefinedElsewhere),
  path2Type: byPath(full.path2Type),
  path2Repeating: byPath(full.path2Repeating),
  path2TypeWithoutElements: byPath(full.path2TypeWithoutElements),
  path2RefType: byPath(full.path2RefType),
  availableTypes: [...full.availableTypes], // a Set in the model
};

const file = fileURLToPath(new URL('../packages/core/src/fhir/fhirpath-model.r4.json', import.meta.url));
writeFileSync(file, `${JSON.stringify(cut)}\n`);
console.log(`fhirpath-model: wrote ${file}`);
