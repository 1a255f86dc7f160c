import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes `text` to a temporary file beside `path`, then renames it over `path`. Throws with the errno code. */
export function writeAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${randomBytes(6).toString('hex')}.okelint.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new Error(`cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { cause: e });
  }
}
