/**
 * FHIR REST adapter for any R4 server (HAPI, Medplum, Azure, Google, the local dev server).
 *
 * - Base URL: checked against the allowlist in the constructor (see base-url.ts); every request URL, `next`
 *   links included, must lie under it. Redirects are refused (`redirect: 'error'`), so the token cannot follow one.
 * - Token: `getAccessToken()` is called for EVERY request (retries included) and never kept.
 * - Versions: updates send `If-Match: W/"<versionId>"`; a 412 (or 409) on such a request is `'conflict'`.
 *   Creates can be conditional (`If-None-Exist`).
 * - Drafts: a QuestionnaireResponse with status `in-progress`, one per questionnaire and subject; its version is
 *   `meta.versionId` / the ETag. A first save is a conditional create, so two tabs cannot both create one.
 *
 * Retry rule (only where a retry cannot apply a change twice):
 * - GET (read, search, paging): retried on network errors, 429, 502, 503 and 504, with exponential backoff and
 *   full jitter, honouring `Retry-After` when the server sends one.
 * - POST, PUT, DELETE: retried ONLY on 429 or 503 that carry a `Retry-After` header (the server says it did not
 *   process the request and when to come back). Never on network errors or other 5xx: the write may have
 *   been applied.
 * - A `Retry-After` longer than `maxDelayMs` is not waited for: the call fails with a retryable error.
 */
import type { Bundle, OperationOutcome, Questionnaire, QuestionnaireResponse } from 'fhir/r4';
import { checkBaseUrl, isUnderBase } from './base-url.js';
import { draftResource, LISTED_RESPONSE_STATUSES, MAX_PAGE_SIZE, pageSize, summarize } from './local-rules.js';
import type {
  Draft,
  DraftKey,
  HealthStore,
  ListSavedOptions,
  Page,
  PutOptions,
  ResourceOf,
  SavedItem,
  SearchQuery,
  StoredResource,
  StoredResourceType,
  StoreErrorCode,
} from './store.types.js';
import { StoreError } from './store.types.js';

export type AccessTokenCallback = () => string | null | undefined | Promise<string | null | undefined>;

export interface RetryOptions {
  /** Extra attempts after the first (default 3). */
  retries?: number;
  /** First backoff step in ms (default 250). */
  baseDelayMs?: number;
  /** Longest single wait in ms (default 8000). */
  maxDelayMs?: number;
}

export interface FhirRestStoreOptions {
  /** The FHIR base, e.g. `https://fhir.example.no/R4`. Must be on `allowedBaseUrls`. */
  baseUrl: string;
  /** Explicit allowlist of base URLs. */
  allowedBaseUrls: readonly string[];
  /** Asked on every request; the result is used once and not kept. Return nothing for no Authorization header. */
  getAccessToken?: AccessTokenCallback;
  /** Injectable fetch (default: global fetch). */
  fetch?: typeof fetch;
  retry?: RetryOptions;
  /** Per-request timeout in ms (default 30000). */
  timeoutMs?: number;
  /** Upper bound of pages followed by internal multi-page reads such as `listSaved` (default 20). */
  maxPages?: number;
  /** For tests: randomness for jitter and the wait function. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface RequestOptions {
  body?: unknown;
  /** Never repeat the request, whatever the server answers (a transaction is not idempotent). */
  noRetry?: boolean;
  ifMatch?: string;
  ifNoneExist?: string;
}

interface FhirResult {
  status: number;
  headers: Headers;
  body: unknown;
}

const ID_PATTERN = /^[A-Za-z0-9\-.]{1,64}$/;
const FHIR_JSON = 'application/fhir+json';

function isOutcome(value: unknown): value is OperationOutcome {
  return typeof value === 'object' && value !== null && (value as { resourceType?: unknown }).resourceType === 'OperationOutcome';
}

function codeForStatus(status: number, versioned: boolean): StoreErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 412) return versioned ? 'conflict' : 'precondition-failed';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'invalid';
}

/** Milliseconds to wait from a Retry-After header (seconds or HTTP date), or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** `W/"3"` → `3`. */
export function versionFromETag(etag: string | null): string | undefined {
  const match = etag ? /"([^"]*)"/.exec(etag) : null;
  return match?.[1] || undefined;
}

export class FhirRestStore implements HealthStore {
  readonly kind = 'fhir-rest' as const;
  /** The checked, normalised base URL (no trailing slash). */
  readonly baseUrl: string;
  readonly #getAccessToken?: AccessTokenCallback;
  readonly #fetch: typeof fetch;
  readonly #retries: number;
  readonly #baseDelay: number;
  readonly #maxDelay: number;
  readonly #timeoutMs: number;
  readonly #maxPages: number;
  readonly #random: () => number;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(options: FhirRestStoreOptions) {
    this.baseUrl = checkBaseUrl(options?.baseUrl, options?.allowedBaseUrls);
    this.#getAccessToken = options.getAccessToken;
    const f = options.fetch ?? globalThis.fetch;
    if (typeof f !== 'function') throw new StoreError('invalid', 'No fetch available');
    this.#fetch = (input, init) => f(input, init);
    this.#retries = options.retry?.retries ?? 3;
    this.#baseDelay = options.retry?.baseDelayMs ?? 250;
    this.#maxDelay = options.retry?.maxDelayMs ?? 8000;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#maxPages = options.maxPages ?? 20;
    this.#random = options.random ?? Math.random;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  // ---- HTTP ----------------------------------------------------------------------------------------------

  #url(path: string): string {
    return `${this.baseUrl}/${path}`;
  }

  #backoff(attempt: number): number {
    return Math.floor(this.#random() * Math.min(this.#maxDelay, this.#baseDelay * 2 ** attempt));
  }

  async #request(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, options: RequestOptions = {}): Promise<FhirResult> {
    if (!isUnderBase(url, this.baseUrl)) {
      throw new StoreError('refused-base-url', 'Refused a request URL outside the FHIR base');
    }
    const safeToRepeat = method === 'GET' && !options.noRetry;
    for (let attempt = 0; ; attempt++) {
      const headers = new Headers({ Accept: FHIR_JSON });
      let token: string | null | undefined;
      try {
        token = await this.#getAccessToken?.();
      } catch (cause) {
        throw new StoreError('unauthorized', 'The host could not provide an access token', { cause });
      }
      if (token) headers.set('Authorization', `Bearer ${token}`);
      token = undefined;
      if (options.body !== undefined) headers.set('Content-Type', FHIR_JSON);
      if (method === 'POST' || method === 'PUT') headers.set('Prefer', 'return=representation');
      if (options.ifMatch !== undefined) headers.set('If-Match', `W/"${options.ifMatch}"`);
      if (options.ifNoneExist !== undefined) headers.set('If-None-Exist', options.ifNoneExist);

      let response: Response;
      try {
        response = await this.#fetch(url, {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          redirect: 'error',
          credentials: 'omit',
          cache: 'no-store',
          signal: AbortSignal.timeout(this.#timeoutMs),
        });
      } catch (cause) {
        if (safeToRepeat && attempt < this.#retries) {
          await this.#sleep(this.#backoff(attempt));
          continue;
        }
        throw new StoreError('network', `${method} failed: the FHIR server could not be reached`, {
          cause,
          retryable: true,
        });
      }

      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
      const retryableStatus = options.noRetry
        ? false
        : safeToRepeat
          ? [429, 502, 503, 504].includes(response.status)
          : (response.status === 429 || response.status === 503) && retryAfter !== undefined;
      if (retryableStatus && attempt < this.#retries && (retryAfter === undefined || retryAfter <= this.#maxDelay)) {
        await response.body?.cancel().catch(() => undefined);
        await this.#sleep(retryAfter ?? this.#backoff(attempt));
        continue;
      }

      let body: unknown;
      const text = await response.text().catch(() => '');
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
      }
      if (response.ok) return { status: response.status, headers: response.headers, body };

      const outcome = isOutcome(body) ? body : undefined;
      const code = codeForStatus(response.status, options.ifMatch !== undefined);
      const issue = outcome?.issue?.[0];
      const detail = issue?.details?.text ?? issue?.diagnostics;
      throw new StoreError(code, `${method}: FHIR server answered ${response.status}${detail ? ` (${detail})` : ''}`, {
        status: response.status,
        outcome,
        retryable: [429, 502, 503, 504].includes(response.status),
      });
    }
  }

  async #resourceFrom<T extends StoredResource>(result: FhirResult, type: StoredResourceType): Promise<T> {
    const body = result.body as T | undefined;
    if (body && body.resourceType === type) {
      const version = body.meta?.versionId ?? versionFromETag(result.headers.get('ETag'));
      if (version !== undefined && body.meta?.versionId === undefined) body.meta = { ...body.meta, versionId: version };
      return body;
    }
    // A server that ignored `Prefer: return=representation`: read what it created.
    const location = result.headers.get('Location') ?? result.headers.get('Content-Location');
    if (!location) throw new StoreError('server', 'The FHIR server returned neither the resource nor its location');
    const absolute = new URL(location, `${this.baseUrl}/`).href.replace(/\/_history\/[^/]*$/, '');
    const read = await this.#request('GET', absolute);
    return this.#resourceFrom<T>(read, type);
  }

  #checkId(id: string): string {
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw new StoreError('invalid', 'Not a valid FHIR id');
    return id;
  }

  #checkType(type: string): asserts type is StoredResourceType {
    if (type !== 'QuestionnaireResponse' && type !== 'Observation' && type !== 'Flag') {
      throw new StoreError('invalid', `Unsupported resource type: ${String(type)}`);
    }
  }

  // ---- resources -----------------------------------------------------------------------------------------

  async put<T extends StoredResource>(resource: T, options: PutOptions = {}): Promise<T> {
    this.#checkType(resource?.resourceType);
    if (resource.id === undefined) {
      const body = structuredClone(resource);
      if (body.meta) {
        delete body.meta.versionId;
        delete body.meta.lastUpdated;
      }
      const result = await this.#request('POST', this.#url(resource.resourceType), {
        body,
        ...(options.ifNoneExist
          ? { ifNoneExist: `identifier=${encodeURIComponent(options.ifNoneExist.identifier)}` }
          : {}),
      });
      return this.#resourceFrom<T>(result, resource.resourceType);
    }
    const version = resource.meta?.versionId;
    if (version === undefined) throw new StoreError('invalid', 'An update needs meta.versionId (the version it replaces)');
    const result = await this.#request('PUT', this.#url(`${resource.resourceType}/${this.#checkId(resource.id)}`), {
      body: resource,
      ifMatch: version,
    });
    return this.#resourceFrom<T>(result, resource.resourceType);
  }

  async get<K extends StoredResourceType>(type: K, id: string): Promise<ResourceOf<K>> {
    this.#checkType(type);
    const result = await this.#request('GET', this.#url(`${type}/${this.#checkId(id)}`));
    return this.#resourceFrom<ResourceOf<K>>(result, type);
  }

  async delete(type: StoredResourceType, id: string, version?: string): Promise<void> {
    this.#checkType(type);
    try {
      await this.#request('DELETE', this.#url(`${type}/${this.#checkId(id)}`), version === undefined ? {} : { ifMatch: version });
    } catch (error) {
      if (error instanceof StoreError && error.code === 'not-found') return;
      throw error;
    }
  }

  /** Search parameters for a query (without paging). */
  #params(type: StoredResourceType, query: SearchQuery): URLSearchParams {
    const params = new URLSearchParams();
    if (query.subject !== undefined) params.append('subject', query.subject);
    const dateParam = type === 'QuestionnaireResponse' ? 'authored' : 'date';
    if (type === 'QuestionnaireResponse') {
      if (query.questionnaire !== undefined) params.append('questionnaire', query.questionnaire);
      params.append('status', LISTED_RESPONSE_STATUSES.join(','));
    } else if (type === 'Observation' && query.code !== undefined) {
      params.append('code', query.code);
    }
    if (query.from !== undefined) params.append(dateParam, `ge${query.from}`);
    if (query.to !== undefined) params.append(dateParam, `le${query.to}`);
    params.append('_sort', `-${dateParam}`);
    return params;
  }

  async #page<T extends StoredResource>(type: StoredResourceType, url: string): Promise<Page<T>> {
    const result = await this.#request('GET', url);
    const bundle = result.body as Bundle | undefined;
    if (!bundle || bundle.resourceType !== 'Bundle') throw new StoreError('server', 'The FHIR server did not return a Bundle');
    if ((bundle.entry !== undefined && !Array.isArray(bundle.entry)) || (bundle.link !== undefined && !Array.isArray(bundle.link))) {
      throw new StoreError('server', 'The FHIR server returned a malformed Bundle');
    }
    const isObject = (x: unknown): boolean => typeof x === 'object' && x !== null;
    const items = (bundle.entry ?? [])
      .filter((e) => isObject(e) && e.search?.mode !== 'include' && e.search?.mode !== 'outcome' && isObject(e.resource) && e.resource?.resourceType === type)
      .map((e) => e.resource as T);
    const next: unknown = bundle.link?.find((l) => isObject(l) && l.relation === 'next')?.url;
    if (next !== undefined && typeof next !== 'string') throw new StoreError('server', 'The FHIR server returned a malformed next link');
    const nextUrl = next;
    if (nextUrl !== undefined && !isUnderBase(nextUrl, this.baseUrl)) {
      throw new StoreError('refused-base-url', 'The server sent a next link outside the FHIR base');
    }
    return { items, ...(nextUrl ? { next: nextUrl } : {}), ...(bundle.total !== undefined ? { total: bundle.total } : {}) };
  }

  async search<K extends StoredResourceType>(type: K, query: SearchQuery = {}): Promise<Page<ResourceOf<K>>> {
    this.#checkType(type);
    if (query.cursor !== undefined) return this.#page(type, query.cursor);
    const params = this.#params(type, query);
    params.append('_count', String(pageSize(query)));
    return this.#page(type, `${this.#url(type)}?${params}`);
  }

  /**
   * The Questionnaire with this canonical URL (`url` or `url|version`), for a form named by its URL; undefined
   * when the server has none. Through the same request path as every other call: the token, retries, and no
   * redirects, so the search cannot be sent on to another server.
   */
  async findQuestionnaire(canonical: string): Promise<Questionnaire | undefined> {
    const [url = '', version] = canonical.split('|');
    const params = new URLSearchParams({ url });
    if (version) params.append('version', version);
    const result = await this.#request('GET', `${this.#url('Questionnaire')}?${params}`);
    const bundle = result.body as Bundle | undefined;
    if (!bundle || bundle.resourceType !== 'Bundle' || (bundle.entry !== undefined && !Array.isArray(bundle.entry))) {
      throw new StoreError('server', 'The FHIR server did not return a Bundle');
    }
    const found = bundle.entry?.map((e) => e?.resource).find((r) => r?.resourceType === 'Questionnaire');
    return found as Questionnaire | undefined;
  }

  /** All pages of a raw search, following `next` up to `maxPages`. */
  async #searchAll<T extends StoredResource>(type: StoredResourceType, params: URLSearchParams): Promise<T[]> {
    params.set('_count', String(MAX_PAGE_SIZE));
    let url: string | undefined = `${this.#url(type)}?${params}`;
    const all: T[] = [];
    for (let n = 0; url !== undefined && n < this.#maxPages; n++) {
      const page: Page<T> = await this.#page<T>(type, url);
      all.push(...page.items);
      url = page.next;
    }
    return all;
  }

  // ---- transactions -------------------------------------------------------------------------------------

  /**
   * Posts a `transaction` Bundle to the base (FHIR R4 `POST [base]`) and returns the server's
   * `transaction-response` Bundle. Entries may refer to each other by `urn:uuid:` fullUrls; the server assigns
   * ids and rewrites those references. Never retried, not even on a 429/503 with Retry-After: a transaction is
   * not idempotent, and a second attempt could file the same result twice. Errors map as for other writes.
   */
  async transaction(bundle: Bundle): Promise<Bundle> {
    if (!bundle || bundle.resourceType !== 'Bundle' || bundle.type !== 'transaction') {
      throw new StoreError('invalid', 'transaction() needs a Bundle of type transaction');
    }
    const result = await this.#request('POST', this.baseUrl, { body: bundle, noRetry: true });
    const response = result.body as Bundle | undefined;
    if (!response || response.resourceType !== 'Bundle') {
      throw new StoreError('server', 'The FHIR server did not answer the transaction with a Bundle', { status: result.status });
    }
    return response;
  }

  // ---- drafts --------------------------------------------------------------------------------------------

  #draftParams(key: DraftKey): URLSearchParams {
    if (!key || typeof key.questionnaire !== 'string' || key.questionnaire === '') {
      throw new StoreError('invalid', 'A draft key needs a questionnaire URL');
    }
    if (!key.subject) throw new StoreError('invalid', 'Drafts on a FHIR server need a subject');
    return new URLSearchParams({ questionnaire: key.questionnaire, subject: key.subject, status: 'in-progress' });
  }

  async #findDraft(key: DraftKey): Promise<QuestionnaireResponse | undefined> {
    const params = this.#draftParams(key);
    params.append('_sort', '-_lastUpdated');
    params.append('_count', '1');
    const page = await this.#page<QuestionnaireResponse>('QuestionnaireResponse', `${this.#url('QuestionnaireResponse')}?${params}`);
    return page.items[0];
  }

  async saveDraft(key: DraftKey, response: QuestionnaireResponse, expectedVersion: string | null): Promise<string> {
    const conditions = this.#draftParams(key);
    const resource = draftResource(key, response);
    let saved: QuestionnaireResponse;
    if (expectedVersion === null) {
      delete resource.id;
      if (resource.meta) delete resource.meta.versionId;
      const result = await this.#request('POST', this.#url('QuestionnaireResponse'), {
        body: resource,
        ifNoneExist: conditions.toString(),
      });
      // 201: created. 200: a draft already existed and was returned instead: the caller's view is stale.
      if (result.status !== 201) throw new StoreError('conflict', 'A draft already exists; load it first', { status: result.status });
      saved = await this.#resourceFrom<QuestionnaireResponse>(result, 'QuestionnaireResponse');
    } else {
      const current = await this.#findDraft(key);
      if (!current?.id) throw new StoreError('conflict', 'The draft was deleted or never saved; the version given is stale');
      resource.id = current.id;
      resource.meta = { ...resource.meta, versionId: expectedVersion };
      const result = await this.#request('PUT', this.#url(`QuestionnaireResponse/${this.#checkId(current.id)}`), {
        body: resource,
        ifMatch: expectedVersion,
      });
      saved = await this.#resourceFrom<QuestionnaireResponse>(result, 'QuestionnaireResponse');
    }
    const version = saved.meta?.versionId;
    if (!version) throw new StoreError('server', 'The FHIR server did not return a version');
    return version;
  }

  async loadDraft(key: DraftKey): Promise<Draft | undefined> {
    const found = await this.#findDraft(key);
    if (!found?.meta?.versionId) return undefined;
    return {
      key: { ...key },
      version: found.meta.versionId,
      response: found,
      savedAt: found.meta.lastUpdated ?? found.authored ?? '',
    };
  }

  async deleteDraft(key: DraftKey, expectedVersion?: string): Promise<void> {
    const found = await this.#findDraft(key);
    if (!found?.id) return;
    await this.delete('QuestionnaireResponse', found.id, expectedVersion);
  }

  // ---- what is kept --------------------------------------------------------------------------------------

  /** Needs `subject`. Reads at most `maxPages` pages of each type. */
  async listSaved(options: ListSavedOptions = {}): Promise<SavedItem[]> {
    if (!options.subject) throw new StoreError('invalid', 'listSaved on a FHIR server needs a subject');
    const responses = await this.#searchAll<QuestionnaireResponse>('QuestionnaireResponse', new URLSearchParams({ subject: options.subject }));
    const observations = await this.#searchAll<StoredResource>('Observation', new URLSearchParams({ subject: options.subject }));
    // Flags are worklist alert states (acknowledged, snoozed, resolved: who and when), kept about the person too.
    const flags = await this.#searchAll<StoredResource>('Flag', new URLSearchParams({ subject: options.subject }));
    const items: SavedItem[] = [];
    for (const r of responses) {
      if (r.status === 'in-progress' && r.questionnaire) {
        const draftKey: DraftKey = { questionnaire: r.questionnaire, subject: options.subject };
        items.push({ ...summarize(r), kind: 'draft', id: r.questionnaire, draftKey, ...(r.meta?.lastUpdated ? { date: r.meta.lastUpdated } : {}) });
      } else {
        items.push(summarize(r));
      }
    }
    for (const o of observations) items.push(summarize(o));
    for (const f of flags) items.push(summarize(f));
    return items;
  }
}
