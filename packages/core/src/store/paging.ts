import type { HealthStore, ResourceOf, SearchQuery, StoredResourceType } from './store.types.js';

/**
 * Follow a search page by page, at most `maxPages` pages (default 20). `truncated` tells whether more existed.
 * Works with any adapter; with the FHIR adapter this follows `Bundle.link[next]` (checked against the base).
 */
export async function collectPages<K extends StoredResourceType>(
  store: HealthStore,
  type: K,
  query: SearchQuery = {},
  maxPages = 20,
): Promise<{ items: ResourceOf<K>[]; truncated: boolean }> {
  const items: ResourceOf<K>[] = [];
  let cursor = query.cursor;
  for (let n = 0; n < maxPages; n++) {
    const page = await store.search(type, { ...query, ...(cursor !== undefined ? { cursor } : {}) });
    items.push(...page.items);
    if (page.next === undefined) return { items, truncated: false };
    cursor = page.next;
  }
  return { items, truncated: true };
}
