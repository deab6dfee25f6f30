/** Anything the server versions: FHIR `meta.versionId` or an `updated` counter. */
export interface Versioned {
  readonly id: string;
  readonly version: number;
}

/**
 * Items by id. A plain object rather than a Map so machine context survives `getPersistedSnapshot` and
 * JSON (DESIGN.md decision 1).
 */
export type ById<T> = Readonly<Record<string, T>>;

const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** The item with this id, if any (own properties only, so "constructor" is never found). */
export function byId<T>(items: ById<T>, id: string): T | undefined {
  return has(items, id) ? items[id] : undefined;
}

/**
 * Merges incoming items by id, keeping the higher version: a late response with older data never
 * overwrites newer data, and items absent from a partial (delta) response are kept.
 * Returns the same object when nothing changed, so callers can skip re-rendering.
 */
export function mergeByVersion<T extends Versioned>(current: ById<T>, incoming: Iterable<T>): ById<T> {
  let next: Record<string, T> | undefined;
  for (const item of incoming) {
    const have = byId(next ?? current, item.id);
    if (have && have.version >= item.version) continue;
    next ??= { ...current };
    next[item.id] = item;
  }
  return next ?? current;
}
