/**
 * Start the local FHIR R4 development server:
 *
 *   node --experimental-websocket --import tsx examples/fhir-server/server.ts
 *
 * Env: HK_FHIR_PORT (default 8787), HK_FHIR_SEED_ANCHOR (YYYY-MM-DD, default today), HK_FHIR_LOG=0 to silence.
 */
import { startFhirServer } from './app.js';

const running = await startFhirServer({ log: process.env['HK_FHIR_LOG'] !== '0' });
const counts = Object.entries(running.seedSummary?.counts ?? {}).map(([type, n]) => `${n} ${type}`).join(', ');
console.log(`helsekit FHIR R4 server: ${running.baseUrl}`);
console.log(`seeded (anchor ${running.seedSummary?.anchor}): ${counts}`);
console.log('reset: POST /__hk/reset (loopback only)');

const stop = () => {
  running.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
