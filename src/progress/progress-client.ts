import { ProgressStore, type KeyValueStorage, type Notice } from './progress-store.ts';
import { MemoryStorage } from './memory-storage.ts';
import { PROGRESS_KEY } from './progress-shape.ts';
import { showNotice } from './notice.ts';

export const PROGRESS_EVENT = 'ebc:progress-changed';

let store: ProgressStore | undefined;

// Some browsers throw on merely touching localStorage (blocked cookies, some private modes).
function browserStorage(): { storage: KeyValueStorage; blocked: boolean } {
  try {
    const s = window.localStorage;
    s.getItem(PROGRESS_KEY);
    return { storage: s, blocked: false };
  } catch {
    return { storage: new MemoryStorage(), blocked: true };
  }
}

/** The page's one progress store; every component shares it and listens for PROGRESS_EVENT. */
export function progressStore(): ProgressStore {
  if (store) return store;
  const { storage, blocked } = browserStorage();
  const announce = () => window.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
  store = new ProgressStore(storage, { onChange: announce, onNotice: (n: Notice) => showNotice(n) });
  if (blocked) showNotice({ kind: 'error', message: 'This browser blocks local storage, so your progress will be lost when you leave the page.' });
  // Another tab changed progress: pick it up so every open page agrees.
  window.addEventListener('storage', (e) => {
    if (e.key === PROGRESS_KEY) store?.reload();
  });
  return store;
}

/** The slug a page's progress is recorded under: its path without the leading and trailing slash. */
export function slugOfPath(pathname: string): string {
  return decodeURIComponent(pathname).replace(/^\/+|\/+$/g, '');
}

/** Whether the learner has finished what a link points to: a passed lab (`/labs/<id>/`) or a completed lesson. */
export function isLinkDone(link: HTMLAnchorElement): boolean {
  const slug = slugOfPath(new URL(link.href).pathname);
  const lab = /^labs\/([^/]+)$/.exec(slug)?.[1];
  return lab ? progressStore().isLabPassed(lab) : progressStore().isLessonComplete(slug);
}
