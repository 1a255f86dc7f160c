/**
 * Small path and error helpers shared by file discovery and guarded reading.
 * Pure functions: no filesystem access.
 */
import { isAbsolute, relative, sep } from 'node:path';

/** The `code` of a Node.js error (`ENOENT`, `EACCES`, `ERR_ACCESS_DENIED`, ...), else a short fallback. */
export function errorCode(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
  }
  return 'unknown error';
}

/**
 * `to` relative to `from`, `/`-separated, or `undefined` when `to` is not strictly inside `from`
 * (equal paths, paths outside, and paths on another root all give `undefined`).
 */
export function relativeInside(from: string, to: string): string | undefined {
  const rel = relative(from, to);
  if (rel === '' || isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return undefined;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** True when `child` is `parent` itself or lies below it. */
export function isInsideOrEqual(parent: string, child: string): boolean {
  return parent === child || relativeInside(parent, child) !== undefined;
}

/** How a path is shown to users: relative to `cwd` and `/`-separated; `.` for cwd; absolute when outside cwd. */
export function toDisplayPath(cwd: string, abs: string): string {
  if (abs === cwd) return '.';
  return relativeInside(cwd, abs) ?? abs;
}

/** Plain code-unit string order (locale-independent, so output is the same on every machine). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
