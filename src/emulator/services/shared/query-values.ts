// zod pieces for Query-protocol inputs, whose every scalar arrives as a string.
import { z } from 'zod';

export const qString = z.string();
export const qInt = z.string().regex(/^-?\d+$/, 'Member must be an integer').transform(Number);
export const qBool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const qList = <T extends z.ZodType>(item: T) => z.array(item);
