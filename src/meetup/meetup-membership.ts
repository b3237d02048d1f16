// The learner's membership of the room on this host, kept in this browser after they join.
// Three strings this page wrote itself: checked by hand, so the join page needs no schema library.
const KEY = 'ebc:meetup';
export interface Membership {
  learnerId: string;
  token: string;
  name: string;
}

export function meetupMembership(): Membership | undefined {
  try {
    const m = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<Membership> | null;
    return m && typeof m.learnerId === 'string' && typeof m.token === 'string' && typeof m.name === 'string' ? { learnerId: m.learnerId, token: m.token, name: m.name } : undefined;
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
