/**
 * The events each element documents, and the `detail` fields each one documents, read from the packages'
 * custom-elements.json (generated from the elements' JSDoc `@event` lines). The descriptions name fields in
 * three ways: `detail.x`, a braced list `{ a, b: 'x' | 'y', c }`, or "`detail`: `a`, `b`, and `c`".
 */
export type DocumentedEvents = Map<string, Set<string>>;

interface Manifest {
  modules: Array<{ declarations?: Array<{ tagName?: string; events?: Array<{ name: string; description?: string }> }> }>;
}

export function documentedFields(description: string): Set<string> {
  const fields = new Set<string>();
  for (const m of description.matchAll(/`detail\.(\w+)`/g)) fields.add(m[1]!);
  for (const m of description.matchAll(/`\{([^}`]*)\}`/g)) {
    for (const entry of m[1]!.split(',')) {
      const name = /^\s*(\w+)/.exec(entry)?.[1];
      if (name) fields.add(name);
    }
  }
  const list = /`detail`:\s*((?:`\w+`[^.`]*)+)/.exec(description);
  if (list) for (const m of list[1]!.matchAll(/`(\w+)`/g)) fields.add(m[1]!);
  return fields;
}

/** tag → event name → documented fields. */
export async function documentedEvents(packages: string[]): Promise<Map<string, DocumentedEvents>> {
  const out = new Map<string, DocumentedEvents>();
  for (const pkg of packages) {
    // The test server may serve a .json file as JSON or, once esbuild has seen it, as a JS module.
    const url = `/packages/${pkg}/custom-elements.json`;
    const text = await (await fetch(url)).text();
    const manifest = (text.trimStart().startsWith('{') ? JSON.parse(text) : ((await import(/* @vite-ignore */ url)) as { default: unknown }).default) as Manifest;
    for (const mod of manifest.modules) {
      for (const decl of mod.declarations ?? []) {
        if (!decl.tagName) continue;
        out.set(decl.tagName, new Map((decl.events ?? []).map((e) => [e.name, documentedFields(e.description ?? '')])));
      }
    }
  }
  return out;
}
