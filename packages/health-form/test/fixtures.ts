import type { Questionnaire, QuestionnaireItem } from 'fhir/r4';

export const LOINC = 'http://loinc.org';
const UNIT = 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit';
const CONTROL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';

/** A small pre-consultation form: two pages, an enableWhen, coded items shared with `gpForm`. */
export function preConsultation(): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    url: 'https://helsekit.test/Questionnaire/pre',
    title: 'Før timen',
    status: 'active',
    item: [
      {
        linkId: 'p1',
        type: 'group',
        text: 'Om deg',
        extension: [{ url: CONTROL, valueCodeableConcept: { coding: [{ code: 'page' }] } }],
        item: [
          { linkId: 'reason', type: 'string', text: 'Hva gjelder timen?', required: true },
          { linkId: 'smoking', type: 'boolean', text: 'Røyker du?', code: [{ system: LOINC, code: '72166-2' }] },
          {
            linkId: 'smoking-amount',
            type: 'integer',
            text: 'Hvor mange sigaretter om dagen?',
            enableWhen: [{ question: 'smoking', operator: '=', answerBoolean: true }],
          },
        ],
      },
      {
        linkId: 'p2',
        type: 'group',
        text: 'Helse',
        extension: [{ url: CONTROL, valueCodeableConcept: { coding: [{ code: 'page' }] } }],
        item: [
          {
            linkId: 'weight',
            type: 'decimal',
            text: 'Vekt',
            code: [{ system: LOINC, code: '29463-7' }],
            extension: [{ url: UNIT, valueCoding: { system: 'http://unitsofmeasure.org', code: 'kg', display: 'kg' } }],
          },
          {
            linkId: 'pain',
            type: 'choice',
            text: 'Hvor sterke smerter har du nå?',
            answerOption: [
              { valueCoding: { code: 'none', display: 'Ingen' } },
              { valueCoding: { code: 'some', display: 'Noe' } },
              { valueCoding: { code: 'severe', display: 'Sterke' } },
            ],
          },
        ],
      },
    ],
  };
}

/** An earlier form with items coded as in `preConsultation`. */
export function gpForm(): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    url: 'https://helsekit.test/Questionnaire/gp',
    title: 'Helseopplysninger til fastlegen',
    status: 'active',
    item: [
      { linkId: 'g-smoking', type: 'boolean', text: 'Røyker du?', code: [{ system: LOINC, code: '72166-2' }] },
      { linkId: 'g-weight', type: 'decimal', text: 'Vekt (kg)', code: [{ system: LOINC, code: '29463-7' }] },
    ],
  };
}

/** One question of each kind the renderer knows. */
export function allTypes(): Questionnaire {
  const item: QuestionnaireItem[] = [
    { linkId: 'intro', type: 'display', text: 'Svar så godt du kan.' },
    { linkId: 'name', type: 'string', text: 'Navn' },
    { linkId: 'notes', type: 'text', text: 'Annet du vil si' },
    { linkId: 'height', type: 'quantity', text: 'Høyde', extension: [{ url: UNIT, valueCoding: { code: 'cm', display: 'cm' } }] },
    { linkId: 'day', type: 'date', text: 'Når begynte det?' },
    { linkId: 'clock', type: 'time', text: 'Klokkeslett' },
    { linkId: 'yn', type: 'choice', text: 'Har du feber?', answerOption: ['Ja', 'Nei', 'Vet ikke'].map((v) => ({ valueString: v })) },
    {
      linkId: 'symptoms',
      type: 'choice',
      repeats: true,
      text: 'Hvilke plager har du?',
      answerOption: ['Hoste', 'Feber', 'Hodepine'].map((v) => ({ valueString: v })),
    },
    {
      linkId: 'country',
      type: 'choice',
      text: 'Fødeland',
      extension: [{ url: CONTROL, valueCodeableConcept: { coding: [{ code: 'drop-down' }] } }],
      answerOption: ['Norge', 'Sverige', 'Danmark', 'Finland', 'Island', 'Tyskland', 'Polen', 'Litauen', 'Somalia'].map((v) => ({ valueString: v })),
    },
    {
      linkId: 'nrs',
      type: 'integer',
      text: 'Hvor vondt har du (0–10)?',
      extension: [
        { url: CONTROL, valueCodeableConcept: { coding: [{ code: 'slider' }] } },
        { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 },
        { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 10 },
      ],
    },
    {
      linkId: 'meds',
      type: 'group',
      repeats: true,
      text: 'Legemiddel',
      item: [
        { linkId: 'med-name', type: 'string', text: 'Navn på legemiddel' },
        { linkId: 'med-dose', type: 'string', text: 'Dose' },
      ],
    },
    { linkId: 'file', type: 'attachment', text: 'Legg ved bilde' },
  ];
  return { resourceType: 'Questionnaire', url: 'https://helsekit.test/Questionnaire/all', title: 'Alle typer', status: 'active', item };
}

/** SurveyJS JSON with a matrix, rating, multiple text and expression. */
export const surveyJs = {
  title: 'SurveyJS-skjema',
  pages: [
    {
      name: 'p1',
      title: 'Side 1',
      elements: [
        {
          type: 'matrix',
          name: 'phq',
          title: 'Hvor ofte har du vært plaget av …',
          columns: [
            { value: 0, text: 'Ikke i det hele tatt' },
            { value: 1, text: 'Flere dager' },
            { value: 2, text: 'Mer enn halvparten av dagene' },
            { value: 3, text: 'Nesten hver dag' },
          ],
          rows: [
            { value: 'interest', text: 'Lite interesse' },
            { value: 'down', text: 'Nedfor' },
          ],
        },
        { type: 'rating', name: 'mood', title: 'Humør i dag', rateMin: 0, rateMax: 10, minRateDescription: 'Svært dårlig', maxRateDescription: 'Svært godt' },
        { type: 'multipletext', name: 'contact', title: 'Kontakt', items: [{ name: 'phone', title: 'Telefon' }, { name: 'email', title: 'E-post' }] },
        { type: 'text', name: 'a', title: 'Tall A', inputType: 'number' },
        { type: 'expression', name: 'sum', title: 'Dobbelt', expression: '{a} * 2' },
      ],
    },
  ],
};

/** At least 20 markup payloads; any that executes sets `window.__hkPwned`. */
export const XSS_PAYLOADS = [
  '<img src=x onerror="window.__hkPwned=1">',
  '<svg onload="window.__hkPwned=1"></svg>',
  '<script>window.__hkPwned=1</script>',
  '<a href="javascript:window.__hkPwned=1">lenke</a>',
  'javascript:window.__hkPwned=1',
  '<iframe src="javascript:window.__hkPwned=1"></iframe>',
  '<body onload="window.__hkPwned=1">',
  '<details open ontoggle="window.__hkPwned=1">',
  '<video><source onerror="window.__hkPwned=1"></video>',
  '<audio src=x onerror="window.__hkPwned=1">',
  '<input autofocus onfocus="window.__hkPwned=1">',
  '<marquee onstart="window.__hkPwned=1">',
  '<object data="javascript:window.__hkPwned=1">',
  '<embed src="javascript:window.__hkPwned=1">',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__hkPwned=1">',
  '"><img src=x onerror="window.__hkPwned=1">',
  "'><svg/onload=window.__hkPwned=1>",
  '<style>@import "javascript:window.__hkPwned=1";</style>',
  '<form action="javascript:window.__hkPwned=1"><button>x</button></form>',
  '<div style="background:url(javascript:window.__hkPwned=1)">',
  '<isindex type=image src=1 onerror="window.__hkPwned=1">',
  '<template><img src=x onerror="window.__hkPwned=1"></template>',
  '{{constructor.constructor("window.__hkPwned=1")()}}',
  '<img src="x" onerror="&#119;indow.__hkPwned=1">',
];

/** A Questionnaire whose every text is `payload`, with a piped answer. */
export function hostile(payload: string): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    url: 'https://helsekit.test/Questionnaire/xss',
    title: payload,
    status: 'active',
    item: [
      { linkId: 'd', type: 'display', text: payload },
      {
        linkId: 'q',
        type: 'choice',
        text: payload,
        answerOption: [{ valueString: payload }, { valueString: 'trygt' }],
        item: [{ linkId: 'q-help', type: 'display', text: payload, extension: [{ url: CONTROL, valueCodeableConcept: { coding: [{ code: 'help' }] } }] }],
      },
      { linkId: 's', type: 'string', text: payload },
    ],
  };
}
