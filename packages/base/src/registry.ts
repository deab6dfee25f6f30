import { HELSEKIT_VERSION } from './version.js';

type VersionedConstructor = CustomElementConstructor & { version?: string };

/**
 * Registers a custom element on pages we do not own. A tag that is already registered is left as it is:
 * loading the same bundle twice is silent, another version of helsekit is warned about, and nothing throws.
 * Returns the class that is registered for the tag after the call.
 */
export function defineElement(tag: string, ctor: VersionedConstructor): CustomElementConstructor | undefined {
  const registry = globalThis.customElements;
  if (!registry) return undefined;
  const existing = registry.get(tag) as VersionedConstructor | undefined;
  if (!existing) {
    registry.define(tag, ctor);
    return ctor;
  }
  if (existing !== ctor) {
    const theirs = existing.version ?? 'unknown';
    const ours = ctor.version ?? HELSEKIT_VERSION;
    if (theirs !== ours) {
      console.warn(`[helsekit] <${tag}> is already registered by helsekit ${theirs}; this copy (${ours}) is not used.`);
    }
  }
  return existing;
}
