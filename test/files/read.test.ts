import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_FILE_BYTES, decodeGuarded, firstInvalidUtf8, formatBytes, readGuarded, readStdin,
} from '../../src/files/read.js';

const dir = mkdtempSync(join(tmpdir(), 'okelint-read-'));
const KIB = { maxBytes: 1024 };

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readGuarded', () => {
  it('reads UTF-8 text, and an empty file', async () => {
    expect(await readGuarded(file('ok.yaml', 'kind: Pod\nname: café ✓\n'), KIB)).toEqual({ ok: true, text: 'kind: Pod\nname: café ✓\n' });
    expect(await readGuarded(file('empty.yaml', ''), KIB)).toEqual({ ok: true, text: '' });
  });

  it('strips a leading UTF-8 BOM (only one)', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(await readGuarded(file('bom.yaml', Buffer.concat([bom, Buffer.from('a: 1\n')])), KIB)).toEqual({ ok: true, text: 'a: 1\n' });
    expect(await readGuarded(file('bom2.yaml', Buffer.concat([bom, bom, Buffer.from('a')])), KIB)).toEqual({ ok: true, text: '\uFEFFa' });
  });

  it('skips a file over the size limit, naming size and limit', async () => {
    expect(await readGuarded(file('limit.yaml', 'x'.repeat(1024)), KIB)).toEqual({ ok: true, text: 'x'.repeat(1024) });
    expect(await readGuarded(file('over.yaml', 'x'.repeat(1025)), KIB)).toEqual({
      ok: false, reason: 'skipped: 1025 bytes is over the 1024-byte size limit (set maxFileSize to raise it)',
    });
    expect(await readGuarded(file('big.yaml', 'x'.repeat(3 * 1024 + 512)), KIB)).toEqual({
      ok: false, reason: 'skipped: 3.5 KiB is over the 1 KiB size limit (set maxFileSize to raise it)',
    });
  });

  it('skips binary files (a NUL byte in the first 8 KiB only)', async () => {
    expect(await readGuarded(file('bin.yaml', Buffer.from([0x61, 0x00, 0x62])), KIB)).toEqual({ ok: false, reason: 'skipped: binary file' });
    const lateNul = Buffer.concat([Buffer.from('a'.repeat(8192)), Buffer.from([0])]);
    expect(await readGuarded(file('late-nul.yaml', lateNul), { maxBytes: 100_000 })).toEqual({ ok: true, text: `${'a'.repeat(8192)}\0` });
  });

  it('skips invalid UTF-8 and names the offset of the first bad byte', async () => {
    const bad = Buffer.concat([Buffer.from('abc: é\n'), Buffer.from([0xc3, 0x28])]);
    expect(await readGuarded(file('bad.yaml', bad), KIB)).toEqual({ ok: false, reason: 'skipped: not valid UTF-8 text (invalid byte at offset 8)' });
    // the offset counts the BOM
    const bomBad = Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xff]);
    expect(await readGuarded(file('bombad.yaml', bomBad), KIB)).toEqual({ ok: false, reason: 'skipped: not valid UTF-8 text (invalid byte at offset 4)' });
  });

  it('skips UTF-16 text with a clear reason', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1', 'utf16le')]);
    expect(await readGuarded(file('u16.yaml', utf16), KIB)).toEqual({ ok: false, reason: 'skipped: UTF-16 text is not supported (convert it to UTF-8)' });
  });

  it('reports missing paths and directories without throwing', async () => {
    expect(await readGuarded(join(dir, 'nope.yaml'), KIB)).toEqual({ ok: false, reason: 'cannot read file (ENOENT)' });
    expect(await readGuarded(dir, KIB)).toEqual({ ok: false, reason: 'cannot read file (EISDIR)' });
  });

  it.runIf(process.platform === 'linux')('bounds reading from an endless device', async () => {
    expect(await readGuarded('/dev/zero', KIB)).toEqual({ ok: false, reason: 'skipped: input is over the 1 KiB size limit (set maxFileSize to raise it)' });
  });
});

describe('readStdin', () => {
  it('reads a stream in chunks, also split inside a character', async () => {
    const bytes = Buffer.from('\uFEFFname: café\n');
    const chunks = [bytes.subarray(0, 2), bytes.subarray(2, 11), bytes.subarray(11)];
    expect(await readStdin(Readable.from(chunks), KIB)).toEqual({ ok: true, text: 'name: café\n' });
  });

  it('stops reading at the limit', async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(512, 0x61));
      },
    });
    expect(await readStdin(endless, KIB)).toEqual({ ok: false, reason: 'skipped: input is over the 1 KiB size limit (set maxFileSize to raise it)' });
    const after = pulled;
    await new Promise((r) => setTimeout(r, 20));
    expect(pulled).toBeLessThanOrEqual(after + 1);
    endless.destroy();
  });

  it('applies the content guards and reports stream errors', async () => {
    expect(await readStdin(Readable.from([Buffer.from([1, 0, 2])]), KIB)).toEqual({ ok: false, reason: 'skipped: binary file' });
    const failing = new Readable({
      read() {
        this.destroy(Object.assign(new Error('boom'), { code: 'EIO' }));
      },
    });
    expect(await readStdin(failing, KIB)).toEqual({ ok: false, reason: 'cannot read standard input (EIO)' });
  });
});

describe('decodeGuarded and helpers', () => {
  it('checks the size of bytes in memory', () => {
    expect(decodeGuarded(new Uint8Array(2048), KIB)).toEqual({ ok: false, reason: 'skipped: 2 KiB is over the 1 KiB size limit (set maxFileSize to raise it)' });
  });

  it('finds the first invalid UTF-8 sequence like TextDecoder does', () => {
    const cases: [number[], number][] = [
      [[0x61, 0x62], -1],
      [[0xe2, 0x82, 0xac], -1], // €
      [[0xf0, 0x9f, 0x98, 0x80], -1], // emoji
      [[0x61, 0x80], 1], // stray continuation
      [[0xc0, 0xaf], 0], // overlong
      [[0xe0, 0x80, 0x80], 0], // overlong
      [[0xed, 0xa0, 0x80], 0], // surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
      [[0x61, 0xe2, 0x82], 1], // truncated at the end
      [[0xf5], 0],
    ];
    for (const [bytes, at] of cases) {
      const arr = Uint8Array.from(bytes);
      expect(firstInvalidUtf8(arr), bytes.join(',')).toBe(at);
      const decoderAccepts = (() => {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(arr);
          return true;
        } catch {
          return false;
        }
      })();
      expect(decoderAccepts).toBe(at === -1);
    }
  });

  it('formats sizes in binary units', () => {
    expect([0, 1, 1023, 1024, 1536, DEFAULT_MAX_FILE_BYTES, 54_945_382, 3 * 1024 ** 3].map(formatBytes)).toEqual([
      '0 bytes', '1 byte', '1023 bytes', '1 KiB', '1.5 KiB', '10 MiB', '52.4 MiB', '3 GiB',
    ]);
  });
});
