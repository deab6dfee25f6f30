// Opens the strict host page (support/strict-csp.html) in an iframe and hands back its window, for the tests.
import type { HostApi } from './flows.js';

export interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
}

export type HostWindow = Window & typeof globalThis & { hk?: HostApi; __hkViolations?: Violation[] };

export interface Host {
  iframe: HTMLIFrameElement;
  win: HostWindow;
  violations: () => Violation[];
  close(): void;
}

export const HOST_PAGE = '/packages/helsekit/test/support/strict-csp.html';

async function until<T>(check: () => T | null | undefined | false, what: string, timeoutMs = 30000): Promise<T> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function openHost(): Promise<Host> {
  const iframe = document.createElement('iframe');
  iframe.title = 'helsekit on a strict host page';
  iframe.setAttribute('width', '1024');
  iframe.setAttribute('height', '900');
  iframe.src = HOST_PAGE;
  document.body.append(iframe);
  const win = await until(() => {
    const w = iframe.contentWindow as HostWindow | null;
    return w?.hk && w.__hkViolations ? w : undefined;
  }, 'the host page and its modules');
  return { iframe, win, violations: () => [...(win.__hkViolations ?? [])], close: () => iframe.remove() };
}

/** What is kept in this origin's browser storage (the frame shares it with the test page). */
export async function storageSnapshot(win: HostWindow): Promise<{ local: string[]; session: string[]; indexedDB: string[]; caches: string[]; cookies: string }> {
  const keys = (s: Storage) => Array.from({ length: s.length }, (_, i) => s.key(i)!);
  return {
    local: keys(win.localStorage),
    session: keys(win.sessionStorage),
    indexedDB: (await win.indexedDB.databases()).map((d) => d.name ?? ''),
    caches: await win.caches.keys(),
    cookies: win.document.cookie,
  };
}
