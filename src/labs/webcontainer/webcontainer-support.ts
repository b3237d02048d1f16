// Says, in one sentence, why a WebContainer cannot start here, or nothing when it may. Checked before the
// (large) package is ever imported.

export interface SupportEnv {
  crossOriginIsolated?: boolean;
  SharedArrayBuffer?: unknown;
  navigator?: { onLine?: boolean };
}

export function webContainerUnavailableReason(env: SupportEnv = globalThis as SupportEnv): string | undefined {
  if (typeof env.SharedArrayBuffer === 'undefined' && env.crossOriginIsolated) {
    return 'The Node.js terminal needs SharedArrayBuffer, which this browser does not offer, so Run and Check use the in-page runner.';
  }
  if (!env.crossOriginIsolated) {
    return 'The Node.js terminal cannot start because this page is not cross-origin isolated (it needs the COOP and COEP headers), so Run and Check use the in-page runner.';
  }
  if (env.navigator?.onLine === false) {
    return 'The Node.js terminal needs to reach StackBlitz to start and you are offline, so Run and Check use the in-page runner.';
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
