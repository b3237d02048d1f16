// A folder export as one ZIP download, with fflate (a maintained zip library); bytes only, browser and Node alike.
import { strToU8, zipSync } from 'fflate';

export function zipFiles(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])), { level: 6 });
}
