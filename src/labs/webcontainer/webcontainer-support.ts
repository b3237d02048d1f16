// Says, in one sentence, why a WebContainer cannot start here, or nothing when it may. Checked before the
// (large) package is ever imported.

export interface SupportEnv {
  crossOriginIsolated?: boolean;
  SharedArrayBuffer?: unknown;
  navigator?: { onLine?: boolean };
}

export function webContainerUnavailableReason(env: SupportEnv = globalThis as SupportEnv): string | undefined {
  if (typeof env.SharedArrayBuffer === 'undefined' && env.crossOriginIsolated) {
    return 'This browser cannot run the Node.js terminal, but Run and Check keep working in this page.';
  }
  if (!env.crossOriginIsolated) {
    return 'The Node.js terminal cannot start here because the site is not served with the headers it needs, but Run and Check keep working in this page.';
  }
  if (env.navigator?.onLine === false) {
    return 'The Node.js terminal is downloaded from StackBlitz when it starts and you are offline, but Run and Check keep working in this page.';
  }
  return undefined;
}

/** Rejects with a one-sentence reason when `promise` takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, reason: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(reason)), ms);
    promise.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(t);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
