/**
 * Permission failures. Tests run as root, where `chmod 000` changes nothing, so `readdir` and
 * `open` from `node:fs/promises` are mocked to fail for chosen paths, the way they fail without
 * permission or under Node's permission model; files are opened with `openSync` and directories
 * listed with `readdirSync` from `node:fs`, mocked the same way.
 */
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { discover } from '../../src/files/discover.js';
import { readGuarded } from '../../src/files/read.js';

const denied = vi.hoisted(() => new Map<string, string>());

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const guard = (path: unknown): void => {
    const code = denied.get(String(path));
    if (code) throw Object.assign(new Error(`${code}: denied, ${String(path)}`), { code });
  };
  return {
    ...real,
    readdir: (async (path: string, options?: unknown) => {
      guard(path);
      return real.readdir(path, options as Parameters<typeof real.readdir>[1]);
    }) as typeof real.readdir,
    readFile: (async (path: string, options?: unknown) => {
      guard(path);
      return real.readFile(path, options as Parameters<typeof real.readFile>[1]);
    }) as typeof real.readFile,
    open: (async (path: string, flags?: string) => {
      guard(path);
      return real.open(path, flags);
    }) as typeof real.open,
  };
});

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const guard = (path: unknown): void => {
    const code = denied.get(String(path));
    if (code) throw Object.assign(new Error(`${code}: denied, ${String(path)}`), { code });
  };
  return {
    ...real,
    openSync: ((path: string, flags: string) => {
      guard(path);
      return real.openSync(path, flags);
    }) as typeof real.openSync,
    readdirSync: ((path: string, options?: unknown) => {
      guard(path);
      return real.readdirSync(path, options as Parameters<typeof real.readdirSync>[1]);
    }) as typeof real.readdirSync,
  };
});

afterEach(() => denied.clear());

function tree(files: string[]): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'okelint-perm-')));
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), '');
  }
  return root;
}

describe('unreadable paths', () => {
  it('reports an unreadable directory and goes on walking', async () => {
    const cwd = tree(['a.yaml', 'locked/x.yaml', 'open/b.yaml', 'open/shut/y.yaml']);
    denied.set(join(cwd, 'locked'), 'EACCES');
    denied.set(join(cwd, 'open/shut'), 'ERR_ACCESS_DENIED');
    const res = await discover(['.'], { cwd, extensions: ['.yaml'] });
    expect(res.files.map((f) => f.displayPath)).toEqual(['a.yaml', 'open/b.yaml']);
    expect(res.notices).toEqual([
      { file: 'locked', message: 'cannot read directory: locked (EACCES)' },
      { file: 'open/shut', message: 'cannot read directory: open/shut (ERR_ACCESS_DENIED)' },
    ]);
    expect(res.errors).toEqual([]);
  });

  it('reports an unreadable ignore file found in the tree', async () => {
    const cwd = tree(['a.yaml', 'sub/.okelintignore', 'sub/b.yaml']);
    denied.set(join(cwd, 'sub/.okelintignore'), 'EPERM');
    const res = await discover(['.'], { cwd, extensions: ['.yaml'] });
    expect(res.files.map((f) => f.displayPath)).toEqual(['a.yaml', 'sub/b.yaml']);
    expect(res.notices).toEqual([{ file: 'sub/.okelintignore', message: 'cannot read ignore file: sub/.okelintignore (EPERM)' }]);
  });

  it('reports an unreadable file without throwing', async () => {
    const cwd = tree(['secret.yaml']);
    const path = join(cwd, 'secret.yaml');
    denied.set(path, 'EACCES');
    expect(await readGuarded(path, { maxBytes: 1024 })).toEqual({ ok: false, reason: 'cannot read file (EACCES)' });
    denied.set(path, 'ERR_ACCESS_DENIED');
    expect(await readGuarded(path, { maxBytes: 1024 })).toEqual({ ok: false, reason: 'cannot read file (ERR_ACCESS_DENIED)' });
  });
});
