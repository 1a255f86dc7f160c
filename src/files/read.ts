/**
 * Guarded reading of input files and standard input: a size limit checked before reading (and
 * enforced while reading, for pipes and growing files), binary detection, strict UTF-8 decoding
 * and BOM stripping. Never throws for I/O problems: every failure is a one-line reason that the
 * caller prefixes with the file's path and prints as a warning.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { errorCode } from './paths.js';

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** How many leading bytes are searched for a NUL to detect binary files. */
export const BINARY_SNIFF_BYTES = 8 * 1024;

const CHUNK_BYTES = 64 * 1024;

export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

export interface ReadOptions {
  /** Largest accepted input in bytes. */
  readonly maxBytes: number;
}

/** Reads a file as UTF-8 text under the guards. Pipes and devices (e.g. `<(helm template ...)`) are read up to the limit. */
export async function readGuarded(absPath: string, opts: ReadOptions): Promise<ReadResult> {
  return Promise.resolve(readGuardedSync(absPath, opts));
}

/**
 * The same, synchronously. Files are linted one at a time, and a thread-pool round trip per
 * open/stat/read/close cost more than the reads themselves (a third of a run over 2,000 small
 * files). A pipe blocks until its writer finishes, as a read of it must anyway.
 */
export function readGuardedSync(absPath: string, opts: ReadOptions): ReadResult {
  let fd: number;
  try {
    fd = openSync(absPath, 'r');
  } catch (err) {
    return unreadable(err);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, reason: 'cannot read file (EISDIR)' };
    if (st.isFile() && st.size > opts.maxBytes) return tooLarge(st.size, opts.maxBytes);
    const sizeHint = st.isFile() ? st.size : 0;
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(Math.max(sizeHint - total, CHUNK_BYTES), opts.maxBytes + 1 - total);
      const buffer = Buffer.allocUnsafe(want);
      const bytesRead = readSync(fd, buffer, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > opts.maxBytes) return overLimit(opts.maxBytes);
    }
    return decodeGuarded(Buffer.concat(chunks, total), opts);
  } catch (err) {
    return unreadable(err);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // The file was read or its problem reported; a failed close changes neither.
    }
  }
}

/**
 * Reads a whole stream (standard input) under the guards. Stops reading, and pauses the stream,
 * as soon as it exceeds the limit.
 */
export function readStdin(stream: NodeJS.ReadableStream, opts: ReadOptions): Promise<ReadResult> {
  return new Promise((resolvePromise) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    const finish = (result: ReadResult): void => {
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
      resolvePromise(result);
    };
    const onData = (chunk: Uint8Array | string): void => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      total += bytes.length;
      if (total <= opts.maxBytes) {
        chunks.push(bytes);
        return;
      }
      stream.pause();
      stream.on('error', ignoreError);
      finish(overLimit(opts.maxBytes));
    };
    const onEnd = (): void => finish(decodeGuarded(Buffer.concat(chunks, total), opts));
    const onError = (err: unknown): void => finish({ ok: false, reason: `cannot read standard input (${errorCode(err)})` });
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    stream.resume();
  });
}

function ignoreError(): void {
  // The stream is abandoned after the size limit; later errors do not matter.
}

/** Applies the content guards to bytes already in memory (shared by files and stdin). */
export function decodeGuarded(bytes: Uint8Array, opts: ReadOptions): ReadResult {
  if (bytes.length > opts.maxBytes) return tooLarge(bytes.length, opts.maxBytes);
  if (hasUtf16Bom(bytes)) return { ok: false, reason: 'skipped: UTF-16 text is not supported (convert it to UTF-8)' };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { ok: false, reason: 'skipped: binary file' };
  const start = hasUtf8Bom(bytes) ? 3 : 0;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start)) };
  } catch {
    const at = firstInvalidUtf8(bytes, start);
    const where = at < 0 ? '' : ` (invalid byte at offset ${at})`;
    return { ok: false, reason: `skipped: not valid UTF-8 text${where}` };
  }
}

function hasUtf8Bom(b: Uint8Array): boolean {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

function hasUtf16Bom(b: Uint8Array): boolean {
  return (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (WHATWG rules), or -1. */
export function firstInvalidUtf8(b: Uint8Array, from = 0): number {
  let i = from;
  while (i < b.length) {
    const lead = b[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const [extra, lo, hi] = sequenceShape(lead);
    if (extra === 0) return i;
    for (let k = 1; k <= extra; k++) {
      const next = b[i + k];
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (next === undefined || next < min || next > max) return i;
    }
    i += extra + 1;
  }
  return -1;
}

/** Continuation byte count and the allowed range of the first continuation byte for a lead byte (0 = invalid lead). */
function sequenceShape(lead: number): [number, number, number] {
  if (lead >= 0xc2 && lead <= 0xdf) return [1, 0x80, 0xbf];
  if (lead === 0xe0) return [2, 0xa0, 0xbf];
  if (lead === 0xed) return [2, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [2, 0x80, 0xbf];
  if (lead === 0xf0) return [3, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [3, 0x80, 0xbf];
  if (lead === 0xf4) return [3, 0x80, 0x8f];
  return [0, 0, 0];
}

function unreadable(err: unknown): ReadResult {
  return { ok: false, reason: `cannot read file (${errorCode(err)})` };
}

function tooLarge(size: number, limit: number): ReadResult {
  let sizeText = formatBytes(size);
  let limitText = formatBytes(limit);
  if (sizeText === limitText) {
    sizeText = `${size} bytes`;
    limitText = `${limit}-byte`;
  }
  return { ok: false, reason: `skipped: ${sizeText} is over the ${limitText} size limit (set maxFileSize to raise it)` };
}

function overLimit(limit: number): ReadResult {
  return { ok: false, reason: `skipped: input is over the ${formatBytes(limit)} size limit (set maxFileSize to raise it)` };
}

/** `512 bytes`, `1.5 KiB`, `52.4 MiB`, `10 MiB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return n === 1 ? '1 byte' : `${n} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'] as const;
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1).replace(/\.0$/, '')} ${units[unit] ?? 'TiB'}`;
}
