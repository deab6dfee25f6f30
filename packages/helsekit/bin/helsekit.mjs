#!/usr/bin/env node
// `helsekit verify <protocol.json>...`: proves triage protocols safe (see docs/protocols.md).
import { readFileSync } from 'node:fs';

const USAGE = 'usage: helsekit verify <protocol.json>...';

async function loadTriage() {
  try {
    // An installed helsekit: the built core.
    return await import('@helsekit/core/triage');
  } catch (error) {
    if (!['ERR_MODULE_NOT_FOUND', 'ERR_UNKNOWN_FILE_EXTENSION'].includes(error.code)) throw error;
    // The helsekit repository before `npm run build`: the TypeScript source, through tsx.
    const { tsImport } = await import('tsx/esm/api');
    return tsImport('../../core/src/triage/index.ts', import.meta.url);
  }
}

const [command, ...files] = process.argv.slice(2);
if (command !== 'verify') {
  console.error(USAGE);
  process.exit(2);
}
const { runVerifyCli } = await loadTriage();
process.exitCode = runVerifyCli(files, (file) => readFileSync(file, 'utf8'));
