/**
 * Registers helsekit elements on first sight: each tag's code is a separate chunk, fetched (from the same
 * origin as this module) only when the page has that tag. A page with only `<hk-triage>` never loads the
 * form engine. Safe to load twice: registration goes through `defineElement`.
 */
export type Loader = () => Promise<unknown>;

export function autoload(loaders: Readonly<Record<string, Loader>>, root: Document = document): MutationObserver {
  const pending = new Map(Object.entries(loaders));

  const discover = (node: ParentNode) => {
    for (const [tag, load] of pending) {
      if ((node instanceof Element && node.localName === tag) || node.querySelector(tag)) {
        pending.delete(tag);
        load().catch((error: unknown) => console.error(`[helsekit] could not load <${tag}>`, error));
      }
    }
  };

  discover(root);
  const observer = new MutationObserver((records) => {
    if (pending.size === 0) return observer.disconnect();
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) discover(node);
  });
  observer.observe(root.documentElement, { childList: true, subtree: true });
  return observer;
}
