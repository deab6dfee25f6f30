import { LitElement, type CSSResultGroup } from 'lit';
import { defineElement } from './registry.js';
import { hostStyles } from './styles/host.styles.js';
import { HELSEKIT_VERSION } from './version.js';

/**
 * Base of every helsekit element. Adds safe registration, custom states (`:state(x)`) that mirror the
 * element's machine, and the host styles. Nothing here touches `window` or `document`.
 */
export class HkElement extends LitElement {
  static version = HELSEKIT_VERSION;
  static override styles: CSSResultGroup = [hostStyles];

  /** Registers the element under `tag` unless the tag is taken (see `defineElement`). */
  static define(tag: string): void {
    defineElement(tag, this);
  }

  #internals: ElementInternals | undefined;

  /** The element's internals, attached on first use (an element can attach them only once). */
  protected get internals(): ElementInternals {
    return (this.#internals ??= this.attachInternals());
  }

  /** Makes `:state(name)` match exactly the given names. */
  setCustomStates(states: Iterable<string>): void {
    const current = this.internals.states;
    const next = new Set(states);
    for (const state of [...current]) if (!next.has(state)) current.delete(state);
    for (const state of next) current.add(state);
  }

  #holds = new Set<Promise<unknown>>();

  /**
   * Renders nothing until `promise` settles (a catalog that is loading: no screen in the wrong language). The
   * updates requested meanwhile, with their changed properties, wait and then run as one; `updateComplete`
   * waits too. For element authors (LocalizeController uses it), not for host pages.
   *
   * @internal
   */
  holdUpdatesUntil(promise: Promise<unknown>): void {
    const hold = promise.then(
      () => undefined,
      () => undefined,
    );
    this.#holds.add(hold);
    void hold.then(() => this.#holds.delete(hold));
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.#holds.size === 0) return super.scheduleUpdate();
    return this.#afterHolds().then(() => super.scheduleUpdate());
  }

  async #afterHolds(): Promise<void> {
    while (this.#holds.size) await Promise.all([...this.#holds]);
  }
}
