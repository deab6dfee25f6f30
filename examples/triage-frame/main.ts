// The frame page of the iframe mode. The parent origin comes from `?parent=`; the FHIR base and its allowlist
// are this page's own settings, never the host's. A real deployment also lists its allowed parents here and
// in the CSP `frame-ancestors` header of this page.
import { mountTriageFrame } from '@helsekit/triage/frame/frame-page';
import { FHIR_BASE, getAccessToken } from '../shared/config';

const result = mountTriageFrame({
  container: document.querySelector<HTMLElement>('#triage')!,
  configure: (el) => {
    el.setAttribute('fhir-base', FHIR_BASE);
    el.allowedFhirBases = [FHIR_BASE];
    el.getAccessToken = getAccessToken;
    el.gpOffice = { name: 'Eksempel interkommunale legevakt', phone: '116 117' };
  },
});

if (!result.ok) {
  console.warn(`[triage-frame] not started: ${result.reason}`);
  document.querySelector<HTMLElement>('#not-embedded')!.hidden = false;
}
