// Generates packages/core/src/fhir/fhirpath-model.r4.json: fhirpath.js's FHIR R4 model, cut down to what the
// health form's SDC expressions can reach (the QuestionnaireResponse and Questionnaire, and every data type).
// The full model is about 1 MB of JavaScript objects; evaluating it at import was ≈ 30 ms of a 500-item form's
// first render. `npm run build` runs this; `fhirpath-model.test.ts` proves the cut model gives the same results
// as the full one and that this file matches the installed fhirpath.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dir = (name) => require.resolve(`fhirpath/fhir-context/r4/${name}`);
const read = (name) => require(dir(name));

/** The resources the expressions navigate: the one being filled in (%resource) and its Questionnaire. */
export const RESOURCES = ['QuestionnaireResponse', 'Questionnaire'];

export function cutModel() {
  const type2Parent = read('type2Parent.json');
  const isResource = (type) => {
    for (let t = type; t; t = type2Parent[t]) if (t === 'Resource') return true;
    return false;
  };
  const keep = (path) => {
    const root = path.split('.')[0];
    return RESOURCES.includes(root) || !isResource(root);
  };
  const filterKeys = (object) => Object.fromEntries(Object.entries(object).filter(([path]) => keep(path)));
  return {
    fhirpathVersion: require('fhirpath/package.json').version,
    choiceTypePaths: filterKeys(read('choiceTypePaths.json')),
    pathsDefinedElsewhere: filterKeys(read('pathsDefinedElsewhere.json')),
    type2Parent,
    path2Type: filterKeys(read('path2Type.json')),
    path2Repeating: read('path2Repeating.json').filter(keep),
    resourcesWithUrlParam: read('resourcesWithUrlParam.json'),
  };
}

export const MODEL_FILE = fileURLToPath(new URL('../packages/core/src/fhir/fhirpath-model.r4.json', import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(MODEL_FILE, `${JSON.stringify(cutModel())}\n`);
  console.log(`fhirpath-model: wrote ${MODEL_FILE}`);
}
