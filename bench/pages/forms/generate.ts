// The same generated form for every page of the forms benchmark: N integer questions and a total that
// depends on all of them, as a FHIR Questionnaire (for helsekit and LHC-Forms) and as SurveyJS JSON.
export function sizeFromQuery(fallback = 500): number {
  const n = Number(new URLSearchParams(location.search).get('n'));
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function questionnaire(n: number) {
  return {
    resourceType: 'Questionnaire',
    id: `bench-${n}`,
    url: `https://helsekit.no/fhir/Questionnaire/bench-${n}`,
    status: 'active',
    title: `Benchmark form, ${n} items`,
    item: [
      ...Array.from({ length: n }, (_, i) => ({ linkId: `q${i + 1}`, text: `Spørsmål ${i + 1}: antall dager`, type: 'integer' })),
      {
        linkId: 'total',
        text: 'Sum',
        type: 'integer',
        readOnly: true,
        extension: [
          {
            url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression',
            valueExpression: { language: 'text/fhirpath', expression: "%resource.item.where(linkId != 'total').answer.value.sum()" },
          },
        ],
      },
    ],
  };
}

export function surveyJson(n: number) {
  const names = Array.from({ length: n }, (_, i) => `q${i + 1}`);
  return {
    elements: [
      ...names.map((name, i) => ({ type: 'text', inputType: 'number', name, title: `Spørsmål ${i + 1}: antall dager` })),
      { type: 'expression', name: 'total', title: 'Sum', expression: `sum(${names.map((q) => `{${q}}`).join(', ')})` },
    ],
  };
}
