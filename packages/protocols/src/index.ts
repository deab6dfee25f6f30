/**
 * The shipped triage protocols. Each is JSON content with sources and review metadata; `protocols.test.ts`
 * runs the verifier over every one of them, so a protocol that is exported here has been proven path-safe.
 * JSON modules are typed structurally by TypeScript (strings, not literal unions), hence the casts.
 */
import type { Protocol } from '@helsekit/core/triage';
import chestPainJson from './chest-pain.json' with { type: 'json' };
import feverAdultJson from './fever-adult.json' with { type: 'json' };
import prescriptionRenewalJson from './prescription-renewal.json' with { type: 'json' };

export const feverAdult = feverAdultJson as unknown as Protocol;
export const chestPain = chestPainJson as unknown as Protocol;
export const prescriptionRenewal = prescriptionRenewalJson as unknown as Protocol;

/** Every shipped protocol, in the order a reason list shows them. */
export const protocols: readonly Protocol[] = [feverAdult, chestPain, prescriptionRenewal];

export function protocolById(id: string): Protocol | undefined {
  return protocols.find((p) => p.id === id);
}
