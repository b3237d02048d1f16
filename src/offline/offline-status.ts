// On every page: registers the service worker (Workbox's window helper), adds the web app manifest link,
// and shows a small status: "Available offline" once the course is cached, and a prompt when a new
// version of the course is waiting.
import { Workbox } from 'workbox-window';
import { MANIFEST_FILE, SW_FILE } from './service-worker-config.ts';

const base = import.meta.env.BASE_URL.replace(/\/$/, '');

function statusBox(): HTMLElement {
  let box = document.querySelector<HTMLElement>('.ebc-offline');
  if (box) return box;
  box = document.createElement('div');
  box.className = 'ebc-offline';
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  box.style.cssText = 'position:fixed;left:0.75rem;bottom:0.75rem;z-index:50;font:0.8rem/1.3 system-ui,sans-serif;background:#17181c;color:#f4f4f4;border:1px solid #5c5f66;border-radius:0.3rem;padding:0.3rem 0.6rem;max-width:22rem';
  document.body.append(box);
  return box;
}

// Information hides itself after a while and can be dismissed: on a phone the box sits over the text.
const INFO_MS = 10_000;
let hideTimer: ReturnType<typeof setTimeout> | undefined;

function show(text: string, action?: { label: string; run(): void }, state = action ? 'update' : 'offline-ready') {
  const box = statusBox();
  box.hidden = false;
  box.replaceChildren(text);
  box.dataset.state = state;
  const button = (label: string, run: () => void) => {
    const b = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
    b.style.cssText = 'margin-left:0.5rem;font:inherit;cursor:pointer';
    b.addEventListener('click', run);
    box.append(' ', b);
  };
  if (action) button(action.label, action.run);
  button('Dismiss', () => (box.hidden = true));
  clearTimeout(hideTimer);
  // An update prompt stays until the learner acts on it.
  if (!action) hideTimer = setTimeout(() => (box.hidden = true), INFO_MS);
}

// Both files are written by the build: the dev server has neither.
if (import.meta.env.PROD && !document.querySelector('link[rel="manifest"]')) {
  document.head.append(Object.assign(document.createElement('link'), { rel: 'manifest', href: `${base}/${MANIFEST_FILE}` }));
}

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  const wb = new Workbox(`${base}/${SW_FILE}`, { scope: `${base}/` });
  wb.addEventListener('activated', (e) => {
    if (!e.isUpdate) show('Available offline: the whole course is saved in this browser.');
  });
  wb.addEventListener('waiting', () => {
    show('A new version of the course is ready.', {
      label: 'Reload to update',
      run: () => {
        wb.addEventListener('controlling', () => location.reload());
        wb.messageSkipWaiting();
      },
    });
  });
  void wb
    .register()
    .then(async (reg) => {
      // Already installed on an earlier visit: say so at once.
      if (reg?.active && !reg.waiting && navigator.serviceWorker.controller) show('Available offline.');
    })
    .catch((e: unknown) => {
      // The reason is for developers (private windows and blocked storage refuse service workers); the learner
      // only needs to know the course will need the network.
      console.warn('The service worker could not be registered:', e);
      show('Offline use is not available in this browser, so the course needs the network.', undefined, 'unavailable');
    });
}
