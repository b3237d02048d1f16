import { describe, expect, it } from 'vitest';
import { webContainerUnavailableReason, withTimeout } from './webcontainer-support.ts';

describe('webContainerUnavailableReason', () => {
  it('says why in one sentence', () => {
    expect(webContainerUnavailableReason({ crossOriginIsolated: false, SharedArrayBuffer: ArrayBuffer })).toMatch(/not served with the headers it needs/);
    expect(webContainerUnavailableReason({ crossOriginIsolated: true })).toMatch(/This browser cannot run the Node\.js terminal/);
    expect(webContainerUnavailableReason({ crossOriginIsolated: true, SharedArrayBuffer: ArrayBuffer, navigator: { onLine: false } })).toMatch(/offline/);
    expect(webContainerUnavailableReason({ crossOriginIsolated: true, SharedArrayBuffer: ArrayBuffer, navigator: { onLine: true } })).toBeUndefined();
    const reason = webContainerUnavailableReason({})!;
    expect(reason.split(/\.\s/).length).toBe(1);
  });
  it('times out a boot that hangs', async () => {
    await expect(withTimeout(new Promise(() => undefined), 10, 'too slow')).rejects.toThrow('too slow');
    await expect(withTimeout(Promise.resolve(3), 1000, 'x')).resolves.toBe(3);
  });
});
