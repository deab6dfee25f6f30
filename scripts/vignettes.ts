// `npm run vignettes [-- --protocol <id>] [-- --set blind] [-- --verbose] [-- --ask]`
//
// Two sets: `authored` (packages/protocols/vignettes/<protocol>.json, written by the protocols' authors, who know the
// rules) and `blind` (packages/protocols/vignettes/blind/*.json, written by raters who never read the protocol files:
// the expected disposition from public guidance first, then each screen answered from what it shows, with `--ask`
// printing the next screen's text and options instead of assuming "vet ikke"). Both run by default.
//
// Runs the lay-language triage vignettes (packages/protocols/vignettes/*.json, docs/protocol-authoring.md) through
// the real triage machine, screen by screen as the person would: the who-for answers, the words typed in the
// search (the protocol must be among the first hits the person is offered, else they would never reach it), the
// red flags ticked, then every question the machine asks, answered from the vignette or with "vet ikke".
//
// Fails (exit 1) when an emergency is not sent to 113 or 116117, when a vignette cannot be run as written, or when
// a disposition a protocol can reach is reached by no vignette. Its last line is
// `vignettes: N cases, emergencies E/T to 113 or 116117, safe S/N, exact X/N, self-care C/D`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createActor } from 'xstate';
import {
  allowsDontKnow,
  allRedFlags,
  fitsAudience,
  AGE_BANDS,
  DONT_KNOW,
  isValidPerson,
  offeredProtocols,
  searchProtocols,
  triageMachine,
  urgencyRank,
  usesChildWording,
  verifyProtocol,
  type Disposition,
  type Protocol,
  type Question,
  type TriageAnswer,
  type TriagePerson,
} from '@helsekit/core/triage';

/** How far down the hits a person looks for their reason. */
const HITS_SHOWN = 5;
const EMERGENCIES: readonly Disposition[] = ['call-113', 'call-116117'];

interface Vignette {
  id: string;
  story: string;
  source: { title: string; url: string };
  person: TriagePerson;
  /** What the person types; null: nothing fits, they choose "Noe annet". */
  search: string | null;
  redFlags: string[];
  answers: Record<string, TriageAnswer>;
  expected: Disposition;
  /** For "Noe annet": the person's own words (default: the story). */
  description?: string;
  /** The reason the person picks from what the search shows (blind files); default: the file's protocol. */
  protocol?: string;
}
interface VignetteFile {
  /** The protocol every case runs; a blind file may instead name it per case. */
  protocol?: string;
  cases: Vignette[];
}

type Result =
  | { ok: true; got: Disposition; path: string[] }
  | { ok: false; error: string };

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const only = args.includes('--protocol') ? args[args.indexOf('--protocol') + 1] : undefined;
const onlySet = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;
const verbose = args.includes('--verbose');
/** Blind rating: every screen needs an explicit answer; the runner prints the first one missing, as the screen shows it. */
const ask = args.includes('--ask');

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const protocolDir = join(root, 'packages/protocols/src');
const vignetteDir = join(root, 'packages/protocols/vignettes');
const protocols = readdirSync(protocolDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => readJson<Protocol>(join(protocolDir, f)));
const setDir = (set: string) => (set === 'blind' ? join(vignetteDir, 'blind') : vignetteDir);
const readSet = (set: 'authored' | 'blind') =>
  (existsSync(setDir(set)) ? readdirSync(setDir(set)) : [])
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ set, name: `${set === 'blind' ? 'blind/' : ''}${f}`, file: readJson<VignetteFile>(join(setDir(set), f)) }));
const files = [...(onlySet === 'blind' ? [] : readSet('authored')), ...(onlySet === 'authored' ? [] : readSet('blind'))].filter(
  ({ file }) => !only || file.protocol === only,
);

function run(protocolId: string, vignette: Vignette): Result {
  // A case that needs no answers may leave them out.
  const v = { ...vignette, answers: vignette.answers ?? {} };
  if (!isValidPerson(v.person)) return { ok: false, error: `invalid person ${JSON.stringify(v.person)}` };
  const actor = createActor(triageMachine, { input: { protocols, locale: 'nb' } }).start();
  try {
    actor.send({ type: 'PERSON.SET', person: v.person });
    if (actor.getSnapshot().value !== 'choosingReason') return { ok: false, error: `the who-for answers did not lead to the reason screen` };
    const offered = offeredProtocols(actor.getSnapshot().context);
    if (v.search === null) {
      if (protocolId !== 'other') return { ok: false, error: 'search is null, but only "Noe annet" (other) is reached without a search' };
    } else {
      const hits = searchProtocols(offered, v.search).slice(0, HITS_SHOWN).map((h) => h.protocol.id);
      if (!hits.includes(protocolId) && protocolId !== 'other') {
        return { ok: false, error: `"${v.search}" does not offer ${protocolId} (first hits: ${hits.join(', ') || 'none'})` };
      }
    }
    if (!offered.some((p) => p.id === protocolId)) return { ok: false, error: `${protocolId} is not offered to this person` };
    const description = protocolId === 'other' ? (v.description ?? v.story) : undefined;
    actor.send({ type: 'REASON.SELECT', protocolId, ...(description !== undefined ? { description } : {}) });
    const protocol = actor.getSnapshot().context.protocol!;
    const child = usesChildWording(v.person);
    const asked = new Set(allRedFlags(protocol).map((f) => f.id));
    if (ask && !Array.isArray(v.redFlags)) {
      const lines = allRedFlags(protocol).map((f) => `    ${f.id}: ${(child && f.textChild ? f.textChild : f.text).nb}`);
      return { ok: false, error: `needs "redFlags" (the ids to tick; [] for "Nei, ingenting av dette"). The screen shows:\n${lines.join('\n')}` };
    }
    const unknownFlag = v.redFlags.find((id) => !asked.has(id));
    if (unknownFlag) return { ok: false, error: `red flag ${unknownFlag} is not on this person's red-flag screen` };
    actor.send(v.redFlags.length > 0 ? { type: 'REDFLAGS.SET', ids: v.redFlags } : { type: 'REDFLAGS.NONE' });
    const path: string[] = [];
    for (let step = 0; actor.getSnapshot().value === 'questions'; step++) {
      if (step > 100) return { ok: false, error: 'the flow did not end' };
      const id = actor.getSnapshot().context.currentQuestionId!;
      const question = protocol.questions.find((q) => q.id === id)!;
      const given = Object.hasOwn(v.answers, id) ? v.answers[id]! : undefined;
      if (ask && given === undefined) return { ok: false, error: `needs an answer for "${id}". The screen shows:\n${describe(question, child)}` };
      const value = given ?? (allowsDontKnow(question) ? DONT_KNOW : undefined);
      if (value === undefined) return { ok: false, error: `no answer for ${id}, which has no "vet ikke"` };
      actor.send({ type: 'ANSWER.SET', questionId: id, value });
      if (actor.getSnapshot().context.answers[id] === undefined) return { ok: false, error: `the answer ${JSON.stringify(value)} to ${id} was refused` };
      path.push(`${id}=${JSON.stringify(value)}`);
      actor.send({ type: 'STEP.NEXT' });
    }
    const snapshot = actor.getSnapshot();
    if (snapshot.value !== 'outcome' || !snapshot.context.decision) return { ok: false, error: `ended in ${String(snapshot.value)}, not an outcome` };
    const unused = Object.keys(v.answers).filter((id) => !path.some((p) => p.startsWith(`${id}=`)));
    if (verbose && unused.length > 0) console.log(`  note ${v.id}: answers not asked: ${unused.join(', ')}`);
    return { ok: true, got: snapshot.context.decision.disposition, path };
  } finally {
    actor.stop();
  }
}

/** A question as the screen shows it, for a blind rater: the text, the kind, and the answers it takes. */
function describe(question: Question, child: boolean): string {
  const text = (child && question.textChild ? question.textChild : question.text).nb;
  const help = question.help ? ` (${question.help.nb})` : '';
  const dk = allowsDontKnow(question) ? `, or "${DONT_KNOW}" (Vet ikke)` : '';
  switch (question.kind) {
    case 'yes-no-dontknow':
      return `    ${text}${help}\n    answer: "yes" | "no" | "dontknow"`;
    case 'single-choice':
    case 'multi-choice': {
      const options = question.options.map((o) => `      "${o.value}": ${o.label.nb}${o.exclusive ? ' (stands alone)' : ''}`).join('\n');
      const form = question.kind === 'multi-choice' ? 'a list of values, e.g. ["a", "b"]' : 'one value';
      return `    ${text}${help}\n    answer: ${form}${dk}\n${options}`;
    }
    case 'number':
      return `    ${text}${help}\n    answer: a number in ${question.unitLabel.nb} (${question.min}–${question.max})${dk}`;
    default:
      return `    ${text}${help}\n    answer: a whole number${question.kind === 'duration' ? ` of ${question.unit}` : ' (years)'} (${question.min}–${question.max})${dk}`;
  }
}

type Totals = { cases: number; emergencies: number; emergenciesSent: number; safe: number; exact: number; selfCare: number; selfCareSent: number };
const empty = (): Totals => ({ cases: 0, emergencies: 0, emergenciesSent: 0, safe: 0, exact: 0, selfCare: 0, selfCareSent: 0 });
const totals: Record<'authored' | 'blind' | 'all', Totals> = { authored: empty(), blind: empty(), all: empty() };
const failures: string[] = [];
const bands = new Set<string>();
/** Per protocol, the dispositions the authored vignettes reached. */
const reachedBy = new Map<string, Set<Disposition>>();

for (const { set, name, file } of files) {
  for (const v of file.cases) {
    const protocolId = v.protocol ?? file.protocol;
    if (!protocolId) {
      const hits = v.search ? searchProtocols(protocols.filter((p) => isValidPerson(v.person) && fitsAudience(p, v.person)), v.search).slice(0, HITS_SHOWN) : [];
      failures.push(`${v.id}: needs "protocol": the reason the person picks. "${v.search ?? ''}" shows: ${hits.map((h) => `${h.protocol.id} (${h.protocol.title.nb})`).join(', ') || 'no hits'}; and other (Noe annet)`);
      continue;
    }
    if (!protocols.some((p) => p.id === protocolId)) {
      failures.push(`${name}: no protocol "${protocolId}"`);
      continue;
    }
    bands.add(v.person?.ageBand);
    const result = run(protocolId, v);
    const emergency = EMERGENCIES.includes(v.expected);
    const count = (f: (t: Totals) => void) => [totals[set], totals.all].forEach(f);
    count((t) => t.cases++);
    if (emergency) count((t) => t.emergencies++);
    if (v.expected === 'self-care') count((t) => t.selfCare++);
    if (!result.ok) {
      failures.push(`${v.id}: cannot run: ${result.error}`);
      continue;
    }
    if (set === 'authored') {
      const reached = reachedBy.get(protocolId) ?? new Set<Disposition>();
      reached.add(result.got);
      reachedBy.set(protocolId, reached);
    }
    const sent = EMERGENCIES.includes(result.got);
    if (emergency && sent) count((t) => t.emergenciesSent++);
    if (emergency && !sent) failures.push(`${v.id}: EMERGENCY not sent to 113/116117: expected ${v.expected}, got ${result.got}`);
    if (urgencyRank(result.got) <= urgencyRank(v.expected)) count((t) => t.safe++);
    if (result.got === v.expected) count((t) => t.exact++);
    if (v.expected === 'self-care' && result.got === 'self-care') count((t) => t.selfCareSent++);
    const mark = result.got === v.expected ? 'ok  ' : urgencyRank(result.got) < urgencyRank(v.expected) ? 'over' : 'UNDER';
    if (verbose || result.got !== v.expected) {
      console.log(`${mark} ${set === 'blind' ? 'blind/' : ''}${v.id} (${protocolId}): expected ${v.expected}, got ${result.got}${verbose ? `  [${result.path.join(', ')}]` : ''}`);
    }
  }
}

// Every disposition a protocol can reach needs an authored vignette that reaches it.
if (onlySet !== 'blind') {
  for (const protocol of protocols.filter((p) => !only || p.id === only)) {
    const reached = reachedBy.get(protocol.id);
    if (!reached) {
      failures.push(`${protocol.id}: no vignettes`);
      continue;
    }
    for (const d of verifyProtocol(protocol).counts.reached ?? []) {
      if (!reached.has(d)) failures.push(`${protocol.id}: no vignette reaches ${d}, which the protocol can give`);
    }
  }
  if (!only) for (const band of AGE_BANDS) if (!bands.has(band)) failures.push(`no vignette for age band ${band}`);
}

const line = (t: Totals) =>
  `${t.cases} cases, emergencies ${t.emergenciesSent}/${t.emergencies} to 113 or 116117, safe ${t.safe}/${t.cases}, ` +
  `exact ${t.exact}/${t.cases}, self-care ${t.selfCareSent}/${t.selfCare}`;
for (const f of failures) console.log(`FAIL ${f}`);
for (const set of ['authored', 'blind'] as const) if (totals[set].cases > 0) console.log(`  ${set}: ${line(totals[set])}`);
console.log(`vignettes: ${line(totals.all)}`);
process.exitCode = failures.length > 0 ? 1 : 0;
