/**
 * The analytics payload: how far people get, how long it takes, where they give up, which disposition. It never
 * carries answers (question ids are protocol structure, not health data) and no person.
 */
import type { Disposition } from './protocol.types.js';
import type { DecisionReason } from './triage.rules.js';

export type TriageStep = 'choosingPerson' | 'choosingReason' | 'redFlags' | 'questions' | 'outcome' | 'handoff' | 'done';

export interface TriageAnalytics {
  kind: 'completed' | 'abandoned';
  protocolId: string | null;
  protocolVersion: string | null;
  /** The screen reached (for `abandoned`: where the person gave up). */
  step: TriageStep;
  /** The question on screen when `step` is `questions`. */
  questionId: string | null;
  /** 1-based screen number reached, counting the red-flag screen as 1; 0 before a protocol is chosen. */
  stepNumber: number;
  disposition: Disposition | null;
  /** What decided: a red flag, a rule or the default (no answers). */
  decidedBy: DecisionReason['kind'] | null;
  durationMs: number;
}

export interface AnalyticsInput {
  kind: TriageAnalytics['kind'];
  protocol: { id: string; version: string } | null;
  step: TriageStep;
  questionId: string | null;
  stepNumber: number;
  disposition: Disposition | null;
  decidedBy: DecisionReason['kind'] | null;
  startedAt: number;
  now: number;
}

export function toAnalytics(input: AnalyticsInput): TriageAnalytics {
  return {
    kind: input.kind,
    protocolId: input.protocol?.id ?? null,
    protocolVersion: input.protocol?.version ?? null,
    step: input.step,
    questionId: input.step === 'questions' ? input.questionId : null,
    stepNumber: input.stepNumber,
    disposition: input.disposition,
    decidedBy: input.decidedBy,
    durationMs: Math.max(0, input.now - input.startedAt),
  };
}
