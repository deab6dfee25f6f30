// A GP office website: "Kontakt legekontoret" opens <hk-triage> in a modal dialog. The answers go to the local
// FHIR server (fhir-base), and the page shows the Bundle it receives in `hk-complete`.
import '@helsekit/triage/define';
import type { HkTriage, HkTriageCompleteEvent, HkTriageErrorEvent } from '@helsekit/triage';
import { FHIR_BASE, getAccessToken } from '../shared/config';

const openButton = document.querySelector<HTMLButtonElement>('#open-contact')!;
const closeButton = document.querySelector<HTMLButtonElement>('#close-contact')!;
const dialog = document.querySelector<HTMLDialogElement>('#contact')!;
const heading = document.querySelector<HTMLHeadingElement>('#contact-heading')!;
const slot = document.querySelector<HTMLElement>('#triage-slot')!;
const bundleOut = document.querySelector<HTMLPreElement>('#bundle')!;
const status = document.querySelector<HTMLElement>('#received-status')!;
const log = document.querySelector<HTMLOListElement>('#log')!;

function logLine(text: string): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString('nb-NO')} ${text}`;
  log.append(item);
}

let triage: HkTriage | undefined;

/** Created on first open, with its security settings set before it connects. */
function createTriage(): HkTriage {
  const el = document.createElement('hk-triage');
  el.setAttribute('fhir-base', FHIR_BASE);
  el.allowedFhirBases = [FHIR_BASE];
  el.getAccessToken = getAccessToken;
  el.gpOffice = { name: 'Legekontoret Eksempelgata', phone: '22 00 00 00' };
  // The office opts in: a reload of the page resumes the triage (sessionStorage, this tab only).
  el.persist = 'session';

  // `hk-complete` and `hk-error` are shared names with other helsekit elements, so not in the global event map.
  el.addEventListener('hk-complete', (event) => {
    const { disposition, bundle } = (event as unknown as HkTriageCompleteEvent).detail;
    bundleOut.textContent = JSON.stringify(bundle, null, 2);
    status.textContent = `Resultat mottatt: ${disposition}.`;
    logLine(`hk-complete ${disposition}`);
  });
  el.addEventListener('hk-handoff', (event) => {
    const { disposition, bundle } = event.detail;
    logLine(`hk-handoff ${disposition}: transaksjon med ${bundle.entry?.length ?? 0} ressurser sendes til ${FHIR_BASE}`);
  });
  el.addEventListener('hk-analytics', (event) => {
    logLine(`hk-analytics ${JSON.stringify(event.detail)}`);
  });
  el.addEventListener('hk-error', (event) => {
    const { reason, message } = (event as unknown as HkTriageErrorEvent).detail;
    logLine(`hk-error ${reason}: ${message}`);
  });
  return el;
}

openButton.addEventListener('click', () => {
  if (!triage) {
    triage = createTriage();
    slot.append(triage);
  }
  dialog.showModal();
  // The dialog's name is read first; the widget moves focus to its own heading when the step changes.
  heading.focus();
});

closeButton.addEventListener('click', () => dialog.close());
// Escape closes the dialog natively; either way focus goes back to the button that opened it.
dialog.addEventListener('close', () => openButton.focus());
