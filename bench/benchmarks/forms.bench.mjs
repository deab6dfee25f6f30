// Health form: first render of a generated Questionnaire, and answer → dependent total updated, at 100, 500
// and 1000 items, against LHC-Forms and survey-js-ui in the same run. helsekit's page joins the comparison
// once <hk-health-form> exists (bench/pages/forms/helsekit/).
import { existsSync } from 'node:fs';
import { runBenchmark } from '../harness.mjs';

const ours = existsSync(new URL('../pages/forms/helsekit/index.html', import.meta.url));

export default async ({ origin, runs = 3 }) => {
  for (const n of [100, 500, 1000]) {
    await runBenchmark({
      name: `forms-${n}`,
      description: `${n}-item Questionnaire: first render, and typing one answer until the total updates`,
      origin,
      runs,
      pages: {
        ...(ours ? { helsekit: `/forms/helsekit/?n=${n}` } : {}),
        'lhc-forms': `/forms/lforms/?n=${n}`,
        'survey-js-ui': `/forms/survey-js-ui/?n=${n}`,
      },
    });
  }
};
