/**
 * One protocol on demand, by id: each is its own chunk in a bundled page, so a host that names the protocol
 * (`<hk-triage protocol-id="fever-adult">`) downloads that one and not the whole list. The list itself stays in
 * `index.ts`; `load.test.ts` proves the two agree.
 */
import type { Protocol } from '@helsekit/core/triage';

type Loader = () => Promise<{ default: unknown }>;

const loaders: Readonly<Record<string, Loader>> = {
  'fever-adult': () => import('./fever-adult.json', { with: { type: 'json' } }),
  'fever-child-under-5': () => import('./fever-child-under-5.json', { with: { type: 'json' } }),
  'chest-pain': () => import('./chest-pain.json', { with: { type: 'json' } }),
  'cough-breathing': () => import('./cough-breathing.json', { with: { type: 'json' } }),
  'sore-throat': () => import('./sore-throat.json', { with: { type: 'json' } }),
  'ear-pain-child': () => import('./ear-pain-child.json', { with: { type: 'json' } }),
  'urinary-symptoms-woman': () => import('./urinary-symptoms-woman.json', { with: { type: 'json' } }),
  'abdominal-pain': () => import('./abdominal-pain.json', { with: { type: 'json' } }),
  headache: () => import('./headache.json', { with: { type: 'json' } }),
  'back-pain': () => import('./back-pain.json', { with: { type: 'json' } }),
  'rash-skin': () => import('./rash-skin.json', { with: { type: 'json' } }),
  'injury-wound': () => import('./injury-wound.json', { with: { type: 'json' } }),
  dizziness: () => import('./dizziness.json', { with: { type: 'json' } }),
  'anxiety-low-mood': () => import('./anxiety-low-mood.json', { with: { type: 'json' } }),
  'pregnancy-bleeding-pain': () => import('./pregnancy-bleeding-pain.json', { with: { type: 'json' } }),
  'prescription-renewal': () => import('./prescription-renewal.json', { with: { type: 'json' } }),
  'sick-note': () => import('./sick-note.json', { with: { type: 'json' } }),
};

/** The ids of every shipped protocol. */
export const protocolIds: readonly string[] = Object.keys(loaders);

/** The shipped protocol with this id, loaded on its own; undefined when no shipped protocol has it. */
export async function loadProtocol(id: string): Promise<Protocol | undefined> {
  const load = Object.hasOwn(loaders, id) ? loaders[id] : undefined;
  return load ? ((await load()).default as Protocol) : undefined;
}

/**
 * Every shipped protocol, in the order of `index.ts`'s list, each loaded as its own chunk (the same chunks
 * `loadProtocol` loads, so a bundle holds each protocol once and needs no second chunk per protocol for it).
 */
export function loadAllProtocols(): Promise<Protocol[]> {
  return Promise.all(protocolIds.map(async (id) => (await loaders[id]!()).default as Protocol));
}
