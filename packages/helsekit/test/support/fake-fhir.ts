/**
 * Loaded first on the strict host page: replaces the page's `fetch` with a spy that answers requests under
 * `FHIR_BASE` from an in-memory FHIR R4 server and lets nothing else out (it answers 599), and records every
 * other way a page can reach the network (beacons, XHR, WebSocket, EventSource). The components under test
 * read `globalThis.fetch` when they build their store, so they talk to this spy.
 */
import type { Bundle, FhirResource } from 'fhir/r4';

/** The configured FHIR base: another origin than the test server. */
export const FHIR_BASE = 'https://fhir.helsekit.test/R4';

export interface NetworkCall {
  kind: 'fetch' | 'beacon' | 'xhr' | 'websocket' | 'eventsource';
  method: string;
  url: string;
}

export const calls: NetworkCall[] = [];
const resources = new Map<string, FhirResource>();
let nextId = 1;

/** Puts a resource on the fake server (with an id and version) and returns it. */
export function seed<T extends FhirResource>(resource: T): T {
  const id = resource.id ?? `s${nextId++}`;
  const stored = { ...resource, id, meta: { ...resource.meta, versionId: '1', lastUpdated: new Date().toISOString() } } as T;
  resources.set(`${stored.resourceType}/${id}`, stored);
  return stored;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/fhir+json', ...headers } });

function matches(resource: FhirResource, params: URLSearchParams): boolean {
  const r = resource as unknown as Record<string, unknown>;
  for (const [name, value] of params) {
    if (name.startsWith('_') || name === 'date' || name === 'authored') continue;
    if (name === 'subject' && (r['subject'] as { reference?: string } | undefined)?.reference !== value) return false;
    if (name === 'questionnaire' && r['questionnaire'] !== value) return false;
    if (name === 'url' && r['url'] !== value) return false;
    if (name === 'status' && !value.split(',').includes(String(r['status']))) return false;
  }
  return true;
}

function serve(method: string, url: URL, headers: Headers, body: unknown): Response {
  const path = url.href.slice(FHIR_BASE.length).replace(/^\//, '').split('?')[0]!;
  const [type, id] = path.split('/');
  const now = new Date().toISOString();
  if (method === 'POST' && path === '') {
    const bundle = body as Bundle;
    return json({ resourceType: 'Bundle', type: 'transaction-response', entry: (bundle.entry ?? []).map(() => ({ response: { status: '201 Created' } })) });
  }
  if (method === 'GET' && type && !id) {
    const entry = [...resources.values()].filter((r) => r.resourceType === type && matches(r, url.searchParams)).map((resource) => ({ resource, search: { mode: 'match' } }));
    return json({ resourceType: 'Bundle', type: 'searchset', total: entry.length, entry });
  }
  if (method === 'GET' && type && id) {
    const found = resources.get(`${type}/${id}`);
    return found ? json(found) : json(undefined, 404);
  }
  if (method === 'POST' && type) {
    const condition = headers.get('If-None-Exist');
    if (condition) {
      const existing = [...resources.values()].find((r) => r.resourceType === type && matches(r, new URLSearchParams(condition)));
      if (existing) return json(existing, 200);
    }
    const created = { ...(body as FhirResource), id: `r${nextId++}`, meta: { versionId: '1', lastUpdated: now } } as FhirResource;
    resources.set(`${type}/${created.id}`, created);
    return json(created, 201, { ETag: 'W/"1"' });
  }
  if (method === 'PUT' && type && id) {
    const current = resources.get(`${type}/${id}`);
    const expected = /"([^"]*)"/.exec(headers.get('If-Match') ?? '')?.[1];
    if (current && expected !== undefined && current.meta?.versionId !== expected) return json(undefined, 412);
    const version = String(Number(current?.meta?.versionId ?? 0) + 1);
    const updated = { ...(body as FhirResource), id, meta: { versionId: version, lastUpdated: now } } as FhirResource;
    resources.set(`${type}/${id}`, updated);
    return json(updated, current ? 200 : 201, { ETag: `W/"${version}"` });
  }
  if (method === 'DELETE' && type && id) {
    resources.delete(`${type}/${id}`);
    return json(undefined, 204);
  }
  return json(undefined, 400);
}

const realFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  calls.push({ kind: 'fetch', method: request.method, url: request.url });
  if (request.url === FHIR_BASE || request.url.startsWith(`${FHIR_BASE}/`) || request.url.startsWith(`${FHIR_BASE}?`)) {
    const text = await request.text();
    return serve(request.method, new URL(request.url), request.headers, text ? JSON.parse(text) : undefined);
  }
  // The test server itself (same origin) is reachable, so a stray request shows up in resource timing too.
  if (new URL(request.url).origin === location.origin) return realFetch(input, init);
  return new Response(null, { status: 599 });
};

const beacon = navigator.sendBeacon?.bind(navigator);
navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
  calls.push({ kind: 'beacon', method: 'POST', url: String(url) });
  return beacon ? beacon(url, data) : false;
};
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
  calls.push({ kind: 'xhr', method, url: String(url) });
  return (open as (...args: unknown[]) => void).call(this, method, url, ...rest);
} as typeof XMLHttpRequest.prototype.open;
const RealWebSocket = globalThis.WebSocket;
globalThis.WebSocket = class extends RealWebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    calls.push({ kind: 'websocket', method: 'GET', url: String(url) });
    super(url, protocols);
  }
};
const RealEventSource = globalThis.EventSource;
globalThis.EventSource = class extends RealEventSource {
  constructor(url: string | URL, init?: EventSourceInit) {
    calls.push({ kind: 'eventsource', method: 'GET', url: String(url) });
    super(url, init);
  }
};
