import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveLocale, type Catalogs, type CatalogsOnDemand, type Locale } from '@helsekit/core';

type Host = ReactiveControllerHost & HTMLElement & { holdUpdatesUntil?(promise: Promise<unknown>): void };

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
const active = new Set<{ refresh(): void }>();
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
 * Gives an element its messages in the locale of the nearest `lang` (nb-NO, nn-NO, en-GB or se-NO; anything else
 * reads as bokmål), and re-renders it when that `lang` changes. An element passes the catalogs of the strings it
 * shows (`triageCatalogsOnDemand`, …), so its bundle carries those and no other element's. With catalogs on
 * demand, a locale's catalog is loaded the first time the page shows it, and an `HkElement` host renders nothing
 * until it is there (never a screen in the wrong language). An element that also formats dates or numbers uses
 * `LocalizeController`; one that formats nothing (`<hk-triage>`'s first screen) does not carry the formatters.
 */
export class MessagesController<M> implements ReactiveController {
  readonly #host: Host;
  readonly #catalogs: Catalogs<M> | CatalogsOnDemand<M>;
  readonly #loaded = new Map<Locale, M>();
  readonly #loading = new Map<Locale, Promise<void>>();
  #locale: Locale;

  constructor(host: Host, catalogs: Catalogs<M> | CatalogsOnDemand<M>) {
    this.#host = host;
    this.#catalogs = catalogs;
    this.#locale = resolveLocale(null);
    host.addController(this);
  }

  get locale(): Locale {
    return this.#locale;
  }

  /** The UI catalog for the current locale (bokmål while that one is still loading). */
  get t(): M {
    return this.#catalog(this.#locale) ?? (this.#catalogs['nb-NO'] as M);
  }

  #catalog(locale: Locale): M | undefined {
    const entry = this.#catalogs[locale];
    return typeof entry === 'function' ? this.#loaded.get(locale) : (entry as M);
  }

  /** Starts loading `locale`'s catalog unless it is there, and holds the host's rendering until it is. */
  #ensure(locale: Locale): void {
    const entry = this.#catalogs[locale];
    if (typeof entry !== 'function' || this.#loaded.has(locale)) return;
    let loading = this.#loading.get(locale);
    if (!loading) {
      loading = (entry as () => Promise<M>)().then(
        (catalog) => void this.#loaded.set(locale, catalog),
        // Offline or a failed deploy: bokmål stays (the fallback every text has), and the next `lang` change tries again.
        () => void this.#loading.delete(locale),
      );
      this.#loading.set(locale, loading);
    }
    this.#host.holdUpdatesUntil?.(loading);
    void loading.then(() => this.#host.requestUpdate());
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
    this.#ensure(next);
  }
}
