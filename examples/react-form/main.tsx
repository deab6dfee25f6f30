// The pre-consultation form inside a small React 19 app. React 19 sets properties on custom elements it knows, so
// objects (allowedFhirBases, getAccessToken) are passed as props; the events are listened to through a ref.
import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@helsekit/health-form/define';
import type { HkHealthForm, HkSubmitEvent } from '@helsekit/health-form';
import { FHIR_BASE, getAccessToken } from '../shared/config';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'hk-health-form': React.DetailedHTMLProps<React.HTMLAttributes<HkHealthForm>, HkHealthForm> & {
        'fhir-base'?: string;
        allowedFhirBases?: string[];
        getAccessToken?: () => Promise<string | undefined>;
        questionnaireUrl?: string;
        subject?: string;
        recipient?: string;
      };
    }
  }
}

function App() {
  const ref = useRef<HkHealthForm>(null);
  const [status, setStatus] = useState('Ikke sendt ennå.');

  useEffect(() => {
    const form = ref.current;
    if (!form) return;
    const onSubmit = (e: Event) => setStatus(`Sendt: ${(e as HkSubmitEvent).detail.response.item?.length ?? 0} svar.`);
    const onStep = (e: Event) => setStatus(`Steg: ${(e as CustomEvent<{ step: string }>).detail.step}`);
    form.addEventListener('hk-submit', onSubmit);
    form.addEventListener('hk-step-change', onStep);
    return () => {
      form.removeEventListener('hk-submit', onSubmit);
      form.removeEventListener('hk-step-change', onStep);
    };
  }, []);

  return (
    <>
      <h1>Før timen (React)</h1>
      <p role="status">{status}</p>
      <hk-health-form
        ref={ref}
        fhir-base={FHIR_BASE}
        allowedFhirBases={[FHIR_BASE]}
        getAccessToken={getAccessToken}
        subject="Patient/kari-nordmann"
        recipient="Medisinsk poliklinikk, Eksempel sykehus"
        questionnaireUrl="https://helsekit.no/fhir/Questionnaire/sykehus-forhandsskjema"
      />
    </>
  );
}

createRoot(document.querySelector('#app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
