/**
 * The shipped triage protocols. Each is JSON content with sources and review metadata; `protocols.test.ts`
 * runs the verifier over every one of them, so a protocol that is exported here has been proven path-safe.
 * JSON modules are typed structurally by TypeScript (strings, not literal unions), hence the casts.
 */
import type { Protocol } from '@helsekit/core/triage';
import abdominalPainJson from './abdominal-pain.json' with { type: 'json' };
import anxietyLowMoodJson from './anxiety-low-mood.json' with { type: 'json' };
import backPainJson from './back-pain.json' with { type: 'json' };
import chestPainJson from './chest-pain.json' with { type: 'json' };
import coughBreathingJson from './cough-breathing.json' with { type: 'json' };
import dizzinessJson from './dizziness.json' with { type: 'json' };
import earPainChildJson from './ear-pain-child.json' with { type: 'json' };
import feverAdultJson from './fever-adult.json' with { type: 'json' };
import feverChildUnder5Json from './fever-child-under-5.json' with { type: 'json' };
import headacheJson from './headache.json' with { type: 'json' };
import injuryWoundJson from './injury-wound.json' with { type: 'json' };
import pregnancyBleedingPainJson from './pregnancy-bleeding-pain.json' with { type: 'json' };
import prescriptionRenewalJson from './prescription-renewal.json' with { type: 'json' };
import rashSkinJson from './rash-skin.json' with { type: 'json' };
import sickNoteJson from './sick-note.json' with { type: 'json' };
import soreThroatJson from './sore-throat.json' with { type: 'json' };
import urinarySymptomsWomanJson from './urinary-symptoms-woman.json' with { type: 'json' };

export const feverAdult = feverAdultJson as unknown as Protocol;
export const feverChildUnder5 = feverChildUnder5Json as unknown as Protocol;
export const chestPain = chestPainJson as unknown as Protocol;
export const coughBreathing = coughBreathingJson as unknown as Protocol;
export const soreThroat = soreThroatJson as unknown as Protocol;
export const earPainChild = earPainChildJson as unknown as Protocol;
export const urinarySymptomsWoman = urinarySymptomsWomanJson as unknown as Protocol;
export const abdominalPain = abdominalPainJson as unknown as Protocol;
export const headache = headacheJson as unknown as Protocol;
export const backPain = backPainJson as unknown as Protocol;
export const rashSkin = rashSkinJson as unknown as Protocol;
export const injuryWound = injuryWoundJson as unknown as Protocol;
export const dizziness = dizzinessJson as unknown as Protocol;
export const anxietyLowMood = anxietyLowMoodJson as unknown as Protocol;
export const pregnancyBleedingPain = pregnancyBleedingPainJson as unknown as Protocol;
export const prescriptionRenewal = prescriptionRenewalJson as unknown as Protocol;
export const sickNote = sickNoteJson as unknown as Protocol;

/** Every shipped protocol, in the order a reason list shows them. */
export const protocols: readonly Protocol[] = [
  feverAdult,
  feverChildUnder5,
  chestPain,
  coughBreathing,
  soreThroat,
  earPainChild,
  urinarySymptomsWoman,
  abdominalPain,
  headache,
  backPain,
  rashSkin,
  injuryWound,
  dizziness,
  anxietyLowMood,
  pregnancyBleedingPain,
  prescriptionRenewal,
  sickNote,
];

export function protocolById(id: string): Protocol | undefined {
  return protocols.find((p) => p.id === id);
}
