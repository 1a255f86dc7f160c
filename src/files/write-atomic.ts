import { randomBytes } from 'node:crypto';
import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes `text` to a temporary file beside `path`, then renames it over `path`. Throws with the
 * errno code. `mode` sets the new file's permission bits (e.g. those of the file it replaces).
 */
export function writeAtomic(path: string, text: string, opts: { readonly mode?: number } = {}): void {
  const tmp = join(dirname(path), `.${randomBytes(6).toString('hex')}.okelint.tmp`);
  try {
    writeFileSync(tmp, text, opts.mode === undefined ? undefined : { mode: opts.mode });
    if (opts.mode !== undefined) chmodSync(tmp, opts.mode);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new Error(`cannot write ${path} (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { cause: e });
  }
}
