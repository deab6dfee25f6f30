import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  createActor,
  type Actor,
  type AnyStateMachine,
  type EmittedFrom,
  type EventFromLogic,
  type InputFrom,
  type SnapshotFrom,
  type Subscription,
} from 'xstate';

/**
 * For each emitted machine event, the DOM event it becomes (1:1), dispatched at once. A handler that returns
 * nothing dispatches its event itself, later (when it first has to load something). Emitted events not listed
 * stay inside.
 */
export type EmittedEventMap<TMachine extends AnyStateMachine> = {
  [K in EmittedFrom<TMachine>['type']]?: (emitted: Extract<EmittedFrom<TMachine>, { type: K }>) => Event | void;
};

export interface MachineControllerOptions<TMachine extends AnyStateMachine> {
  /** Read when the actor is created, so properties set before connection are seen. */
  input?: () => InputFrom<TMachine>;
  /** A persisted snapshot to resume from (for example after a reload). */
  snapshot?: unknown;
  events?: EmittedEventMap<TMachine>;
  /** Called after every snapshot change, for example to persist it. */
  onSnapshot?: (snapshot: SnapshotFrom<TMachine>) => void;
  /**
   * The persisted snapshot a fresh actor would start in, computed without XState. When set, a fresh start shows
   * this at once and the actor is built and resumed from it on first use (`send`, `actor`) or when the browser is
   * next idle: the first screen does not wait for XState's start-up. Resuming skips the initial state's entry
   * actions, so what they would emit is the caller's to do (the function may do it).
   */
  preview?: () => unknown;
}

type Host = ReactiveControllerHost & HTMLElement & { setCustomStates?(states: Iterable<string>): void };

/** Every state node name in a state value: `{ filling: 'page' }` gives `filling` and `page`. */
export function stateNames(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => [key, ...stateNames(child)]);
  }
  return [];
}

/** Runs `start` when the browser is idle (or soon, where there is no `requestIdleCallback`). */
const whenIdle = (start: () => void): void => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 500 });
  else setTimeout(start, 50);
};

/**
 * Runs one XState v5 actor for a Lit element. The actor starts when the element connects and stops when it
 * disconnects; its persisted snapshot is kept, so moving the element in the DOM resumes where it was.
 * Snapshot changes re-render the host and set its custom states; emitted events become DOM events.
 * `machine` may be a function that builds it, called when the actor is first needed.
 */
export class MachineController<TMachine extends AnyStateMachine> implements ReactiveController {
  readonly #host: Host;
  readonly #machine: TMachine | (() => TMachine);
  readonly #options: MachineControllerOptions<TMachine>;
  #actor: Actor<TMachine> | undefined;
  #persisted: unknown;
  /** The preview is shown and no actor exists yet. */
  #previewing = false;
  #subscriptions: Subscription[] = [];

  constructor(host: Host, machine: TMachine | (() => TMachine), options: MachineControllerOptions<TMachine> = {}) {
    this.#host = host;
    this.#machine = machine;
    this.#options = options;
    this.#persisted = options.snapshot;
    host.addController(this);
  }

  /** The running actor (created on first use; started too while a preview is shown). */
  get actor(): Actor<TMachine> {
    if (this.#previewing) this.#endPreview();
    return (this.#actor ??= this.#create());
  }

  /** The current snapshot. While a preview is shown, only its `value`, `context` and `status` are there. */
  get snapshot(): SnapshotFrom<TMachine> {
    return this.#previewing ? (this.#persisted as SnapshotFrom<TMachine>) : this.actor.getSnapshot();
  }

  send(event: EventFromLogic<TMachine>): void {
    this.actor.send(event);
  }

  /** The snapshot in a form that can be stored and handed back to `restore`. */
  persist(): unknown {
    return this.#previewing ? this.#persisted : this.actor.getPersistedSnapshot();
  }

  /** Replaces the actor with one resumed from `persisted` (or a fresh one, or the preview, when undefined). */
  restore(persisted: unknown): void {
    const wasRunning = this.#actor !== undefined && this.#host.isConnected;
    this.#teardown();
    this.#previewing = false;
    this.#persisted = persisted;
    if (wasRunning || this.#host.isConnected) this.hostConnected();
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    if (this.#previewing) this.#startWhenIdle();
    else if (this.#actor === undefined && this.#persisted === undefined && this.#options.preview) this.#showPreview();
    else this.#start();
  }

  hostDisconnected(): void {
    if (!this.#actor) return;
    this.#persisted = this.#actor.getPersistedSnapshot();
    this.#teardown();
  }

  #showPreview(): void {
    this.#persisted = this.#options.preview!();
    this.#previewing = true;
    this.#host.setCustomStates?.(stateNames((this.#persisted as { value?: unknown }).value));
    this.#host.requestUpdate();
    this.#startWhenIdle();
  }

  #startWhenIdle(): void {
    whenIdle(() => {
      if (this.#previewing && this.#host.isConnected) this.#endPreview();
    });
  }

  /** Builds the actor from the preview and starts it. */
  #endPreview(): void {
    this.#previewing = false;
    if (this.#host.isConnected) this.#start();
  }

  #create(): Actor<TMachine> {
    const machine = typeof this.#machine === 'function' ? this.#machine() : this.#machine;
    return createActor(machine, {
      input: this.#options.input?.(),
      snapshot: this.#persisted as never,
    } as never) as Actor<TMachine>;
  }

  #start(): void {
    const actor = this.actor;
    if (this.#subscriptions.length > 0) return;
    this.#subscriptions.push(
      actor.subscribe({
        next: (snapshot) => this.#onSnapshot(snapshot),
        // An error inside the machine must not vanish: the element shows its error state from the snapshot.
        error: () => this.#host.requestUpdate(),
      }),
      actor.on('*', (emitted) => {
        const toEvent = (this.#options.events as Record<string, ((e: unknown) => Event) | undefined> | undefined)?.[
          (emitted as { type: string }).type
        ];
        const event = toEvent?.(emitted);
        if (event) this.#host.dispatchEvent(event);
      }),
    );
    actor.start();
    this.#onSnapshot(actor.getSnapshot());
  }

  #onSnapshot(snapshot: SnapshotFrom<TMachine>): void {
    this.#host.setCustomStates?.(stateNames((snapshot as { value?: unknown }).value));
    this.#options.onSnapshot?.(snapshot);
    this.#host.requestUpdate();
  }

  #teardown(): void {
    for (const subscription of this.#subscriptions) subscription.unsubscribe();
    this.#subscriptions = [];
    this.#actor?.stop();
    this.#actor = undefined;
  }
}
