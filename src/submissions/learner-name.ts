// The name a learner typed last (for submissions and the meetup), so they type it once per browser.
const KEY = 'ebc:learner-name';

export function learnerName(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberLearnerName(name: string): void {
  try {
    localStorage.setItem(KEY, name.trim());
  } catch {
    // typed again next time
  }
}
