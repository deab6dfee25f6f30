/**
 * `@helsekit/core/store/index` — the store port and its adapters (DESIGN decision 5).
 */
export type {
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
  StoreErrorInit,
} from './store.types.js';
export { isStoreError, StoreError } from './store.types.js';
export { MemoryStore } from './memory.store.js';
export type { MemoryStoreOptions } from './memory.store.js';
export { VAULT_DB_NAME, VAULT_DB_VERSION, VaultStore } from './vault.store.js';
export type { VaultKeys, VaultRecord, VaultRecordKind, VaultStoreOptions } from './vault.store.js';
export { FhirRestStore, parseRetryAfter, versionFromETag } from './fhir-rest.store.js';
export type { AccessTokenCallback, FhirRestStoreOptions, RetryOptions } from './fhir-rest.store.js';
export { checkBaseUrl, isUnderBase, normalizeBaseUrl } from './base-url.js';
export { collectPages } from './paging.js';
