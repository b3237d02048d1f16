// zod pieces for Query-protocol inputs, whose every scalar arrives as a string.
import { z } from 'zod';

export const qInt = z.string().regex(/^-?\d+$/, 'Member must be an integer').transform(Number);
export const qBool = z.enum(['true', 'false']).transform((v) => v === 'true');
/** A list; the Query protocol sends an empty one as `Name=` (botocore does). */
export const qList = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === '' ? [] : v), z.array(item));
