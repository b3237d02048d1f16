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

function show(text: string, action?: { label: string; run(): void }) {
  const box = statusBox();
  box.replaceChildren(text);
  box.dataset.state = action ? 'update' : 'offline-ready';
  if (action) {
    const b = Object.assign(document.createElement('button'), { type: 'button', textContent: action.label });
    b.style.cssText = 'margin-left:0.5rem;font:inherit;cursor:pointer';
    b.addEventListener('click', action.run);
    box.append(' ', b);
  }
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
    .catch((e: unknown) => show(`This course could not be saved for offline use: ${e instanceof Error ? e.message : String(e)}`));
}
