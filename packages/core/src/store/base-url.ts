/**
 * Base URL policy for the FHIR REST adapter (DESIGN decisions 6 and 10). The store checks its own base URL,
 * whatever path the value came by (attribute, property, provider element, host config):
 *
 * - `https:` always; `http:` only on loopback (`127.0.0.1`, `localhost`, `[::1]`), for local development;
 * - no user name or password in the URL, no query, no fragment;
 * - it must equal one entry of the explicit allowlist (compared after the same normalisation);
 * - every request URL, including `next` links the server sends back, must lie under the base, so a hostile or
 *   misconfigured server cannot make the store send the access token elsewhere.
 */
import { StoreError } from './store.types.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function refuse(message: string): never {
  throw new StoreError('refused-base-url', message, { retryable: false });
}

/** Parses and normalises a base URL (no trailing slash), or throws `'refused-base-url'`. */
export function normalizeBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    refuse('The FHIR base URL is not an absolute URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    refuse('The FHIR base URL must use https (http is allowed only on 127.0.0.1, localhost or [::1])');
  }
  if (url.username || url.password) refuse('The FHIR base URL must not contain credentials');
  if (url.search || url.hash || value.includes('?') || value.includes('#')) {
    refuse('The FHIR base URL must not have a query or fragment');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The normalised base URL if it is allowed, else throws `'refused-base-url'`. */
export function checkBaseUrl(baseUrl: string, allowlist: readonly string[]): string {
  if (typeof baseUrl !== 'string' || baseUrl === '') refuse('No FHIR base URL given');
  const base = normalizeBaseUrl(baseUrl);
  if (!Array.isArray(allowlist) || allowlist.length === 0) refuse('No FHIR base URL allowlist given');
  const allowed = allowlist.some((entry) => {
    try {
      return normalizeBaseUrl(entry) === base;
    } catch {
      return false;
    }
  });
  if (!allowed) refuse('The FHIR base URL is not on the allowlist');
  return base;
}

/** Whether `url` lies under `base` (same origin, path inside the base path). */
export function isUnderBase(url: string, base: string): boolean {
  let parsed: URL;
  let b: URL;
  try {
    parsed = new URL(url);
    b = new URL(base);
  } catch {
    return false;
  }
  if (parsed.origin !== b.origin || parsed.username || parsed.password) return false;
  const basePath = b.pathname.replace(/\/+$/, '');
  return parsed.pathname === basePath || parsed.pathname.startsWith(`${basePath}/`);
}
