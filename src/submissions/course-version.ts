// The course version stamped into submissions: the git commit the site or CLI was built from.
// COURSE_COMMIT wins (CI, a build from a tarball); without git it is "unknown", never a guess.
import { execFileSync } from 'node:child_process';

export function courseCommit(cwd = process.cwd()): string {
  const fromEnv = process.env.COURSE_COMMIT?.trim().toLowerCase();
  if (fromEnv && /^[0-9a-f]{7,40}$/.test(fromEnv)) return fromEnv;
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return /^[0-9a-f]{40}$/.test(out) ? out : 'unknown';
  } catch {
    return 'unknown';
  }
}
