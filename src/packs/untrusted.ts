/**
 * Checks of an untrusted JSON tree before any schema reads it: no key that could reach a prototype when the
 * data is copied (JSON.parse makes `__proto__` an own key), plain data only (finite numbers, no functions or
 * class instances), every string and key plain text, a bounded depth and size. Problems are one sentence
 * naming the field (`drills[2].notes contains a control character.`).
 */

/** Keys refused anywhere in untrusted data. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** How deep and how large a tree is walked before it is refused (a pack is 6 levels deep). */
export const TREE_LIMITS = { depth: 16, nodes: 200_000, keyChars: 64 } as const;

// C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and isolates that can make
// text read differently from what it holds.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string is not plain text ('contains a control character', …), or null when it is. */
export function textProblem(text: string): string | null {
  if (CONTROL.test(text)) return 'contains a control character (only line breaks and tabs are allowed)';
  if (LONE_SURROGATE.test(text)) return 'contains broken text (an unpaired UTF-16 surrogate)';
  return null;
}

/** A path as people read it: `drills[2].drill.title.en`. */
export function pathText(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part) && part.length <= TREE_LIMITS.keyChars) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part.slice(0, 40))}]`;
  }
  return out;
}

function isPlainObject(x: object): boolean {
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The first problem of an untrusted tree as one sentence, or null when it is plain, safe JSON data.
 * `what` names the whole (“The pack”) when the problem is at the root.
 */
export function treeProblem(input: unknown, what: string): string | null {
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value: input, path: [] }];
  let nodes = 0;
  const at = (path: Array<string | number>): string => (path.length === 0 ? what : pathText(path));
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (++nodes > TREE_LIMITS.nodes) return `${what} has too many fields and values (more than ${TREE_LIMITS.nodes}).`;
    if (value === null || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return `${at(path)} must be a finite number.`;
      continue;
    }
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem !== null) return `${at(path)} ${problem}.`;
      continue;
    }
    if (typeof value !== 'object') return `${at(path)} is not JSON data.`;
    if (path.length >= TREE_LIMITS.depth) return `${at(path)} is nested too deeply (more than ${TREE_LIMITS.depth} levels).`;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i] as unknown, path: [...path, i] });
      continue;
    }
    if (!isPlainObject(value)) return `${at(path)} is not plain JSON data.`;
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      if (FORBIDDEN_KEYS.has(key)) return `${at(path)} has a field named "${key}", which VoiceDrill refuses.`;
      if (key.length > TREE_LIMITS.keyChars) return `${at(path)} has a field name longer than ${TREE_LIMITS.keyChars} characters.`;
      if (textProblem(key) !== null) return `${at(path)} has a field name that is not plain text.`;
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}
