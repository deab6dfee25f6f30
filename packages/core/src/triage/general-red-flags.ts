import type { LocalizedText, RedFlag, SourceRef } from './protocol.types.js';

/**
 * The general 113 red flags, from Helsedirektoratet's citizen guidance on when to ring 113 (CLINICAL.md
 * section 1). Every protocol's red-flag screen starts with these, before its own; protocol red-flag ids
 * must not reuse these ids (the verifier checks it). Wording is ours, plain language; the facts are the
 * directorate's. Northern Sami is best effort and needs review by a native speaker.
 */
export const GENERAL_RED_FLAG_SOURCES: readonly SourceRef[] = [
  {
    title: 'Helsedirektoratet / helsenorge.no: Når skal du ringe 113?',
    url: 'https://www.helsenorge.no/forstehjelp/nar-skal-du-ringe-113/',
  },
  {
    title: 'Helsedirektoratet: Medisinsk nødhjelp 113 og legevakt 116 117',
    url: 'https://www.helsedirektoratet.no/tema/akuttmedisin',
  },
];

const call113Now: LocalizedText = {
  nb: 'Ring 113 nå. Ikke kjør selv. Hvis personen ikke puster normalt, start hjerte-lunge-redning.',
  nn: 'Ring 113 no. Ikkje køyr sjølv. Viss personen ikkje pustar normalt, start hjarte-lunge-redning.',
  en: 'Call 113 now. Do not drive yourself. If the person is not breathing normally, start CPR.',
  se: 'Riŋge 113 dál. Ale vuoje ieš. Jus olmmoš ii vuoiŋŋa dábálaččat, álggat váibmo-geahpesváldima.',
};

const flag = (id: string, text: LocalizedText): RedFlag => ({ id, text, disposition: 'call-113', whatToDoNow: call113Now });

/** Ids start with `general-` so they never collide with a protocol's own red flags. */
export const GENERAL_RED_FLAGS: readonly RedFlag[] = [
  flag('general-paralysis', {
    nb: 'Har du (eller den du svarer for) fått ny lammelse eller skjevhet i ansiktet, eller kraftløshet i en arm?',
    nn: 'Har du (eller den du svarar for) fått ny lamming eller skeivheit i andletet, eller kraftløyse i ein arm?',
    en: 'Do you (or the person you are answering for) have new weakness or drooping of the face, or a weak arm?',
    se: 'Leatgo dus (dahje sus geasa vástidat) ođđa lámisvuohta dahje vuoskkasvuohta ámadajus, dahje fápmohis giehta?',
  }),
  flag('general-speech', {
    nb: 'Har talen plutselig blitt utydelig, eller er det vanskelig å finne ord eller forstå hva andre sier?',
    nn: 'Har talen brått vorte utydeleg, eller er det vanskeleg å finne ord eller forstå kva andre seier?',
    en: 'Has speech suddenly become slurred, or is it hard to find words or understand what others say?',
    se: 'Leago hupman fáhkkestaga šaddan čielgasmeahttumin, dahje leago váttis gávdnat sániid dahje ipmirdit earáid?',
  }),
  flag('general-unsteady', {
    nb: 'Har du plutselig blitt ustø eller svimmel uten at du vet hvorfor?',
    nn: 'Har du brått vorte ustø eller svimmel utan at du veit kvifor?',
    en: 'Have you suddenly become unsteady or dizzy without knowing why?',
    se: 'Leatgo fáhkkestaga šaddan ráfuhis dahje oaivejorgalussii almmá diehtitkeahttá manne?',
  }),
  flag('general-consciousness', {
    nb: 'Er personen bevisstløs, vanskelig å vekke eller uvanlig omtåket?',
    nn: 'Er personen medvitslaus, vanskeleg å vekkje eller uvanleg omtåka?',
    en: 'Is the person unconscious, hard to wake, or unusually drowsy or confused?',
    se: 'Leago olmmoš diđuheapme, váttis boktit dahje eahpedábálaččat ránis?',
  }),
  flag('general-chest-pain-5min', {
    nb: 'Har du smerter i brystet som har vart i mer enn 5 minutter?',
    nn: 'Har du smerter i brystet som har vart i meir enn 5 minutt?',
    en: 'Do you have chest pain that has lasted more than 5 minutes?',
    se: 'Leatgo dus bávččas ratti siste mii lea bistán eanet go 5 minuhta?',
  }),
  flag('general-nitro', {
    nb: 'Bruker du nitroglyserin for brystsmerter, og virker det dårligere enn det pleier?',
    nn: 'Brukar du nitroglyserin mot brystsmerter, og verkar det dårlegare enn det plar?',
    en: 'Do you use nitroglycerin (GTN) for chest pain, and is it working less well than usual?',
    se: 'Geavahatgo nitroglyseriinna ratti bávččasa vuostá, ja doaibmágo dat heajubut go dábálaččat?',
  }),
  flag('general-chest-discomfort', {
    nb: 'Har du uventet ubehag i brystet sammen med at du føler deg uvel og kvalm?',
    nn: 'Har du uventa ubehag i brystet saman med at du kjenner deg uvel og kvalm?',
    en: 'Do you have unexpected discomfort in your chest together with feeling unwell and sick (nauseous)?',
    se: 'Leatgo dus vuordemeahttun vártnuhisvuohta ratti siste ja seammás dovddat iežat buohccin ja vuovssáhin?',
  }),
];
