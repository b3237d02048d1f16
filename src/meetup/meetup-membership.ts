// The learner's membership of the room on this host, kept in this browser after they join.
import { z } from 'astro/zod';

const KEY = 'ebc:meetup';
const membershipSchema = z.object({ learnerId: z.string(), token: z.string(), name: z.string() });
export type Membership = z.infer<typeof membershipSchema>;

export function meetupMembership(): Membership | undefined {
  try {
    const r = membershipSchema.safeParse(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveMembership(m: Membership): void {
  localStorage.setItem(KEY, JSON.stringify(m));
}

export function leaveMeetup(): void {
  localStorage.removeItem(KEY);
}
