/**
 * Whether survey-core JSON has any logic of its own: conditions (`visibleIf`, `enableIf`, `requiredIf`, …),
 * expressions, triggers, calculated values, validators, bindings (a repeating group's count bound to an answer) or
 * `{name}` text piping. A form without any is "static": an answer can change nothing else in survey-core, so its
 * per-answer passes over every question (conditions, bindings) can be skipped. SDC expressions are not survey-core logic: helsekit evaluates them itself.
 */
const LOGIC_KEYS = /(If|Expression)$|^(expression|triggers|calculatedValues|validators|choicesByUrl|defaultValueExpression|bindings)$/;

export function hasSurveyLogic(json: unknown): boolean {
  const stack: unknown[] = [json];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (/\{[^{}]+\}/.test(node)) return true;
    } else if (Array.isArray(node)) {
      for (const v of node) stack.push(v);
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (LOGIC_KEYS.test(key) && value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) return true;
        if (key === 'type' && value === 'expression') return true;
        stack.push(value);
      }
    }
  }
  return false;
}

/**
 * For a model whose JSON has no survey-core logic (`hasSurveyLogic` is false): skips the passes survey-core makes
 * over every element on each answer, which grow with the form and can change nothing here. Its pass over every
 * question's conditions; telling every element about every answer (for piping and expressions); and asking every
 * element whether a binding (a repeating group's count bound to an answer) follows it. SDC expressions are not
 * survey-core logic: helsekit's expression engine evaluates them.
 */
export function skipLogicPasses(model: object): void {
  const m = model as { runConditionOnValuesChanged(): void; notifyElementsOnAnyValueOrVariableChanged(): void; checkElementsBindings(): void };
  m.runConditionOnValuesChanged = () => undefined;
  m.notifyElementsOnAnyValueOrVariableChanged = () => undefined;
  m.checkElementsBindings = () => undefined;
}
