/**
 * Base class of every helsekit DOM event: named `hk-*`, bubbling and composed so a host page can listen on
 * any ancestor, with a typed, documented `detail`. Cancelable only where the host may veto.
 */
export class HkEvent<TDetail> extends Event {
  readonly detail: TDetail;

  constructor(type: `hk-${string}`, detail: TDetail, init: { cancelable?: boolean } = {}) {
    super(type, { bubbles: true, composed: true, cancelable: init.cancelable ?? false });
    this.detail = detail;
  }
}

/** A person changed the value of an input primitive. */
export class HkChangeEvent<TValue> extends HkEvent<{ value: TValue }> {
  static readonly type = 'hk-change';
  constructor(value: TValue) {
    super(HkChangeEvent.type, { value });
  }
}

declare global {
  // GlobalEventHandlersEventMap is shared by elements, the document and window: the event bubbles to all.
  interface GlobalEventHandlersEventMap {
    'hk-change': HkChangeEvent<unknown>;
  }
}
