/**
 * The iframe mode's `postMessage` contract, version 1. A host page and the frame page that runs `<hk-triage>`
 * talk only through these messages, each a plain object `{ type, version, ... }`, posted to one exact origin
 * (never `*`). Anything else (an unknown type, another version, a missing or extra field, a wrong value) is not
 * a message of this contract and is ignored by both sides. The validators are pure, so both sides and the tests
 * share them. Documented in docs/components/triage.md, "Iframe mode".
 */
import type { Bundle } from 'fhir/r4';
import { CONTENT_LANGUAGES, DISPOSITIONS, type ContentLanguage, type DecisionReason, type Disposition, type TriageAnalytics, type TriageStep } from '@helsekit/core/triage';

export const FRAME_CONTRACT_VERSION = 1;

/** The largest height, in CSS pixels, a host accepts from `hk:resize`. */
export const MAX_FRAME_HEIGHT = 20000;

/** A FHIR Bundle as it crosses the frame boundary (plain JSON); both sides check only `resourceType`. */
export type FrameBundle = Bundle;

/** What the host may configure through `hk:init`. Security-relevant settings (FHIR base, tokens) are the frame page's own. */
export interface FrameConfig {
  /** Run this protocol at once (skip the reason screen). */
  protocolId?: string;
  /** UI and content language. */
  lang?: ContentLanguage;
}

// Host → frame
export interface InitMessage {
  type: 'hk:init';
  version: 1;
  config: FrameConfig;
}
export interface RestartMessage {
  type: 'hk:restart';
  version: 1;
}
export type HostMessage = InitMessage | RestartMessage;

// Frame → host
export interface ReadyMessage {
  type: 'hk:ready';
  version: 1;
}
export interface StepChangeMessage {
  type: 'hk:step-change';
  version: 1;
  step: TriageStep;
  index: number;
  total: number;
}
export interface CompleteMessage {
  type: 'hk:complete';
  version: 1;
  disposition: Disposition;
  bundle: FrameBundle;
}
export interface HandoffMessage {
  type: 'hk:handoff';
  version: 1;
  disposition: Disposition;
  bundle: FrameBundle;
}
export interface AnalyticsMessage {
  type: 'hk:analytics';
  version: 1;
  analytics: TriageAnalytics;
}
export interface ErrorMessage {
  type: 'hk:error';
  version: 1;
  reason: string;
  message: string;
}
export interface ResizeMessage {
  type: 'hk:resize';
  version: 1;
  /** The frame document's height in CSS pixels. */
  height: number;
}
export type FrameMessage = ReadyMessage | StepChangeMessage | CompleteMessage | HandoffMessage | AnalyticsMessage | ErrorMessage | ResizeMessage;

// A record, so adding a step to core's TriageStep fails to compile here until the contract says what to do.
const STEPS: Record<TriageStep, true> = { choosingPerson: true, choosingReason: true, redFlags: true, questions: true, outcome: true, handoff: true, done: true };
const ANALYTICS_KINDS: ReadonlySet<unknown> = new Set<TriageAnalytics['kind']>(['completed', 'abandoned']);
const DECIDED_BY: Record<DecisionReason['kind'], true> = { 'red-flag': true, rule: true, default: true, 'too-many-unknowns': true };

type Plain = Record<string, unknown>;

function isPlainObject(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Exactly these keys: a message with more or fewer fields is not one of ours. */
function hasExactKeys(value: Plain, keys: readonly string[], optional: readonly string[] = []): boolean {
  const own = Object.keys(value);
  return keys.every((k) => Object.hasOwn(value, k)) && own.every((k) => keys.includes(k) || optional.includes(k));
}

const isString = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1000;
const isDisposition = (v: unknown): v is Disposition => (DISPOSITIONS as readonly unknown[]).includes(v);
const isStep = (v: unknown): v is TriageStep => typeof v === 'string' && Object.hasOwn(STEPS, v);
const isLang = (v: unknown): v is ContentLanguage => (CONTENT_LANGUAGES as readonly unknown[]).includes(v);
const isBundle = (v: unknown): v is FrameBundle => isPlainObject(v) && v.resourceType === 'Bundle';
const isNullableString = (v: unknown) => v === null || isString(v);

function isAnalytics(v: unknown): v is TriageAnalytics {
  return (
    isPlainObject(v) &&
    hasExactKeys(v, ['kind', 'protocolId', 'protocolVersion', 'step', 'questionId', 'stepNumber', 'disposition', 'decidedBy', 'durationMs']) &&
    ANALYTICS_KINDS.has(v.kind) &&
    isNullableString(v.protocolId) &&
    isNullableString(v.protocolVersion) &&
    isStep(v.step) &&
    isNullableString(v.questionId) &&
    isCount(v.stepNumber) &&
    (v.disposition === null || isDisposition(v.disposition)) &&
    (v.decidedBy === null || (typeof v.decidedBy === 'string' && Object.hasOwn(DECIDED_BY, v.decidedBy))) &&
    typeof v.durationMs === 'number' &&
    Number.isFinite(v.durationMs) &&
    v.durationMs >= 0
  );
}

function isConfig(v: unknown): v is FrameConfig {
  if (!isPlainObject(v) || !hasExactKeys(v, [], ['protocolId', 'lang'])) return false;
  if (v.protocolId !== undefined && !(isString(v.protocolId, 100) && /^[a-z0-9][a-z0-9-]*$/.test(v.protocolId))) return false;
  return v.lang === undefined || isLang(v.lang);
}

function isVersioned(v: unknown): v is Plain & { type: string; version: 1 } {
  return isPlainObject(v) && typeof v.type === 'string' && v.version === FRAME_CONTRACT_VERSION;
}

/** A message the frame page accepts from its host (after checking the sender's window and origin). */
export function isHostMessage(value: unknown): value is HostMessage {
  if (!isVersioned(value)) return false;
  switch (value.type) {
    case 'hk:init':
      return hasExactKeys(value, ['type', 'version', 'config']) && isConfig(value.config);
    case 'hk:restart':
      return hasExactKeys(value, ['type', 'version']);
    default:
      return false;
  }
}

/** A message the host accepts from the frame (after checking the sender's window and origin). */
export function isFrameMessage(value: unknown): value is FrameMessage {
  if (!isVersioned(value)) return false;
  switch (value.type) {
    case 'hk:ready':
      return hasExactKeys(value, ['type', 'version']);
    case 'hk:step-change':
      return hasExactKeys(value, ['type', 'version', 'step', 'index', 'total']) && isStep(value.step) && isCount(value.index) && isCount(value.total);
    case 'hk:complete':
    case 'hk:handoff':
      return hasExactKeys(value, ['type', 'version', 'disposition', 'bundle']) && isDisposition(value.disposition) && isBundle(value.bundle);
    case 'hk:analytics':
      return hasExactKeys(value, ['type', 'version', 'analytics']) && isAnalytics(value.analytics);
    case 'hk:error':
      return hasExactKeys(value, ['type', 'version', 'reason', 'message']) && isString(value.reason, 100) && typeof value.message === 'string' && value.message.length <= 2000;
    case 'hk:resize':
      return (
        hasExactKeys(value, ['type', 'version', 'height']) &&
        typeof value.height === 'number' &&
        Number.isFinite(value.height) &&
        value.height >= 0 &&
        value.height <= MAX_FRAME_HEIGHT
      );
    default:
      return false;
  }
}

/**
 * The origin `value` names, when it is exactly an http(s) origin (`https://host[:port]`, nothing after it);
 * `null` for `*`, `null`, paths, other schemes or anything unparsable. Both sides only ever post to such an origin.
 */
export function exactOrigin(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 300) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin === value ? value : null;
  } catch {
    return null;
  }
}
