import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatter, messages, resolveLocale, type Formatter, type Locale, type Messages } from '@helsekit/core';

type Host = ReactiveControllerHost & HTMLElement;

/** The `lang` of the nearest ancestor that has one, crossing shadow roots; null when none has. */
export function nearestLang(element: Element): string | null {
  let node: Element | null = element;
  while (node) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as Partial<ShadowRoot>).host ?? null);
  }
  return null;
}

// One observer for every controller on the page: a `lang` change anywhere re-resolves them all, which is
// cheap (a walk up the tree each) and rare.
const active = new Set<LocalizeController>();
const observedRoots = new WeakSet<Node>();
let observer: MutationObserver | undefined;

function watch(root: Node): void {
  if (observedRoots.has(root)) return;
  observer ??= new MutationObserver(() => {
    for (const controller of active) controller.refresh();
  });
  observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
  observedRoots.add(root);
}

/**
 * Gives an element its messages and formatters in the locale of the nearest `lang` (nb-NO, nn-NO, en-GB or
 * se-NO; anything else reads as bokmål), and re-renders it when that `lang` changes.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: Host;
  #locale: Locale;

  constructor(host: Host) {
    this.#host = host;
    this.#locale = resolveLocale(null);
    host.addController(this);
  }

  get locale(): Locale {
    return this.#locale;
  }

  /** The UI catalog for the current locale. */
  get t(): Messages {
    return messages(this.#locale);
  }

  /** Dates, numbers and lists, with the nn→nb and se→nb fallbacks. */
  get format(): Formatter {
    return formatter(this.#locale);
  }

  hostConnected(): void {
    active.add(this);
    watch(this.#host.ownerDocument.documentElement);
    for (let root = this.#host.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) watch(root);
    this.refresh();
  }

  hostDisconnected(): void {
    active.delete(this);
  }

  /** Re-reads the nearest `lang`; re-renders the host when the locale changed. */
  refresh(): void {
    const next = resolveLocale(nearestLang(this.#host));
    if (next !== this.#locale) {
      this.#locale = next;
      this.#host.requestUpdate();
    }
  }
}
