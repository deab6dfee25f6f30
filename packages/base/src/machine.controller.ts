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

/**
 * Runs one XState v5 actor for a Lit element. The actor starts when the element connects and stops when it
 * disconnects; its persisted snapshot is kept, so moving the element in the DOM resumes where it was.
 * Snapshot changes re-render the host and set its custom states; emitted events become DOM events.
 */
export class MachineController<TMachine extends AnyStateMachine> implements ReactiveController {
  readonly #host: Host;
  readonly #machine: TMachine;
  readonly #options: MachineControllerOptions<TMachine>;
  #actor: Actor<TMachine> | undefined;
  #persisted: unknown;
  #subscriptions: Subscription[] = [];

  constructor(host: Host, machine: TMachine, options: MachineControllerOptions<TMachine> = {}) {
    this.#host = host;
    this.#machine = machine;
    this.#options = options;
    this.#persisted = options.snapshot;
    host.addController(this);
  }

  /** The running actor (created on first use). */
  get actor(): Actor<TMachine> {
    return (this.#actor ??= this.#create());
  }

  get snapshot(): SnapshotFrom<TMachine> {
    return this.actor.getSnapshot();
  }

  send(event: EventFromLogic<TMachine>): void {
    this.actor.send(event);
  }

  /** The snapshot in a form that can be stored and handed back to `restore`. */
  persist(): unknown {
    return this.actor.getPersistedSnapshot();
  }

  /** Replaces the actor with one resumed from `persisted` (or a fresh one when undefined). */
  restore(persisted: unknown): void {
    const wasRunning = this.#actor !== undefined && this.#host.isConnected;
    this.#teardown();
    this.#persisted = persisted;
    if (wasRunning || this.#host.isConnected) this.#start();
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#start();
  }

  hostDisconnected(): void {
    if (!this.#actor) return;
    this.#persisted = this.#actor.getPersistedSnapshot();
    this.#teardown();
  }

  #create(): Actor<TMachine> {
    return createActor(this.#machine, {
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
