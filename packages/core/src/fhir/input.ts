import { fail, ok, type Result } from './errors.js';

/** Limits applied to every document before it is read. Defaults suit patient forms with room to spare. */
export interface InputLimits {
  /** Largest JSON text accepted, in UTF-16 code units (about bytes for ASCII). Default 4 000 000. */
  maxChars: number;
  /** Deepest nesting of JSON objects/arrays. Default 128 (a Questionnaire item level costs about 2). */
  maxDepth: number;
  /** Most JSON values (objects, arrays, primitives) walked in an object input. Default 1 000 000. */
  maxNodes: number;
  /** Most Questionnaire items. Default 20 000. */
  maxItems: number;
}

export const defaultLimits: InputLimits = { maxChars: 4_000_000, maxDepth: 128, maxNodes: 1_000_000, maxItems: 20_000 };

export function resolveLimits(limits?: Partial<InputLimits>): InputLimits {
  return { ...defaultLimits, ...limits };
}

/**
 * Accept a JSON string or an already parsed value; check size and depth without recursion (so a hostile document
 * cannot overflow the stack) and return a plain object.
 */
export function readJsonInput(input: unknown, limits: InputLimits): Result<Record<string, unknown>> {
  let value: unknown = input;
  if (typeof input === 'string') {
    if (input.length > limits.maxChars) return fail('too-large', { limit: limits.maxChars, size: input.length });
    const depth = jsonTextDepth(input, limits.maxDepth);
    if (depth > limits.maxDepth) return fail('too-deep', { limit: limits.maxDepth });
    try {
      value = JSON.parse(input);
    } catch (e) {
      return fail('malformed-json', {}, `The document is not valid JSON (${e instanceof Error ? e.message : 'parse error'}).`);
    }
  } else {
    const checked = checkValueShape(input, limits);
    if (!checked.ok) return checked;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail('not-a-questionnaire', {}, 'The document is not a JSON object.');
  }
  return ok(value as Record<string, unknown>);
}

/** Nesting depth of a JSON text, ignoring brackets in strings; stops counting once past `limit`. */
function jsonTextDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped char
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** Depth and size check for an object input; cycles in the object graph show up as too deep. */
function checkValueShape(input: unknown, limits: InputLimits): Result<true> {
  const stack: Array<[unknown, number]> = [[input, 1]];
  let nodes = 0;
  let chars = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (++nodes > limits.maxNodes) return fail('too-large', { limit: limits.maxNodes, unit: 'nodes' });
    if (typeof value === 'string') {
      chars += value.length;
      if (chars > limits.maxChars) return fail('too-large', { limit: limits.maxChars });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > limits.maxDepth) return fail('too-deep', { limit: limits.maxDepth });
    const children = Array.isArray(value) ? value : Object.values(value as object);
    for (const child of children) stack.push([child, depth + 1]);
  }
  return ok(true);
}
