import type { AgeBand, LocalizedText, RiskModifierId, SourceRef } from './protocol.types.js';

/**
 * The shared risk modifiers (CLINICAL.md section 1). A protocol declares which apply to its complaint and the lowest
 * disposition each allows (`Protocol.riskModifiers`); `compileProtocol` turns each into an outcome rule, so the
 * verifier walks them like any rule. Three come from the who-for screen; the others are asked in one multi-choice
 * question. Wording is ours; each modifier names its sources.
 */
export interface RiskModifier {
  id: RiskModifierId;
  /** `person`: decided by the who-for answers; `asked`: an option of the shared risk question. */
  from: 'person' | 'asked';
  /** For `asked`: the option label, neutral wording that fits self and child. */
  label: LocalizedText;
  /** Why the outcome is more urgent, shown with it. */
  reason: LocalizedText;
}

const NHS_SEPSIS: SourceRef = { title: 'NHS: Sepsis – who is more at risk', url: 'https://www.nhs.uk/conditions/sepsis/' };
const HELSENORGE_LEGEVAKT: SourceRef = { title: 'helsenorge.no: Legevakt – når skal du ringe 116117?', url: 'https://www.helsenorge.no/legevakt/' };
const NICE_FEVER: SourceRef = { title: 'NICE NG143: Fever in under 5s – assessment and initial management', url: 'https://www.nice.org.uk/guidance/ng143' };
const NICE_SEPSIS: SourceRef = { title: 'NICE NG51: Sepsis – recognition, diagnosis and early management (risk factors)', url: 'https://www.nice.org.uk/guidance/ng51' };

export const RISK_MODIFIERS: readonly RiskModifier[] = [
  {
    id: 'age-65-plus',
    from: 'person',
    label: { nb: '65 år eller eldre', nn: '65 år eller eldre', en: '65 or older', se: '65 jagi dahje boarrásit' },
    reason: {
      nb: 'Hos personer over 65 år kan sykdom bli alvorlig raskere, så dette bør vurderes tidligere.',
      nn: 'Hos personar over 65 år kan sjukdom bli alvorleg fortare, så dette bør vurderast tidlegare.',
      en: 'In people over 65, illness can become serious more quickly, so this should be checked sooner.',
    },
  },
  {
    id: 'infant-under-3-months',
    from: 'person',
    label: { nb: 'Under 3 måneder', nn: 'Under 3 månader', en: 'Under 3 months', se: 'Vuollel 3 mánu' },
    reason: {
      nb: 'Babyer under 3 måneder skal alltid vurderes av lege raskt når de er syke.',
      nn: 'Babyar under 3 månader skal alltid vurderast av lege raskt når dei er sjuke.',
      en: 'Babies under 3 months should always be seen quickly by a doctor when they are ill.',
    },
  },
  {
    id: 'pregnancy',
    from: 'person',
    label: { nb: 'Gravid', nn: 'Gravid', en: 'Pregnant', se: 'Áhpehis' },
    reason: {
      nb: 'Når du er gravid, eller kanskje gravid, bør dette vurderes tidligere.',
      nn: 'Når du er gravid, eller kanskje gravid, bør dette vurderast tidlegare.',
      en: 'When you are pregnant, or may be, this should be checked sooner.',
    },
  },
  {
    id: 'immunosuppression',
    from: 'asked',
    label: {
      nb: 'Nedsatt immunforsvar (for eksempel cellegift eller annen kreftbehandling, fjernet milt, medisiner som demper immunforsvaret)',
      nn: 'Nedsett immunforsvar (til dømes cellegift eller anna kreftbehandling, fjerna milt, medisinar som dempar immunforsvaret)',
      en: 'A weakened immune system (for example chemotherapy or other cancer treatment, no spleen, medicines that weaken the immune system)',
    },
    reason: {
      nb: 'Med nedsatt immunforsvar kan en infeksjon bli alvorlig raskt.',
      nn: 'Med nedsett immunforsvar kan ein infeksjon bli alvorleg raskt.',
      en: 'With a weakened immune system, an infection can become serious quickly.',
    },
  },
  {
    id: 'heart-lung-kidney',
    from: 'asked',
    label: {
      nb: 'Alvorlig hjertesykdom, lungesykdom (for eksempel kols) eller nyresykdom',
      nn: 'Alvorleg hjartesjukdom, lungesjukdom (til dømes kols) eller nyresjukdom',
      en: 'Serious heart, lung (for example COPD) or kidney disease',
    },
    reason: {
      nb: 'Med en alvorlig hjerte-, lunge- eller nyresykdom bør dette vurderes tidligere.',
      nn: 'Med ein alvorleg hjarte-, lunge- eller nyresjukdom bør dette vurderast tidlegare.',
      en: 'With serious heart, lung or kidney disease, this should be checked sooner.',
    },
  },
  {
    id: 'diabetes',
    from: 'asked',
    label: { nb: 'Diabetes', nn: 'Diabetes', en: 'Diabetes', se: 'Diabetes' },
    reason: {
      nb: 'Med diabetes kan sykdom påvirke blodsukkeret og bli alvorlig raskere.',
      nn: 'Med diabetes kan sjukdom påverke blodsukkeret og bli alvorleg fortare.',
      en: 'With diabetes, illness can upset blood sugar and become serious more quickly.',
    },
  },
  {
    id: 'recent-surgery-immobility',
    from: 'asked',
    label: {
      nb: 'Operert, innlagt på sykehus eller mest sengeliggende de siste 4 ukene',
      nn: 'Operert, innlagd på sjukehus eller mest sengeliggjande dei siste 4 vekene',
      en: 'Surgery, a hospital stay or mostly in bed in the last 4 weeks',
    },
    reason: {
      nb: 'Etter en operasjon, et sykehusopphold eller lite bevegelse er risikoen for blodpropp og infeksjon høyere.',
      nn: 'Etter ein operasjon, eit sjukehusopphald eller lite rørsle er risikoen for blodpropp og infeksjon høgare.',
      en: 'After surgery, a hospital stay or little movement, the risk of a blood clot or infection is higher.',
    },
  },
  {
    id: 'travel-outside-europe',
    from: 'asked',
    label: {
      nb: 'Reist utenfor Europa de siste 3 månedene',
      nn: 'Reist utanfor Europa dei siste 3 månadene',
      en: 'Travelled outside Europe in the last 3 months',
    },
    reason: {
      nb: 'Feber etter reise utenfor Europa kan være malaria eller en annen tropesykdom, som må sjekkes samme dag.',
      nn: 'Feber etter reise utanfor Europa kan vere malaria eller ein annan tropesjukdom, som må sjekkast same dag.',
      en: 'A fever after travel outside Europe can be malaria or another tropical disease, which must be checked the same day.',
    },
  },
];

/**
 * The public sources behind each modifier and its use as a floor. A separate export so that a page's bundle, which
 * shows the texts, does not carry the reference list (docs and the reviewer read it; `risk-modifiers.test` checks it).
 */
export const RISK_MODIFIER_SOURCES: Readonly<Record<RiskModifierId, readonly SourceRef[]>> = {
  'age-65-plus': [NICE_SEPSIS, NHS_SEPSIS],
  'infant-under-3-months': [NICE_FEVER, HELSENORGE_LEGEVAKT],
  'pregnancy': [
      { title: 'helsenorge.no: Svangerskap – når skal du kontakte lege eller jordmor?', url: 'https://www.helsenorge.no/gravid/' },
      NICE_SEPSIS,
    ],
  'immunosuppression': [NICE_SEPSIS, NHS_SEPSIS],
  'heart-lung-kidney': [NICE_SEPSIS, { title: 'helsenorge.no: Kols', url: 'https://www.helsenorge.no/sykdom/lunger-og-luftveier/kols/' }],
  'diabetes': [NICE_SEPSIS, { title: 'helsenorge.no: Diabetes type 1 – sykdom og blodsukker', url: 'https://www.helsenorge.no/sykdom/diabetes/' }],
  'recent-surgery-immobility': [
      { title: 'helsenorge.no: Blodpropp i beina (dyp venetrombose)', url: 'https://www.helsenorge.no/sykdom/hjerte-og-kar/blodpropp-i-beina/' },
      NICE_SEPSIS,
    ],
  'travel-outside-europe': [
      { title: 'Folkehelseinstituttet: Malaria – veileder for helsepersonell', url: 'https://www.fhi.no/sm/smittevernveilederen/sykdommer-a-a/malaria/' },
      { title: 'NHS: Malaria – when to get medical help', url: 'https://www.nhs.uk/conditions/malaria/' },
    ],
};

export function riskModifier(id: RiskModifierId): RiskModifier {
  return RISK_MODIFIERS.find((m) => m.id === id)!;
}

/** The age band each person-decided modifier stands for. */
export const AGE_MODIFIER_BANDS: Partial<Record<RiskModifierId, AgeBand>> = {
  'age-65-plus': '65-plus-years',
  'infant-under-3-months': 'under-3-months',
};
