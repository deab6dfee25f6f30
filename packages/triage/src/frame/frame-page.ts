/**
 * The inside of the iframe mode: a page that runs `<hk-triage>` for a host on another origin. It knows one parent
 * origin (from `?parent=<origin>` or `data-parent-origin`), posts only to that exact origin (never `*`), and
 * accepts `hk:init` / `hk:restart` only from `window.parent` at that origin and only in the documented shape.
 * What matters for security (FHIR base, allowlist, token) is set by the frame page's owner in `configure`, never
 * by the host. Nothing runs at module scope except registering the element.
 */
import '../define.js';
import type { TriageAnalytics } from '@helsekit/core/triage';
import type { HkTriage } from '../index.js';
import type { HkTriageErrorDetail, HkTriageResultDetail, HkTriageStepChangeDetail } from '../triage.events.js';
import {
  exactOrigin,
  FRAME_CONTRACT_VERSION,
  isFrameMessage,
  isHostMessage,
  type FrameConfig,
  type FrameMessage,
} from './frame.contract.js';

export interface TriageFrameOptions {
  /** Where `<hk-triage>` goes (default `document.body`). */
  container?: HTMLElement;
  /** The host's origin. Default: `?parent=` in this page's URL, else `data-parent-origin` on the container or `<html>`. */
  parentOrigin?: string;
  /** When set, the parent origin must be one of these (serve the page with the same list in CSP `frame-ancestors`). */
  allowedParentOrigins?: readonly string[];
  /** The frame page owner's own settings: `fhir-base`, `allowedFhirBases`, `getAccessToken`, `gpOffice`, `persist`. */
  configure?: (element: HkTriage) => void;
}

export type TriageFrameResult =
  | { ok: true; parentOrigin: string; destroy(): void }
  | { ok: false; reason: 'not-framed' | 'no-parent-origin' | 'parent-not-allowed' | 'parent-mismatch' };

/** The parent origin this page was given, when it is an exact http(s) origin. */
export function readParentOrigin(doc: Document, container?: HTMLElement): string | null {
  const fromQuery = new URL(doc.location.href).searchParams.get('parent');
  const fromData = container?.dataset.parentOrigin ?? doc.documentElement.dataset.parentOrigin;
  return exactOrigin(fromQuery ?? fromData);
}

/** Runs the triage frame: says `hk:ready` to the parent and mounts `<hk-triage>` when `hk:init` arrives. */
export function mountTriageFrame(options: TriageFrameOptions = {}): TriageFrameResult {
  const doc = options.container?.ownerDocument ?? document;
  const view = doc.defaultView!;
  const container = options.container ?? doc.body;
  if (view.parent === view) return { ok: false, reason: 'not-framed' };

  const parentOrigin = options.parentOrigin !== undefined ? exactOrigin(options.parentOrigin) : readParentOrigin(doc, options.container);
  if (!parentOrigin) return { ok: false, reason: 'no-parent-origin' };
  if (options.allowedParentOrigins && !options.allowedParentOrigins.includes(parentOrigin)) return { ok: false, reason: 'parent-not-allowed' };
  // Where the browser tells us who embeds us, it must agree (a masked ancestor reads "null").
  const ancestor = view.location.ancestorOrigins?.[0];
  if (ancestor && ancestor !== 'null' && ancestor !== parentOrigin) return { ok: false, reason: 'parent-mismatch' };

  const parent = view.parent;
  const post = (message: FrameMessage) => {
    // Only contract messages leave the frame, and only to the one parent origin.
    if (isFrameMessage(message)) parent.postMessage(message, parentOrigin);
  };

  let element: HkTriage | null = null;
  const cleanups: Array<() => void> = [];
  const listen = <T>(target: HTMLElement, type: string, fn: (detail: T) => void) => {
    const handler = (event: Event) => fn((event as Event & { detail: T }).detail);
    target.addEventListener(type, handler);
    cleanups.push(() => target.removeEventListener(type, handler));
  };

  const mount = (config: FrameConfig) => {
    if (config.lang) doc.documentElement.lang = config.lang;
    const el = doc.createElement('hk-triage');
    if (config.protocolId) el.setAttribute('protocol-id', config.protocolId);
    options.configure?.(el);
    listen<HkTriageStepChangeDetail>(el, 'hk-step-change', ({ step, index, total }) => post({ type: 'hk:step-change', version: 1, step, index, total }));
    listen<HkTriageResultDetail>(el, 'hk-complete', ({ disposition, bundle }) => post({ type: 'hk:complete', version: 1, disposition, bundle: plain(bundle) }));
    // A notification only: the host cannot veto across the frame boundary; `configure` can, on the element.
    listen<HkTriageResultDetail>(el, 'hk-handoff', ({ disposition, bundle }) => post({ type: 'hk:handoff', version: 1, disposition, bundle: plain(bundle) }));
    listen<TriageAnalytics>(el, 'hk-analytics', (analytics) => post({ type: 'hk:analytics', version: 1, analytics: pickAnalytics(analytics) }));
    listen<HkTriageErrorDetail>(el, 'hk-error', ({ reason, message }) => post({ type: 'hk:error', version: 1, reason, message: String(message).slice(0, 2000) }));
    container.append(el);
    element = el;
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== parent || event.origin !== parentOrigin) return;
    const message: unknown = event.data;
    if (!isHostMessage(message)) return;
    if (message.type === 'hk:init') {
      // Configuration is taken once; a second init (a confused or hostile script) changes nothing.
      if (!element) mount(message.config);
    } else if (message.type === 'hk:restart') {
      element?.restart();
    }
  };
  view.addEventListener('message', onMessage);
  cleanups.push(() => view.removeEventListener('message', onMessage));

  let lastHeight = -1;
  let frame = 0;
  const observer = new ResizeObserver(() => {
    view.cancelAnimationFrame(frame);
    frame = view.requestAnimationFrame(() => {
      const height = Math.ceil(doc.documentElement.getBoundingClientRect().height);
      if (height === lastHeight) return;
      lastHeight = height;
      post({ type: 'hk:resize', version: 1, height });
    });
  });
  observer.observe(doc.documentElement);
  cleanups.push(() => observer.disconnect());

  post({ type: 'hk:ready', version: FRAME_CONTRACT_VERSION });

  return {
    ok: true,
    parentOrigin,
    destroy: () => {
      for (const cleanup of cleanups.splice(0)) cleanup();
      element?.remove();
      element = null;
    },
  };
}

/** A JSON copy: the Bundle crosses the boundary as data, never as an object with prototypes or functions. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Exactly the documented analytics fields, whatever else the event may carry one day. */
function pickAnalytics(a: TriageAnalytics): TriageAnalytics {
  const { kind, protocolId, protocolVersion, step, questionId, stepNumber, disposition, decidedBy, durationMs } = a;
  return { kind, protocolId, protocolVersion, step, questionId, stepNumber, disposition, decidedBy, durationMs };
}
