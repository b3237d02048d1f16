// A function's zip unpacked on disk, where a worker can import it: `<root>/<name>-<sha>/code/` holds the
// code (LAMBDA_TASK_ROOT) and `<root>/<name>-<sha>/node_modules` links to the project's node_modules, so
// `@aws-sdk/*` v3 resolves as it does in the Lambda Node.js runtime.
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { ServiceError } from '../../service-error.ts';

/** Lambda's limit on a function's unzipped size. */
export const MAX_UNZIPPED_BYTES = 250 * 1024 * 1024;
const PROJECT_NODE_MODULES = fileURLToPath(new URL('../../../../node_modules', import.meta.url));

/** Unzips and checks a deployment package; a bad archive is the caller's InvalidParameterValueException. */
export function readZip(zip: Uint8Array): Record<string, Uint8Array> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip);
  } catch (e) {
    throw new ServiceError('InvalidParameterValueException', `Could not unzip uploaded file. Please check your file, then try to upload again. (${(e as Error).message})`);
  }
  let total = 0;
  for (const [path, data] of Object.entries(files)) {
    // Learner code is untrusted: no entry may leave the code directory.
    if (isAbsolute(path) || normalize(path).split(/[\\/]/).includes('..')) {
      throw new ServiceError('InvalidParameterValueException', `The zip file contains an entry outside the package: ${path}`);
    }
    total += data.byteLength;
  }
  if (total > MAX_UNZIPPED_BYTES) {
    throw new ServiceError('InvalidParameterValueException', `Unzipped size must be smaller than ${MAX_UNZIPPED_BYTES} bytes`);
  }
  return files;
}

/** Writes the package under `root` once per code hash; answers the code directory. */
export function unpack(root: string, name: string, sha: string, zip: Uint8Array): string {
  const base = join(root, `${name}-${Buffer.from(sha, 'base64').toString('hex').slice(0, 16)}`);
  const code = join(base, 'code');
  if (existsSync(code)) return code;
  for (const [path, data] of Object.entries(readZip(zip))) {
    if (path.endsWith('/')) continue;
    const file = join(code, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
  mkdirSync(code, { recursive: true });
  if (!existsSync(join(base, 'node_modules'))) symlinkSync(PROJECT_NODE_MODULES, join(base, 'node_modules'), 'dir');
  return code;
}
