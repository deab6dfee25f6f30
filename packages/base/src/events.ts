/**
 * Base class of every helsekit DOM event: named `hk-*`, bubbling and (by default) composed so a host page can
 * listen on any ancestor, with a typed, documented `detail`. Cancelable only where the host may veto.
 */
export class HkEvent<TDetail> extends Event {
  readonly detail: TDetail;

  constructor(type: `hk-${string}`, detail: TDetail, init: { cancelable?: boolean; composed?: boolean } = {}) {
    super(type, { bubbles: true, composed: init.composed ?? true, cancelable: init.cancelable ?? false });
    this.detail = detail;
  }
}

/**
 * A person changed the value of an input primitive. Not composed: it bubbles through the page the primitive
 * sits in, but never out of a component's shadow root, so an answer given inside `<hk-triage>` or
 * `<hk-health-form>` reaches the host page only through that component's documented events.
 */
export class HkChangeEvent<TValue> extends HkEvent<{ value: TValue }> {
  static readonly type = 'hk-change';
  constructor(value: TValue) {
    super(HkChangeEvent.type, { value }, { composed: false });
  }
}

declare global {
  // GlobalEventHandlersEventMap is shared by elements, the document and window: in a light-DOM page it bubbles to all.
  interface GlobalEventHandlersEventMap {
    'hk-change': HkChangeEvent<unknown>;
  }
}
