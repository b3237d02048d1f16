// Causal chains for "Lambda pinball" detection: an event put from inside a handler inherits the chain
// of the delivery that caused it; past the hop limit the event is stopped instead of delivered.

export interface CauseHop {
  /** Id of the event that was being handled. */
  eventId: string;
  detailType: string;
  rule: string;
  /** What handled it: "fn NAME", "bus NAME", ... */
  handler: string;
}

export type CausalChain = readonly CauseHop[];

export const DEFAULT_MAX_HOPS = 10;

export function extendChain(chain: CausalChain, hop: CauseHop): CausalChain {
  return [...chain, hop];
}

/** True when delivering an event that carries `chain` would go past `maxHops` causal hops. */
export function exceedsHopLimit(chain: CausalChain, maxHops: number): boolean {
  return chain.length >= maxHops;
}

/** "OrderPlaced -> rule A -> fn X -> OrderPlaced -> rule A -> fn X -> OrderPlaced" */
export function describeChain(chain: CausalChain, finalDetailType: string): string {
  const parts: string[] = [];
  for (const hop of chain) parts.push(hop.detailType, `rule ${hop.rule}`, hop.handler);
  parts.push(finalDetailType);
  return parts.join(' -> ');
}

/** The shortest repeating cycle at the end of the chain, if the chain is looping (for a clearer warning). */
export function repeatingCycle(chain: CausalChain): CauseHop[] | undefined {
  const key = (h: CauseHop): string => `${h.detailType}|${h.rule}|${h.handler}`; // ids differ on every lap
  for (let len = 1; len * 2 <= chain.length; len++) {
    const tail = chain.slice(-len).map(key).join('>');
    const before = chain.slice(-2 * len, -len).map(key).join('>');
    if (tail === before) return chain.slice(-len);
  }
  return undefined;
}
