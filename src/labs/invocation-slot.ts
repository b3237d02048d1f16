// The invocation a lab function's SDK client is talking for. A lab runs one invocation at a time (the
// scenario serializes them, like a function with a reserved concurrency of one), so in one realm the
// running invocation is the one whose wire a request goes to. A request made when none is running (a
// promise the handler left behind) is refused, as a frozen Lambda environment would not send it either.
import type { Wire, WireRequest, WireResponse } from './lab-wire.ts';

export interface Slotted {
  wire: Wire;
}

export const NOT_RUNNING = 'The lab bus answers only while a handler is running: await every client.send(...) before your handler returns.';

export class InvocationSlot {
  private current: Slotted | undefined;

  async run<T>(inv: Slotted, fn: () => Promise<T>): Promise<T> {
    this.current = inv;
    try {
      return await fn();
    } finally {
      // A handler stopped by its timeout finishes later: it must not clear the next invocation's slot.
      if (this.current === inv) this.current = undefined;
    }
  }

  readonly wire = (req: WireRequest): Promise<WireResponse> => {
    const inv = this.current;
    if (!inv) return Promise.reject(new Error(NOT_RUNNING));
    return inv.wire(req);
  };
}
