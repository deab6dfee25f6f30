import { fromCallback } from 'xstate';
import type { Model, Question } from 'survey-core';
import { mapLanguageCode } from '../fhir/item-index.js';
import { CUSTOM_PROPERTIES, questionnaireToSurvey } from '../fhir/questionnaire-to-survey.js';
import { answersToSurveyData, surveyDataToAnswers } from '../fhir/survey-data.js';
import { buildQuestionnaireResponse } from '../fhir/questionnaire-response.js';
import { createExpressionEngine, type ExpressionEngine, type ExpressionResults } from '../fhir/expressions.js';
import type { AnswerData } from '../fhir/answers.js';
import { registerSurveyLocales } from './survey.locales.js';
import type { FieldError, SurveyActorEvent, SurveyCoreModule, SurveyEvent, SurveyInput } from './survey.types.js';

/** The survey-core locale for a BCP 47 tag: nb, nn, se or en (anything else: nb). */
export function surveyLocale(tag: string | undefined): string {
  const code = mapLanguageCode(tag ?? 'nb');
  return code === 'nb' || code === 'nn' || code === 'se' || code === 'en' ? code : 'nb';
}

/** Register our locales and custom properties with a loaded survey-core (idempotent). */
export function prepareSurveyCore(core: SurveyCoreModule): void {
  registerSurveyLocales(core);
  registerCustomProperties(core);
}

function registerCustomProperties(core: SurveyCoreModule): void {
  for (const name of CUSTOM_PROPERTIES) {
    for (const cls of ['question', 'panel', 'page']) {
      if (!core.Serializer.findProperty(cls, name)) core.Serializer.addProperty(cls, { name, visible: false });
    }
  }
}

function fieldErrors(model: Model, questions: Question[]): FieldError[] {
  const out: FieldError[] = [];
  for (const q of questions) {
    for (const e of q.errors ?? []) {
      out.push({ linkId: (q as unknown as { hkLinkId?: string }).hkLinkId ?? q.name, message: e.getText() });
    }
  }
  void model;
  return out;
}

/**
 * A survey-core `Model` as a callback actor. survey-core is reached only through the dynamic import in
 * `loadSurveyCore` (default `import('survey-core')`), so nothing pays for it until a form starts. Events received
 * before the model is ready are queued.
 */
export const surveyActor = fromCallback<SurveyEvent, SurveyInput>(({ input, sendBack, receive }) => {
  const send = (e: SurveyActorEvent) => sendBack(e as never);
  let model: Model | undefined;
  let disposed = false;
  const queue: SurveyEvent[] = [];
  let handle: (e: SurveyEvent) => void = (e) => queue.push(e);
  receive((e) => handle(e));

  void (async () => {
    const conv = questionnaireToSurvey(input.questionnaire);
    if (!conv.ok) {
      send({ type: 'SURVEY.FAILED', code: conv.error.code, message: conv.error.message });
      return;
    }
    const { survey, index, issues, questionnaire } = conv.value;
    let core: SurveyCoreModule;
    try {
      core = await (input.loadSurveyCore ?? (() => import('survey-core')))();
    } catch (e) {
      send({ type: 'SURVEY.FAILED', code: 'survey-load-failed', message: e instanceof Error ? e.message : String(e) });
      return;
    }
    if (disposed) return;
    prepareSurveyCore(core);
    let engine: ExpressionEngine | undefined;
    if (conv.value.hasExpressions && questionnaire) {
      const created = await createExpressionEngine(questionnaire);
      if (created.ok) engine = created.value;
      else issues.push({ linkId: '', severity: 'error', reason: `expressions not evaluated: ${created.error.message}` });
      if (disposed) return;
    }
    const m = new core.Model(survey);
    model = m;
    m.locale = surveyLocale(input.locale);
    if (input.answers) m.mergeData(answersToSurveyData(input.answers, index));
    const answers = (): AnswerData => surveyDataToAnswers(m.data as Record<string, unknown>, index);
    let applying = false;
    const enabledByExpression = new Map<string, boolean>();
    const apply = (r: ExpressionResults) => {
      for (const [linkId, enabled] of r.enabled) enabledByExpression.set(linkId, enabled);
      applying = true;
      try {
        for (const [linkId, values] of [...r.initial, ...r.calculated]) {
          const info = index.get(linkId);
          if (!info || info.repeatingGroups.length > 0) continue;
          const v = values.length === 0 ? undefined : info.repeats ? values : values[0];
          m.setValue(info.name, v === undefined ? undefined : answersToSurveyData({ [linkId]: v as never }, index)[info.name]);
        }
        for (const [linkId, enabled] of r.enabled) {
          const info = index.get(linkId);
          const el = info && (m.getQuestionByName(info.name) ?? m.getPanelByName(info.name));
          if (el && !info.hidden) el.visible = enabled;
        }
      } finally {
        applying = false;
      }
    };
    if (engine) apply(engine.evaluateAll(answers()));
    const pageInfo = () => ({ pageIndex: m.currentPageNo, pageCount: m.visiblePageCount });
    m.onValueChanged.add((_s, o) => {
      if (applying) return;
      const info = [...index.values()].find((i) => i.name === o.name);
      const linkId = info?.linkId ?? o.name;
      if (engine) apply(engine.update([linkId], answers()));
      send({ type: 'SURVEY.CHANGED', linkId, answers: answers() });
    });
    m.onCurrentPageChanged.add(() => send({ type: 'SURVEY.PAGE', ...pageInfo() }));

    handle = (e) => {
      switch (e.type) {
        case 'SET.VALUE': {
          const info = index.get(e.linkId);
          if (!info) return;
          const data = answersToSurveyData({ [e.linkId]: e.value as never }, index);
          m.setValue(info.name, e.value === null ? undefined : data[info.name]);
          return;
        }
        case 'PAGE.NEXT': {
          const page = m.currentPage;
          const valid = page ? page.validate(true) : true;
          if (!valid) {
            send({ type: 'SURVEY.INVALID', errors: fieldErrors(m, page.questions) });
            return;
          }
          if (!m.isLastPage) m.nextPage();
          return;
        }
        case 'PAGE.PREV':
          if (!m.isFirstPage) m.prevPage();
          return;
        case 'LOCALE.SET':
          m.locale = surveyLocale(e.locale);
          return;
        case 'COMPLETE': {
          const valid = m.validate(true);
          if (!valid) {
            send({ type: 'SURVEY.INVALID', errors: fieldErrors(m, m.getAllQuestions(true)) });
            return;
          }
          const data = answers();
          if (questionnaire) {
            const built = buildQuestionnaireResponse(questionnaire, data, { ...input.response, enabledByExpression, status: 'completed' });
            if (!built.ok) {
              send({ type: 'SURVEY.FAILED', code: built.error.code, message: built.error.message });
              return;
            }
            m.doComplete();
            send({ type: 'SURVEY.COMPLETED', answers: data, response: built.value.response, responseIssues: built.value.issues });
          } else {
            m.doComplete();
            send({ type: 'SURVEY.COMPLETED', answers: data, responseIssues: [] });
          }
          return;
        }
      }
    };
    send({ type: 'SURVEY.READY', ...pageInfo(), issues, answers: answers() });
    for (const e of queue.splice(0)) handle(e);
  })().catch((e: unknown) => {
    send({ type: 'SURVEY.FAILED', code: 'internal', message: e instanceof Error ? e.message : String(e) });
  });

  return () => {
    disposed = true;
    model?.dispose();
  };
});

let buildingHeadless = false;
const headlessPatched = new WeakSet<object>();

/**
 * A survey-core `Model` for a renderer of its own (ours): survey-core's first-render work for its own UI (the
 * layout rows of every page, built for survey-js-ui) is skipped while the model is built, which is a large part
 * of building a long form. Other models of the same survey-core module are not affected. Pages that survey-core
 * shows later (a page change inside the model) build their rows as usual.
 */
export function createHeadlessModel(core: SurveyCoreModule, json: unknown): Model {
  const proto = core.PageModel.prototype as unknown as { onFirstRendering(): void };
  if (!headlessPatched.has(proto)) {
    headlessPatched.add(proto);
    const original = proto.onFirstRendering;
    proto.onFirstRendering = function (this: unknown) {
      if (buildingHeadless) return;
      original.call(this);
    };
  }
  buildingHeadless = true;
  try {
    return new core.Model(json as object);
  } finally {
    buildingHeadless = false;
  }
}
