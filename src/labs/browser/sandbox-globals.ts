// Learner handlers run in a dedicated worker, which already has no DOM, no localStorage/sessionStorage and
// no access to the page's variables. Before any learner code runs we also remove what a worker still has
// that could reach the network, storage or the page: each name below is deleted from the worker's global
// object and from its prototypes, then pinned to `undefined`. Our own code keeps private references to
// what it needs (postMessage, URL.createObjectURL) captured before this runs.
export const BLOCKED_GLOBALS = [
  'fetch', 'XMLHttpRequest', 'WebSocket', 'WebTransport', 'EventSource', 'importScripts', 'indexedDB', 'caches',
  'cookieStore', 'BroadcastChannel', 'Worker', 'SharedWorker', 'navigator', 'postMessage', 'onmessage', 'close',
  'localStorage', 'sessionStorage', 'FileSystemHandle', 'storage', 'requestFileSystem', 'webkitRequestFileSystem',
] as const;

export function sandboxGlobals(scope: object = globalThis): string[] {
  const removed: string[] = [];
  for (const name of BLOCKED_GLOBALS) {
    let proto: object | null = scope;
    let found = false;
    while (proto) {
      if (Object.prototype.hasOwnProperty.call(proto, name)) {
        found = true;
        try {
          delete (proto as Record<string, unknown>)[name];
        } catch {
          // non-configurable: the defineProperty below still hides it on the scope itself
        }
      }
      proto = Object.getPrototypeOf(proto) as object | null;
    }
    try {
      Object.defineProperty(scope, name, { value: undefined, writable: false, configurable: false });
    } catch {
      // already pinned
    }
    if (found) removed.push(name);
  }
  return removed;
}
