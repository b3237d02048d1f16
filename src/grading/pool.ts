// Runs tasks with at most `limit` in flight; every task settles, so one failure never stops the rest.
export async function runPool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>, onSettled?: (done: number, total: number) => void): Promise<PromiseSettledResult<R>[]> {
  const out: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        out[i] = { status: 'fulfilled', value: await task(items[i] as T, i) };
      } catch (reason) {
        out[i] = { status: 'rejected', reason };
      }
      onSettled?.(++done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
