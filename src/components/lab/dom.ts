// Small DOM helpers of the lab page's parts.
import type { WorkStorage } from '../../labs/lab-work-store.ts';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** The browser's storage, or undefined where it is switched off or throws (private modes, policies). */
export function storage(kind: 'localStorage' | 'sessionStorage' = 'localStorage'): WorkStorage | undefined {
  try {
    const s = window[kind];
    s.getItem('ebc:probe');
    return s;
  } catch {
    return undefined;
  }
}
