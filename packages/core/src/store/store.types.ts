/**
 * The store port (DESIGN decision 5): one interface, three adapters.
 *
 * - `MemoryStore`   in memory; tests and the last-resort fallback.
 * - `VaultStore`    the browser vault: IndexedDB, AES-GCM with a non-extractable key, opt-in, expiry, wipe.
 * - `FhirRestStore` any FHIR R4 server over REST; token from the host on every request; allowlisted base URL.
 *
 * Versions are opaque strings (`meta.versionId` on FHIR). Every write that replaces something names the version
 * it replaces; a stale version fails with `StoreError` code `'conflict'` in every adapter, so a newer write is
 * never lost silently.
 */
import type { Coding, Flag, Observation, OperationOutcome, QuestionnaireResponse } from 'fhir/r4';

/** The resource types the store keeps. */
export type StoredResourceType = 'QuestionnaireResponse' | 'Observation' | 'Flag';
/** `Flag` holds worklist alert states (acknowledged, snoozed, resolved: who and when); filed under `period.start`. */
export type StoredResource = QuestionnaireResponse | Observation | Flag;
/** Maps a type name to its resource type: `ResourceOf<'Observation'>` is `Observation`. */
export type ResourceOf<K extends StoredResourceType> = K extends 'QuestionnaireResponse' ? QuestionnaireResponse : K extends 'Flag' ? Flag : Observation;

/** Search criteria. All given criteria must match (AND). Results come newest first. */
export interface SearchQuery {
  /** A reference such as `Patient/123`. */
  subject?: string;
  /** QuestionnaireResponse only: the Questionnaire's canonical URL (a `|version` suffix is ignored when matching). */
  questionnaire?: string;
  /** Observation only: `system|code` or a bare `code`, matched against `Observation.code`. */
  code?: string;
  /**
   * Inclusive range on `QuestionnaireResponse.authored` / `Observation.effective[x]`, as FHIR dateTime strings.
   * A date-only `to` (`2026-05-17`) includes the whole day.
   */
  from?: string;
  to?: string;
  /** Page size (default 50, at most 500). */
  count?: number;
  /** The opaque `next` cursor of a previous page of the same search. */
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  /** Cursor for the next page; absent on the last page. */
  next?: string;
  /** Total number of matches, when the backend knows it. */
  total?: number;
}

export interface PutOptions {
  /**
   * Conditional create: when a resource with this identifier (`system|value`) already exists, it is returned
   * instead of creating a duplicate (FHIR `If-None-Exist: identifier=…`). Only used when creating.
   */
  ifNoneExist?: { identifier: string };
  /** Local adapters: when the record expires (ISO date-time). Ignored by the FHIR adapter. */
  expiresAt?: string;
}

/** Drafts are identified by form and person; at most one draft per key. */
export interface DraftKey {
  /** The Questionnaire's canonical URL. */
  questionnaire: string;
  /** A reference such as `Patient/123`. Required by the FHIR adapter. */
  subject?: string;
}

export interface Draft {
  key: DraftKey;
  /** The version to pass to the next `saveDraft`/`deleteDraft`. */
  version: string;
  /** Status `in-progress`. */
  response: QuestionnaireResponse;
  /** When it was saved (ISO). */
  savedAt: string;
  /** Local adapters: when it expires (ISO). */
  expiresAt?: string;
}

/** One line in a "what is kept about me" view. Holds no answers, only what is needed to name and delete it. */
export interface SavedItem {
  kind: StoredResourceType | 'draft';
  /** Resource id (for `delete`), or for drafts the questionnaire URL (use `deleteDraft(item.draftKey)`). */
  id: string;
  version: string;
  draftKey?: DraftKey;
  subject?: string;
  questionnaire?: string;
  /** Observation code, for a label. */
  code?: Coding;
  /** `authored` / `effective[x]` / saved time (ISO). */
  date?: string;
  expiresAt?: string;
}

export interface ListSavedOptions {
  /** Restrict to one person (required by the FHIR adapter). */
  subject?: string;
}

/** The port. Every method rejects with a `StoreError` only. */
export interface HealthStore {
  readonly kind: 'memory' | 'vault' | 'fhir-rest';

  /**
   * Create (no `id`) or update (with `id`; `meta.versionId` is required and must be the current version, else
   * `'conflict'`). Returns the stored resource with `id` and `meta.versionId` set.
   */
  put<T extends StoredResource>(resource: T, options?: PutOptions): Promise<T>;
  /** Read one resource; `'not-found'` if it does not exist (`'expired'` once, in the vault, if it just expired). */
  get<K extends StoredResourceType>(type: K, id: string): Promise<ResourceOf<K>>;
  /** One page of matches, newest first. Responses are only returned with status completed, amended or stopped
   * (never drafts, never entered-in-error). */
  search<K extends StoredResourceType>(type: K, query?: SearchQuery): Promise<Page<ResourceOf<K>>>;
  /**
   * Delete a resource. With `version`, only if it is still the current version (else `'conflict'`).
   * Deleting something that does not exist (any more) is not an error.
   */
  delete(type: StoredResourceType, id: string, version?: string): Promise<void>;

  /**
   * Save the draft for `key`. `expectedVersion` is the version last loaded or saved, or `null` when the caller
   * believes no draft exists. A mismatch is `'conflict'`. Returns the new version.
   */
  saveDraft(key: DraftKey, response: QuestionnaireResponse, expectedVersion: string | null): Promise<string>;
  /** The draft for `key`, or `undefined`. */
  loadDraft(key: DraftKey): Promise<Draft | undefined>;
  /** Delete the draft (no-op if there is none). With `expectedVersion`, only if it is still current. */
  deleteDraft(key: DraftKey, expectedVersion?: string): Promise<void>;

  /** Everything kept (drafts included), without answer content, for a "what is kept about me" view. */
  listSaved(options?: ListSavedOptions): Promise<SavedItem[]>;
}

export type StoreErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  /** The version given is not the current one (a newer write exists), or HTTP 409. */
  | 'conflict'
  /** Any other failed precondition (for example a conditional create matching several resources). */
  | 'precondition-failed'
  | 'rate-limited'
  | 'server'
  | 'network'
  /** Bad input, a 400/422, or stored data that fails its integrity check. */
  | 'invalid'
  | 'refused-base-url'
  /** The store cannot be used: vault not opted in, wiped, or its key is missing. */
  | 'locked'
  | 'expired';

export interface StoreErrorInit {
  retryable?: boolean;
  status?: number;
  outcome?: OperationOutcome;
  cause?: unknown;
}

/**
 * The only error a store throws. `message` is for developers and never contains health data from the caller;
 * with a FHIR server it may contain the server's own diagnostics.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  /** Whether trying the same call again later may succeed. */
  readonly retryable: boolean;
  /** HTTP status, for the FHIR adapter. */
  readonly status?: number;
  /** The server's OperationOutcome, when there is one. */
  readonly outcome?: OperationOutcome;

  constructor(code: StoreErrorCode, message: string, init: StoreErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.retryable = init.retryable ?? (code === 'network' || code === 'rate-limited');
    this.status = init.status;
    this.outcome = init.outcome;
  }
}

export function isStoreError(value: unknown, code?: StoreErrorCode): value is StoreError {
  return value instanceof StoreError && (code === undefined || value.code === code);
}
