/**
 * Rules shared by the local adapters (memory and vault), so that their searches and version checks are the same
 * code, not two copies that drift apart.
 */
import type { Observation, QuestionnaireResponse } from 'fhir/r4';
import type { DraftKey, Page, SavedItem, SearchQuery, StoredResource, StoredResourceType } from './store.types.js';
import { StoreError } from './store.types.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/**
 * The optimistic version check. `current` is the stored version (`undefined` when nothing is stored); `expected`
 * is what the caller last saw (`null`: "I believe nothing is stored"; `undefined`: no check).
 */
export function checkVersion(what: string, current: string | undefined, expected: string | null | undefined): void {
  if (expected === undefined) return;
  if ((expected === null && current !== undefined) || (expected !== null && expected !== current)) {
    throw new StoreError(
      'conflict',
      current === undefined
        ? `${what} was deleted or never saved; the version given is stale`
        : `${what} has a newer version than the one given`,
    );
  }
}

/** Next version after `current`: a decimal counter, as a string. */
export function nextVersion(current: string | undefined): string {
  const n = current === undefined ? 0 : Number.parseInt(current, 10);
  return String(Number.isFinite(n) ? n + 1 : 1);
}

export function draftKeyString(key: DraftKey): string {
  if (!key || typeof key.questionnaire !== 'string' || key.questionnaire === '') {
    throw new StoreError('invalid', 'A draft key needs a questionnaire URL');
  }
  return JSON.stringify([key.questionnaire, key.subject ?? null]);
}

export function assertType(type: string): asserts type is StoredResourceType {
  if (type !== 'QuestionnaireResponse' && type !== 'Observation' && type !== 'Flag') {
    throw new StoreError('invalid', `Unsupported resource type: ${String(type)}`);
  }
}

export function assertResource(resource: StoredResource): void {
  if (!resource || typeof resource !== 'object') throw new StoreError('invalid', 'Not a resource');
  assertType(resource.resourceType);
}

/** The date a resource is filed under: `authored`, `effective[x]` (start of a period), or a Flag's `period.start`. */
export function resourceDate(resource: StoredResource): string | undefined {
  if (resource.resourceType === 'QuestionnaireResponse') return resource.authored;
  if (resource.resourceType === 'Flag') return resource.period?.start;
  return resource.effectiveDateTime ?? resource.effectiveInstant ?? resource.effectivePeriod?.start;
}

function instant(value: string, endOfDay: boolean): number {
  // A date-only or partial date as an upper bound covers the whole day/month/year.
  if (endOfDay && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number?, number?];
    if (m === undefined) return Date.UTC(y + 1, 0, 1) - 1;
    if (d === undefined) return Date.UTC(y, m, 1) - 1;
    return Date.UTC(y, m - 1, d + 1) - 1;
  }
  return Date.parse(value);
}

function stripVersion(canonical: string): string {
  const bar = canonical.indexOf('|');
  return bar < 0 ? canonical : canonical.slice(0, bar);
}

function codeMatches(observation: Observation, code: string): boolean {
  const bar = code.indexOf('|');
  const system = bar < 0 ? undefined : code.slice(0, bar);
  const value = bar < 0 ? code : code.slice(bar + 1);
  return (observation.code?.coding ?? []).some(
    (c) => c.code === value && (system === undefined || (system === '' ? !c.system : c.system === system)),
  );
}

/** Response statuses that `search` returns; drafts (`in-progress`) and `entered-in-error` are left out. */
export const LISTED_RESPONSE_STATUSES = ['completed', 'amended', 'stopped'] as const;

export function isListedResponse(resource: StoredResource): boolean {
  return (
    resource.resourceType !== 'QuestionnaireResponse' ||
    (LISTED_RESPONSE_STATUSES as readonly string[]).includes(resource.status)
  );
}

export function matchesQuery(resource: StoredResource, query: SearchQuery): boolean {
  if (!isListedResponse(resource)) return false;
  if (query.subject !== undefined && resource.subject?.reference !== query.subject) return false;
  if (query.questionnaire !== undefined) {
    if (resource.resourceType !== 'QuestionnaireResponse' || !resource.questionnaire) return false;
    if (stripVersion(resource.questionnaire) !== stripVersion(query.questionnaire)) return false;
  }
  if (query.code !== undefined && (resource.resourceType !== 'Observation' || !codeMatches(resource, query.code))) {
    return false;
  }
  if (query.from !== undefined || query.to !== undefined) {
    const date = resourceDate(resource);
    if (date === undefined) return false;
    const t = Date.parse(date);
    if (query.from !== undefined && t < instant(query.from, false)) return false;
    if (query.to !== undefined && t > instant(query.to, true)) return false;
  }
  return true;
}

export function pageSize(query: SearchQuery): number {
  const n = query.count ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(n) || n < 1) throw new StoreError('invalid', 'count must be a positive integer');
  return Math.min(n, MAX_PAGE_SIZE);
}

/** Filter, sort newest first (ties by id), and cut one page. The cursor is the offset. */
export function localPage<T extends StoredResource>(all: Iterable<T>, query: SearchQuery = {}): Page<T> {
  const size = pageSize(query);
  const offset = query.cursor === undefined ? 0 : Number(query.cursor);
  if (!Number.isInteger(offset) || offset < 0) throw new StoreError('invalid', 'Unknown cursor');
  const matches = [...all].filter((r) => matchesQuery(r, query));
  matches.sort((a, b) => {
    const da = Date.parse(resourceDate(a) ?? '') || 0;
    const db = Date.parse(resourceDate(b) ?? '') || 0;
    return db - da || (a.id ?? '').localeCompare(b.id ?? '');
  });
  const items = matches.slice(offset, offset + size);
  const end = offset + items.length;
  return { items, total: matches.length, ...(end < matches.length ? { next: String(end) } : {}) };
}

export function summarize(resource: StoredResource): SavedItem {
  const item: SavedItem = {
    kind: resource.resourceType,
    id: resource.id ?? '',
    version: resource.meta?.versionId ?? '',
  };
  if (resource.subject?.reference) item.subject = resource.subject.reference;
  const date = resourceDate(resource);
  if (date) item.date = date;
  if (resource.resourceType === 'QuestionnaireResponse') {
    if (resource.questionnaire) item.questionnaire = resource.questionnaire;
  } else {
    const coding = resource.code?.coding?.[0];
    if (coding) item.code = { ...(coding.system ? { system: coding.system } : {}), ...(coding.code ? { code: coding.code } : {}), ...(coding.display ? { display: coding.display } : {}) };
  }
  return item;
}

/** A copy with `id`, `meta.versionId`, `meta.lastUpdated` set. */
export function stamp<T extends StoredResource>(resource: T, id: string, version: string, now: Date): T {
  const copy = structuredClone(resource);
  copy.id = id;
  copy.meta = { ...copy.meta, versionId: version, lastUpdated: now.toISOString() };
  return copy;
}

/** The draft as stored: forced to `in-progress`, bound to the key's questionnaire and subject. */
export function draftResource(key: DraftKey, response: QuestionnaireResponse): QuestionnaireResponse {
  if (!response || response.resourceType !== 'QuestionnaireResponse') {
    throw new StoreError('invalid', 'A draft must be a QuestionnaireResponse');
  }
  const copy = structuredClone(response);
  copy.status = 'in-progress';
  copy.questionnaire = key.questionnaire;
  if (key.subject !== undefined) copy.subject = { ...copy.subject, reference: key.subject };
  return copy;
}

/** Identifier match for conditional create (`system|value`). */
export function hasIdentifier(resource: StoredResource, token: string): boolean {
  const bar = token.indexOf('|');
  const system = bar < 0 ? undefined : token.slice(0, bar);
  const value = bar < 0 ? token : token.slice(bar + 1);
  const ids = resource.resourceType === 'QuestionnaireResponse' ? (resource.identifier ? [resource.identifier] : []) : resource.identifier ?? [];
  return ids.some((i) => i.value === value && (system === undefined || i.system === system));
}

export function newId(): string {
  return crypto.randomUUID();
}

export function isoOrUndefined(ms: number | undefined): string | undefined {
  return ms === undefined || !Number.isFinite(ms) ? undefined : new Date(ms).toISOString();
}
