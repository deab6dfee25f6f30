// Posts the triage transaction to the GP office's FHIR server. Loaded on the first send only, with the store:
// the red-flag screen waits for neither.
import type { Bundle } from 'fhir/r4';
import { FhirRestStore } from '@helsekit/core/store';
import type { HkTriageErrorDetail } from './triage.events.js';

export interface HandoffTarget {
  fhirBase: string;
  allowedFhirBases: string[] | undefined;
  getAccessToken: (() => Promise<string | undefined>) | undefined;
  fetch: typeof fetch | undefined;
}

/** Store errors that retrying the same request cannot fix: the server refused it. */
const REFUSED_CODES = new Set(['refused-base-url', 'unauthorized', 'forbidden', 'invalid', 'not-found', 'conflict', 'precondition-failed']);

/** Posts `bundle` as a transaction; resolves to null when it was stored, else to the error to report. */
export async function postHandoff(target: HandoffTarget, bundle: Bundle): Promise<HkTriageErrorDetail | null> {
  try {
    const store = new FhirRestStore({
      baseUrl: target.fhirBase,
      allowedBaseUrls: target.allowedFhirBases ?? [target.fhirBase],
      ...(target.getAccessToken ? { getAccessToken: target.getAccessToken } : {}),
      ...(target.fetch ? { fetch: target.fetch } : {}),
    });
    await store.transaction(bundle);
    return null;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    return { reason: REFUSED_CODES.has(code) ? 'fhir-refused' : 'fhir-failed', message: error instanceof Error ? error.message : String(error) };
  }
}
