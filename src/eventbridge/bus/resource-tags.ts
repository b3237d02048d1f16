// Tags on EventBridge resources (buses, rules, archives...), keyed by ARN, as TagResource stores them.
import { notFound, validationError } from './errors.ts';

export interface Tag {
  Key: string;
  Value: string;
}

/** AWS allows 50 tags a resource. */
export const MAX_TAGS = 50;

export class TagStore {
  private readonly tags = new Map<string, Map<string, string>>();

  /** Adds or overwrites tags; `exists` says whether the ARN names a resource this service holds. */
  tag(arn: string, tags: readonly Tag[], exists: boolean): void {
    if (!exists) throw notFound(`Resource ${arn} does not exist.`);
    const held = this.tags.get(arn) ?? new Map<string, string>();
    for (const t of tags) held.set(t.Key, t.Value);
    if (held.size > MAX_TAGS) throw validationError(`A resource can have at most ${MAX_TAGS} tags.`);
    this.tags.set(arn, held);
  }

  untag(arn: string, keys: readonly string[], exists: boolean): void {
    if (!exists) throw notFound(`Resource ${arn} does not exist.`);
    const held = this.tags.get(arn);
    for (const k of keys) held?.delete(k);
  }

  list(arn: string, exists: boolean): Tag[] {
    if (!exists) throw notFound(`Resource ${arn} does not exist.`);
    return [...(this.tags.get(arn) ?? new Map<string, string>())].map(([Key, Value]) => ({ Key, Value }));
  }

  /** Forgets a deleted resource's tags. */
  drop(arn: string): void {
    this.tags.delete(arn);
  }
}
