// A learner's file path must stay inside the session folder: relative, forward slashes, no `..`.
export function safeRelativePath(path: string): string {
  const parts = path.split('/');
  if (!path || path.startsWith('/') || path.includes('\\') || path.includes('\0') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new Error(`The file name "${path}" is not allowed: use a relative path inside the lab folder.`);
  }
  return path;
}
