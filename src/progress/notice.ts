import type { Notice } from './progress-store.ts';

// One live region for the whole page, so screen readers hear each notice once.
function region(): HTMLElement {
  let el = document.getElementById('ebc-notices');
  if (!el) {
    el = document.createElement('div');
    el.id = 'ebc-notices';
    el.className = 'ebc-notices';
    el.setAttribute('role', 'status');
    el.setAttribute('aria-live', 'polite');
    document.body.append(el);
  }
  return el;
}

/** Shows a dismissible notice at the bottom of the page. */
export function showNotice(notice: Notice): void {
  const show = () => {
    const item = document.createElement('div');
    item.className = `ebc-notice ebc-notice--${notice.kind}`;
    const text = document.createElement('span');
    text.textContent = notice.message;
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Dismiss';
    close.addEventListener('click', () => item.remove());
    item.append(text, close);
    region().append(item);
  };
  if (document.body) show();
  else document.addEventListener('DOMContentLoaded', show, { once: true });
}
