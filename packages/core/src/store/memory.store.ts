/**
 * In-memory adapter: for tests, and the fallback when there is neither a FHIR base nor an opted-in vault.
 * Nothing survives a reload. Values are deep-copied in and out, so callers cannot mutate what is stored.
 * `PutOptions.expiresAt` is ignored (nothing outlives the page anyway).
 */
import type { QuestionnaireResponse } from 'fhir/r4';
import {
  assertResource,
  assertType,
  checkVersion,
  draftKeyString,
  draftResource,
  hasIdentifier,
  localPage,
  newId,
  nextVersion,
  stamp,
  summarize,
} from './local-rules.js';
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
} from './store.types.js';
import { StoreError } from './store.types.js';

export interface MemoryStoreOptions {
  /** Clock, for tests. */
  now?: () => Date;
}

interface StoredDraft {
  key: DraftKey;
  version: string;
  response: QuestionnaireResponse;
  savedAt: string;
}

export class MemoryStore implements HealthStore {
  readonly kind = 'memory' as const;
  readonly #resources = new Map<string, StoredResource>();
  readonly #drafts = new Map<string, StoredDraft>();
  readonly #now: () => Date;

  constructor(options: MemoryStoreOptions = {}) {
    this.#now = options.now ?? (() => new Date());
  }

  async put<T extends StoredResource>(resource: T, options: PutOptions = {}): Promise<T> {
    assertResource(resource);
    if (resource.id === undefined) {
      if (options.ifNoneExist) {
        const match = [...this.#resources.values()].filter(
          (r) => r.resourceType === resource.resourceType && hasIdentifier(r, options.ifNoneExist!.identifier),
        );
        if (match.length > 1) throw new StoreError('precondition-failed', 'Several resources have this identifier');
        if (match.length === 1) return structuredClone(match[0] as T);
      }
      const stored = stamp(resource, newId(), nextVersion(undefined), this.#now());
      this.#resources.set(`${stored.resourceType}/${stored.id}`, stored);
      return structuredClone(stored);
    }
    const path = `${resource.resourceType}/${resource.id}`;
    const expected = resource.meta?.versionId;
    if (expected === undefined) throw new StoreError('invalid', 'An update needs meta.versionId (the version it replaces)');
    const existing = this.#resources.get(path);
    if (!existing) throw new StoreError('not-found', `${resource.resourceType} not found`);
    checkVersion(resource.resourceType, existing.meta?.versionId, expected);
    const stored = stamp(resource, resource.id, nextVersion(existing.meta?.versionId), this.#now());
    this.#resources.set(path, stored);
    return structuredClone(stored);
  }

  async get<K extends StoredResourceType>(type: K, id: string): Promise<ResourceOf<K>> {
    assertType(type);
    const found = this.#resources.get(`${type}/${id}`);
    if (!found) throw new StoreError('not-found', `${type} not found`);
    return structuredClone(found) as ResourceOf<K>;
  }

  async search<K extends StoredResourceType>(type: K, query: SearchQuery = {}): Promise<Page<ResourceOf<K>>> {
    assertType(type);
    const all = [...this.#resources.values()].filter((r) => r.resourceType === type) as ResourceOf<K>[];
    const page = localPage(all, query);
    return { ...page, items: page.items.map((r) => structuredClone(r)) };
  }

  async delete(type: StoredResourceType, id: string, version?: string): Promise<void> {
    assertType(type);
    const path = `${type}/${id}`;
    const existing = this.#resources.get(path);
    if (!existing) return;
    checkVersion(type, existing.meta?.versionId, version);
    this.#resources.delete(path);
  }

  async saveDraft(key: DraftKey, response: QuestionnaireResponse, expectedVersion: string | null): Promise<string> {
    const k = draftKeyString(key);
    const resource = draftResource(key, response);
    const existing = this.#drafts.get(k);
    checkVersion('The draft', existing?.version, expectedVersion);
    const version = nextVersion(existing?.version);
    const savedAt = this.#now();
    const stored = stamp(resource, existing?.response.id ?? newId(), version, savedAt);
    this.#drafts.set(k, { key: { ...key }, version, response: stored, savedAt: savedAt.toISOString() });
    return version;
  }

  async loadDraft(key: DraftKey): Promise<Draft | undefined> {
    const found = this.#drafts.get(draftKeyString(key));
    return found && structuredClone(found);
  }

  async deleteDraft(key: DraftKey, expectedVersion?: string): Promise<void> {
    const k = draftKeyString(key);
    const existing = this.#drafts.get(k);
    if (!existing) return;
    checkVersion('The draft', existing.version, expectedVersion);
    this.#drafts.delete(k);
  }

  async listSaved(options: ListSavedOptions = {}): Promise<SavedItem[]> {
    const items: SavedItem[] = [];
    for (const d of this.#drafts.values()) {
      if (options.subject !== undefined && d.key.subject !== options.subject) continue;
      items.push({
        kind: 'draft',
        id: d.key.questionnaire,
        version: d.version,
        draftKey: { ...d.key },
        questionnaire: d.key.questionnaire,
        date: d.savedAt,
        ...(d.key.subject !== undefined ? { subject: d.key.subject } : {}),
      });
    }
    for (const r of this.#resources.values()) {
      if (options.subject !== undefined && r.subject?.reference !== options.subject) continue;
      items.push(summarize(r));
    }
    return items;
  }

  /** Forget everything (tests, logout). */
  clear(): void {
    this.#resources.clear();
    this.#drafts.clear();
  }
}
