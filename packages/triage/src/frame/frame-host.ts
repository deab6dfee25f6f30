/**
 * The host side of the iframe mode: `embedTriage()` puts the frame page in an `<iframe>` and talks to it through
 * the contract in `frame.contract.ts`. It accepts a message only when it comes from that iframe's window AND from
 * the exact `frameOrigin`, and only when it has the documented shape; it posts only to `frameOrigin`, never `*`.
 * Nothing runs at module scope.
 */
import type { TriageAnalytics } from '@helsekit/core/triage';
import {
  exactOrigin,
  FRAME_CONTRACT_VERSION,
  isFrameMessage,
  type CompleteMessage,
  type ErrorMessage,
  type FrameConfig,
  type HandoffMessage,
  type HostMessage,
  type StepChangeMessage,
} from './frame.contract.js';

export interface EmbedTriageOptions {
  /** URL of the frame page (it runs `mountTriageFrame()`); `parent=<this page's origin>` is added unless present. */
  src: string;
  /** The frame page's exact origin, e.g. `https://triage.example.no`. Must be the origin of `src`. */
  frameOrigin: string;
  /** Run this protocol at once (skip the reason screen). */
  protocolId?: string;
  /** UI and content language: `nb`, `nn`, `en` or `se`. */
  lang?: FrameConfig['lang'];
  /** The iframe's accessible name (required: a frame without a title is an accessibility failure). */
  title: string;
  onComplete?: (detail: Omit<CompleteMessage, 'type' | 'version'>) => void;
  /** A notification: the frame page's own configuration decides where the answers are sent. */
  onHandoff?: (detail: Omit<HandoffMessage, 'type' | 'version'>) => void;
  onStepChange?: (detail: Omit<StepChangeMessage, 'type' | 'version'>) => void;
  onAnalytics?: (analytics: TriageAnalytics) => void;
  onError?: (detail: Omit<ErrorMessage, 'type' | 'version'>) => void;
}

export interface EmbeddedTriage {
  iframe: HTMLIFrameElement;
  /** Starts the triage again from the beginning. */
  restart(): void;
  /** Stops listening and removes the iframe. */
  destroy(): void;
}

/**
 * The sandbox: scripts and forms for the widget; its own origin so it keeps its storage and may call its FHIR
 * server; `tel:` links ("Ring 113") must work, which Chromium blocks in a sandbox without
 * `allow-top-navigation-to-custom-protocols`. No popups, no navigation of the host page.
 */
export const FRAME_SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-top-navigation-to-custom-protocols';

/** Embeds the triage frame page in `container`. Throws when `frameOrigin` is not an exact origin or `src` is elsewhere. */
export function embedTriage(container: HTMLElement, options: EmbedTriageOptions): EmbeddedTriage {
  const frameOrigin = exactOrigin(options.frameOrigin);
  if (!frameOrigin) throw new TypeError(`embedTriage: frameOrigin must be an exact http(s) origin, got ${String(options.frameOrigin)}`);
  const view = container.ownerDocument.defaultView;
  if (!view) throw new TypeError('embedTriage: the container is not in a window');
  const src = new URL(options.src, view.location.href);
  if (src.origin !== frameOrigin) throw new TypeError(`embedTriage: src (${src.origin}) is not on frameOrigin (${frameOrigin})`);
  if (!src.searchParams.has('parent')) src.searchParams.set('parent', view.location.origin);

  const iframe = container.ownerDocument.createElement('iframe');
  iframe.title = options.title;
  iframe.setAttribute('sandbox', FRAME_SANDBOX);
  iframe.referrerPolicy = 'no-referrer';
  iframe.loading = 'eager';
  iframe.src = src.href;

  const config: FrameConfig = {};
  if (options.protocolId !== undefined) config.protocolId = options.protocolId;
  if (options.lang !== undefined) config.lang = options.lang;

  const post = (message: HostMessage) => {
    // contentWindow is null once the iframe is removed; the target origin is always the exact one.
    iframe.contentWindow?.postMessage(message, frameOrigin);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.origin !== frameOrigin || event.source === null || event.source !== iframe.contentWindow) return;
    const message: unknown = event.data;
    if (!isFrameMessage(message)) return;
    switch (message.type) {
      case 'hk:ready':
        // Also after the frame reloads: it starts afresh and waits for its configuration.
        post({ type: 'hk:init', version: FRAME_CONTRACT_VERSION, config });
        break;
      case 'hk:resize':
        // The `height` attribute, not an inline style: hosts may run a strict CSP.
        iframe.height = String(Math.ceil(message.height));
        break;
      case 'hk:step-change':
        options.onStepChange?.({ step: message.step, index: message.index, total: message.total });
        break;
      case 'hk:complete':
        options.onComplete?.({ disposition: message.disposition, bundle: message.bundle });
        break;
      case 'hk:handoff':
        options.onHandoff?.({ disposition: message.disposition, bundle: message.bundle });
        break;
      case 'hk:analytics':
        options.onAnalytics?.(message.analytics);
        break;
      case 'hk:error':
        options.onError?.({ reason: message.reason, message: message.message });
        break;
    }
  };

  view.addEventListener('message', onMessage);
  container.append(iframe);

  return {
    iframe,
    restart: () => post({ type: 'hk:restart', version: FRAME_CONTRACT_VERSION }),
    destroy: () => {
      view.removeEventListener('message', onMessage);
      iframe.remove();
    },
  };
}
