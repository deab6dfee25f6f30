// Where the example pages find the local FHIR server that `npm start` runs. A developer running several
// servers side by side sets VITE_HK_FHIR_PORT (and HK_FHIR_PORT for the server) to the same port.
const port = import.meta.env.VITE_HK_FHIR_PORT ?? '8787';

/** The FHIR R4 base of the local development server. */
export const FHIR_BASE = `http://127.0.0.1:${port}/fhir/R4`;

/** The examples run without sign-in: the local server accepts any token, and none is needed. */
export const getAccessToken = async (): Promise<string | undefined> => undefined;
