// The record of events already handled, as this lab stands it in. Read-only.
// In AWS this is a DynamoDB table that every environment of the function shares: claim() is a PutItem with
// ConditionExpression "attribute_not_exists(pk)", and release() a DeleteItem. Here it lives in the lab's memory.

const claimed = new Set<string>();

/** Records `key` as taken. True if it was free; false if it was claimed before (the conditional write failed). */
export async function claim(key: string): Promise<boolean> {
  if (claimed.has(key)) return false;
  claimed.add(key);
  return true;
}

/** Frees `key` again, so that a later attempt can claim it. */
export async function release(key: string): Promise<void> {
  claimed.delete(key);
}
