import type { AgeBand, LocalizedText, RedFlag, SourceRef } from './protocol.types.js';

/**
 * The general 113 red flags, asked first on every protocol's red-flag screen. They cover every situation in
 * Helsedirektoratet's citizen guidance on when to ring 113 (CLINICAL.md section 1) and the ones the outside tests
 * showed missing: breathing that stops or fails, choking, a severe allergic reaction, a seizure, heavy bleeding,
 * poisoning and a suicidal crisis. Each item is one sign a lay person can see or feel now, in plain words, with
 * child wording for someone answering for a child. The wording is ours; the facts are the sources'. Protocol
 * red-flag ids must not reuse these ids (the verifier checks it). Northern Sami needs review by a native speaker.
 */
export const GENERAL_RED_FLAG_SOURCES: readonly SourceRef[] = [
  { title: 'Helsedirektoratet / helsenorge.no: Når skal du ringe 113?', url: 'https://www.helsenorge.no/forstehjelp/nar-skal-du-ringe-113/' },
  { title: 'Helsedirektoratet: Medisinsk nødhjelp 113 og legevakt 116 117', url: 'https://www.helsedirektoratet.no/tema/akuttmedisin' },
  { title: 'helsenorge.no: Førstehjelp (hjerte-lunge-redning, fremmedlegeme i halsen, kraftig blødning)', url: 'https://www.helsenorge.no/forstehjelp/' },
  { title: 'helsenorge.no: Giftinformasjonen, 22 59 13 00', url: 'https://www.helsenorge.no/giftinformasjon/' },
  { title: 'helsenorge.no: Anafylaksi (alvorlig allergisk reaksjon)', url: 'https://www.helsenorge.no/sykdom/allergi/anafylaksi/' },
  { title: 'helsenorge.no: Selvmordstanker – få hjelp', url: 'https://www.helsenorge.no/psykisk-helse/selvmordstanker/' },
];

const call113Now: LocalizedText = {
  nb: 'Ring 113 nå. Ikke kjør selv. Hvis personen ikke puster normalt, start hjerte-lunge-redning.',
  nn: 'Ring 113 no. Ikkje køyr sjølv. Viss personen ikkje pustar normalt, start hjarte-lunge-redning.',
  en: 'Call 113 now. Do not drive yourself. If the person is not breathing normally, start CPR.',
  se: 'Riŋge 113 dál. Ale vuoje ieš. Jus olmmoš ii vuoiŋŋa dábálaččat, álggat váibmo-geahpesváldima.',
};

const ADULTS: AgeBand[] = ['18-64-years', '65-plus-years'];
const FROM_13: AgeBand[] = ['13-17-years', ...ADULTS];
const UNDER_13: AgeBand[] = ['under-3-months', '3-11-months', '1-4-years', '5-12-years'];

const flag = (
  id: string,
  text: LocalizedText,
  textChild: LocalizedText,
  extra: { ages?: AgeBand[]; whatToDoNow?: LocalizedText } = {},
): RedFlag => ({
  id,
  text,
  textChild,
  ...(extra.ages ? { ages: extra.ages } : {}),
  disposition: 'call-113',
  whatToDoNow: extra.whatToDoNow ?? call113Now,
});

/** Ids start with `general-` so they never collide with a protocol's own red flags. */
export const GENERAL_RED_FLAGS: readonly RedFlag[] = [
  flag(
    'general-not-breathing',
    {
      nb: 'Puster personen ikke, eller puster unormalt (gisper, lange pauser)?',
      nn: 'Pustar personen ikkje, eller pustar unormalt (gispar, lange pausar)?',
      en: 'Is the person not breathing, or breathing abnormally (gasping, long pauses)?',
      se: 'Go olmmoš ii vuoiŋŋa, dahje vuoiŋŋa eahpedábálaččat (gáhpa, guhkes boddut)?',
    },
    {
      nb: 'Puster barnet ikke, eller puster unormalt (gisper, lange pauser)?',
      nn: 'Pustar barnet ikkje, eller pustar unormalt (gispar, lange pausar)?',
      en: 'Is the child not breathing, or breathing abnormally (gasping, long pauses)?',
      se: 'Go mánná ii vuoiŋŋa, dahje vuoiŋŋa eahpedábálaččat?',
    },
  ),
  flag(
    'general-choking',
    {
      nb: 'Har noe satt seg fast i halsen, så personen ikke klarer å puste, hoste eller snakke?',
      nn: 'Har noko sett seg fast i halsen, så personen ikkje klarer å puste, hoste eller snakke?',
      en: 'Is something stuck in the throat, so that the person cannot breathe, cough or speak?',
      se: 'Lea go juoga gidda čoddagis, nu ahte olmmoš ii sáhte vuoigŋat, gossat dahje hupmat?',
    },
    {
      nb: 'Har noe satt seg fast i halsen, så barnet ikke klarer å puste, hoste eller gråte?',
      nn: 'Har noko sett seg fast i halsen, så barnet ikkje klarer å puste, hoste eller gråte?',
      en: 'Is something stuck in the throat, so that the child cannot breathe, cough or cry?',
      se: 'Lea go juoga gidda čoddagis, nu ahte mánná ii sáhte vuoigŋat, gossat dahje čierrut?',
    },
  ),
  flag(
    'general-unconscious',
    {
      nb: 'Er personen bevisstløs, eller svært vanskelig å vekke?',
      nn: 'Er personen medvitslaus, eller svært vanskeleg å vekkje?',
      en: 'Is the person unconscious, or very hard to wake?',
      se: 'Lea go olmmoš diđuheapme, dahje hui váttis boktit?',
    },
    {
      nb: 'Er barnet bevisstløst, eller svært vanskelig å vekke?',
      nn: 'Er barnet medvitslaust, eller svært vanskeleg å vekkje?',
      en: 'Is the child unconscious, or very hard to wake?',
      se: 'Lea go mánná diđuheapme, dahje hui váttis boktit?',
    },
  ),
  flag(
    'general-confused',
    {
      nb: 'Har personen plutselig blitt forvirret eller uvanlig omtåket?',
      nn: 'Har personen brått vorte forvirra eller uvanleg omtåka?',
      en: 'Has the person suddenly become confused or unusually drowsy?',
      se: 'Lea go olmmoš fáhkkestaga šaddan ráđeheapmin dahje eahpedábálaččat ránisin?',
    },
    {
      nb: 'Har barnet plutselig blitt forvirret, eller kjenner det ikke igjen deg?',
      nn: 'Har barnet brått vorte forvirra, eller kjenner det ikkje att deg?',
      en: 'Has the child suddenly become confused, or does it not recognise you?',
      se: 'Lea go mánná fáhkkestaga šaddan ráđeheapmin, dahje ii go dovdda du?',
    },
  ),
  flag(
    'general-seizure',
    {
      nb: 'Har personen kramper nå, eller kramper som ikke har gått over?',
      nn: 'Har personen krampar no, eller krampar som ikkje har gått over?',
      en: 'Is the person having a seizure (fit) now, or one that has not stopped?',
      se: 'Lea go olmmošis gárrádus dál, dahje gárrádus mii ii leat nohkan?',
    },
    {
      nb: 'Har barnet kramper nå, eller har det hatt kramper for første gang?',
      nn: 'Har barnet krampar no, eller har det hatt krampar for første gong?',
      en: 'Is the child having a seizure (fit) now, or has it had one for the first time?',
      se: 'Lea go mánás gárrádus dál, dahje lea go das lean gárrádus vuosttaš geardde?',
    },
  ),
  flag(
    'general-face-arm',
    {
      nb: 'Har ansiktet plutselig blitt skjevt, eller har en arm eller et bein plutselig blitt kraftløst?',
      nn: 'Har andletet brått vorte skeivt, eller har ein arm eller eit bein brått vorte kraftlaust?',
      en: 'Has the face suddenly drooped on one side, or has an arm or a leg suddenly become weak?',
      se: 'Lea go ámadaju fáhkkestaga šaddan vuoskkasin, dahje giehta dahje juolgi fáhkkestaga fápmohis?',
    },
    {
      nb: 'Har barnets ansikt plutselig blitt skjevt, eller har en arm eller et bein plutselig blitt kraftløst?',
      nn: 'Har andletet til barnet brått vorte skeivt, eller har ein arm eller eit bein brått vorte kraftlaust?',
      en: "Has the child's face suddenly drooped on one side, or has an arm or a leg suddenly become weak?",
      se: 'Lea go máná ámadaju fáhkkestaga šaddan vuoskkasin, dahje giehta dahje juolgi fápmohis?',
    },
  ),
  flag(
    'general-speech',
    {
      nb: 'Har talen plutselig blitt utydelig, eller er det plutselig vanskelig å finne ord?',
      nn: 'Har talen brått vorte utydeleg, eller er det brått vanskeleg å finne ord?',
      en: 'Has speech suddenly become slurred, or is it suddenly hard to find words?',
      se: 'Lea go hupman fáhkkestaga šaddan čielgasmeahttumin, dahje lea go fáhkkestaga váttis gávdnat sániid?',
    },
    {
      nb: 'Har barnet plutselig fått utydelig tale, eller klarer det plutselig ikke å snakke som før?',
      nn: 'Har barnet brått fått utydeleg tale, eller klarer det brått ikkje å snakke som før?',
      en: 'Has the child suddenly started to slur, or can it suddenly not talk as before?',
      se: 'Lea go mánná fáhkkestaga hupmagoahtán čielgasmeahttumit?',
    },
    { ages: ['1-4-years', '5-12-years', ...FROM_13] },
  ),
  flag(
    'general-unsteady',
    {
      nb: 'Har du plutselig blitt så ustø at du ikke klarer å gå rett, uten å vite hvorfor?',
      nn: 'Har du brått vorte så ustø at du ikkje klarer å gå rett, utan å vite kvifor?',
      en: 'Have you suddenly become so unsteady that you cannot walk straight, without knowing why?',
      se: 'Leat go fáhkkestaga šaddan nu ráfuhis ahte it sáhte vázzit njuolga, almmá diehtitkeahttá manne?',
    },
    {
      nb: 'Har barnet plutselig blitt så ustøtt at det ikke klarer å gå eller sitte som før?',
      nn: 'Har barnet brått vorte så ustøtt at det ikkje klarer å gå eller sitje som før?',
      en: 'Has the child suddenly become so unsteady that it cannot walk or sit as before?',
      se: 'Lea go mánná fáhkkestaga šaddan nu ráfuhis ahte ii sáhte vázzit dahje čohkkát nugo ovdal?',
    },
    { ages: ['1-4-years', '5-12-years', ...FROM_13] },
  ),
  flag(
    'general-breathing-severe',
    {
      nb: 'Er pusten så tung at du ikke klarer å si hele setninger, eller er leppene blålige?',
      nn: 'Er pusten så tung at du ikkje klarer å seie heile setningar, eller er leppene blålege?',
      en: 'Is breathing so hard that you cannot say whole sentences, or are your lips bluish?',
      se: 'Lea go vuoigŋan nu lossat ahte it nagot dadjat olles cealkagiid, dahje leat go baksamat alitvuođat?',
    },
    {
      nb: 'Strever barnet tydelig med å puste (huden trekkes inn mellom ribbeina, stønner), eller er leppene blålige?',
      nn: 'Strevar barnet tydeleg med å puste (huda blir trekt inn mellom ribbeina, stønnar), eller er leppene blålege?',
      en: "Is the child clearly struggling to breathe (skin sucked in between the ribs, grunting), or are the lips bluish?",
      se: 'Lea go mánná čielgasit váttis vuoigŋat, dahje leat go baksamat alitvuođat?',
    },
  ),
  flag(
    'general-chest-pain',
    {
      nb: 'Har du vondt i brystet nå (trykk, tyngde eller klemming) som har vart i mer enn 5 minutter?',
      nn: 'Har du vondt i brystet no (trykk, tyngd eller klemming) som har vart i meir enn 5 minutt?',
      en: 'Do you have chest pain now (pressure, heaviness or squeezing) that has lasted more than 5 minutes?',
      se: 'Bávččasta go rattis dál (deaddin, lossadat dahje báhčin) mii lea bistán eanet go 5 minuhta?',
    },
    {
      nb: 'Har barnet vondt i brystet nå (trykk, tyngde eller klemming) som har vart i mer enn 5 minutter?',
      nn: 'Har barnet vondt i brystet no (trykk, tyngd eller klemming) som har vart i meir enn 5 minutt?',
      en: 'Does the child have chest pain now (pressure, heaviness or squeezing) that has lasted more than 5 minutes?',
      se: 'Bávččasta go máná rattis dál mii lea bistán eanet go 5 minuhta?',
    },
    { ages: FROM_13 },
  ),
  flag(
    'general-nitro',
    {
      nb: 'Bruker du nitroglyserin mot brystsmerter, og hjelper det dårligere enn det pleier?',
      nn: 'Brukar du nitroglyserin mot brystsmerter, og hjelper det dårlegare enn det plar?',
      en: 'Do you use nitroglycerin (GTN) for chest pain, and is it helping less than usual?',
      se: 'Geavahat go nitroglyseriinna ratti bávččasa vuostá, ja veahkeha go dat heajubut go dábálaččat?',
    },
    {
      nb: 'Bruker personen nitroglyserin mot brystsmerter, og hjelper det dårligere enn det pleier?',
      nn: 'Brukar personen nitroglyserin mot brystsmerter, og hjelper det dårlegare enn det plar?',
      en: 'Does the person use nitroglycerin (GTN) for chest pain, and is it helping less than usual?',
      se: 'Geavaha go olmmoš nitroglyseriinna, ja veahkeha go dat heajubut go dábálaččat?',
    },
    { ages: ADULTS },
  ),
  flag(
    'general-chest-discomfort',
    {
      nb: 'Har du uventet ubehag i brystet, og samtidig føler du deg uvel og kvalm?',
      nn: 'Har du uventa ubehag i brystet, og samtidig kjenner du deg uvel og kvalm?',
      en: 'Do you have unexpected discomfort in your chest, and at the same time feel unwell and sick (nauseous)?',
      se: 'Leat go dus vuordemeahttun vártnuhisvuohta ratti siste, ja seammás dovddat iežat buohccin ja vuovssáhin?',
    },
    {
      nb: 'Har personen uventet ubehag i brystet, og samtidig føler seg uvel og kvalm?',
      nn: 'Har personen uventa ubehag i brystet, og samtidig kjenner seg uvel og kvalm?',
      en: 'Does the person have unexpected chest discomfort, and at the same time feel unwell and sick?',
      se: 'Lea go olbmos vuordemeahttun vártnuhisvuohta ratti siste, ja seammás dovdá iežas buohccin?',
    },
    { ages: ADULTS },
  ),
  flag(
    'general-allergy',
    {
      nb: 'Har du fått hovne lepper, tunge eller ansikt, eller blitt tett i halsen, etter mat, et stikk eller en medisin?',
      nn: 'Har du fått hovne lepper, tunge eller andlet, eller vorte tett i halsen, etter mat, eit stikk eller ein medisin?',
      en: 'Have your lips, tongue or face swollen, or your throat felt tight, after food, a sting or a medicine?',
      se: 'Leat go baksamat, njuokčamat dahje ámadaju bohtanan, dahje čoddagis dovdo gárži, borramuša, čuožžuma dahje dálkasa maŋŋá?',
    },
    {
      nb: 'Har barnet fått hovne lepper, tunge eller ansikt, eller blitt tett i halsen, etter mat, et stikk eller en medisin?',
      nn: 'Har barnet fått hovne lepper, tunge eller andlet, eller vorte tett i halsen, etter mat, eit stikk eller ein medisin?',
      en: "Have the child's lips, tongue or face swollen, or has the throat become tight, after food, a sting or a medicine?",
      se: 'Leat go máná baksamat, njuokčamat dahje ámadaju bohtanan borramuša, čuožžuma dahje dálkasa maŋŋá?',
    },
    {
      whatToDoNow: {
        nb: 'Ring 113 nå. Har personen adrenalinpenn, bruk den med en gang.',
        nn: 'Ring 113 no. Har personen adrenalinpenn, bruk han med ein gong.',
        en: 'Call 113 now. If the person has an adrenaline pen, use it at once.',
        se: 'Riŋge 113 dál. Jus olbmos lea adrenaliinapenna, geavat dan dakkaviđe.',
      },
    },
  ),
  flag(
    'general-bleeding',
    {
      nb: 'Blør det kraftig, og stopper det ikke når du trykker hardt på stedet?',
      nn: 'Blør det kraftig, og stoppar det ikkje når du trykkjer hardt på staden?',
      en: 'Is there heavy bleeding that does not stop when you press hard on it?',
      se: 'Varrá go garrasit, ja ii go bisán go deattut garrasit?',
    },
    {
      nb: 'Blør barnet kraftig, og stopper det ikke når du trykker hardt på stedet?',
      nn: 'Blør barnet kraftig, og stoppar det ikkje når du trykkjer hardt på staden?',
      en: 'Is the child bleeding heavily, and does it not stop when you press hard on it?',
      se: 'Varrá go mánná garrasit, ja ii go bisán go deattut garrasit?',
    },
    {
      whatToDoNow: {
        nb: 'Ring 113 nå. Trykk hardt og jevnt på stedet som blør til hjelpen kommer.',
        nn: 'Ring 113 no. Trykk hardt og jamt på staden som blør til hjelpa kjem.',
        en: 'Call 113 now. Press hard and steadily on the bleeding until help arrives.',
        se: 'Riŋge 113 dál. Deaddil garrasit dan sadjái mii varrá dassážii go veahkki boahtá.',
      },
    },
  ),
  flag(
    'general-poisoning',
    {
      nb: 'Har personen fått i seg gift, for mye medisin eller rusmidler, og er nå døsig, kaster opp eller puster rart?',
      nn: 'Har personen fått i seg gift, for mykje medisin eller rusmiddel, og er no døsig, kastar opp eller pustar rart?',
      en: 'Has the person taken poison, too much medicine or drugs, and is now drowsy, vomiting or breathing oddly?',
      se: 'Lea go olmmoš borran mirkku, menddo olu dálkasa dahje gárrenmirkkuid, ja lea dál nahkáriin, vuovssada dahje vuoiŋŋa imaštahtti?',
    },
    {
      nb: 'Har barnet fått i seg gift, medisin eller noe annet farlig, og er nå døsig, kaster opp eller puster rart?',
      nn: 'Har barnet fått i seg gift, medisin eller noko anna farleg, og er no døsig, kastar opp eller pustar rart?',
      en: 'Has the child swallowed poison, medicine or something else dangerous, and is now drowsy, vomiting or breathing oddly?',
      se: 'Lea go mánná borran mirkku dahje dálkasa, ja lea dál nahkáriin, vuovssada dahje vuoiŋŋa imaštahtti?',
    },
    {
      whatToDoNow: {
        nb: 'Ring 113 nå. Ta vare på pakningen eller det personen har fått i seg. Giftinformasjonen gir råd på 22 59 13 00.',
        nn: 'Ring 113 no. Ta vare på pakninga eller det personen har fått i seg. Giftinformasjonen gir råd på 22 59 13 00.',
        en: 'Call 113 now. Keep the packaging or what the person took. The Norwegian Poison Information Centre advises on 22 59 13 00.',
        se: 'Riŋge 113 dál. Vurke páhkkema. Mirkodieđut (Giftinformasjonen) rávve 22 59 13 00.',
      },
    },
  ),
  flag(
    'general-suicide',
    {
      nb: 'Tenker du på å ta livet ditt nå, eller har du skadet deg selv alvorlig?',
      nn: 'Tenkjer du på å ta livet ditt no, eller har du skadd deg sjølv alvorleg?',
      en: 'Are you thinking of taking your own life now, or have you seriously harmed yourself?',
      se: 'Jurddašat go dál váldit heakka iežat, dahje leat go bártidan iežat garrasit?',
    },
    {
      nb: 'Sier barnet at det vil ta livet sitt, eller har det skadet seg selv alvorlig?',
      nn: 'Seier barnet at det vil ta livet sitt, eller har det skadd seg sjølv alvorleg?',
      en: 'Does the child say it wants to end its life, or has it seriously harmed itself?',
      se: 'Dadjá go mánná ahte háliida váldit heakka iežas, dahje lea go bártidan iežas garrasit?',
    },
    {
      ages: ['5-12-years', ...FROM_13],
      whatToDoNow: {
        nb: 'Ring 113 nå. Ikke la personen være alene. Fjern det som kan brukes til å skade seg.',
        nn: 'Ring 113 no. Ikkje la personen vere åleine. Fjern det som kan brukast til å skade seg.',
        en: 'Call 113 now. Do not leave the person alone. Remove anything that could be used for self-harm.',
        se: 'Riŋge 113 dál. Ale guođe olbmo okto.',
      },
    },
  ),
  flag(
    'general-child-limp',
    {
      nb: 'Er barnet slapt og vanskelig å få kontakt med?',
      nn: 'Er barnet slapt og vanskeleg å få kontakt med?',
      en: 'Is the child floppy and hard to get a response from?',
      se: 'Lea go mánná láivi ja váttis oažžut oktavuođa?',
    },
    {
      nb: 'Er barnet slapt og vanskelig å få kontakt med?',
      nn: 'Er barnet slapt og vanskeleg å få kontakt med?',
      en: 'Is the child floppy and hard to get a response from?',
      se: 'Lea go mánná láivi ja váttis oažžut oktavuođa?',
    },
    { ages: UNDER_13 },
  ),
];
