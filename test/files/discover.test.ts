import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover, patternNamesExtension, type DiscoverOptions } from '../../src/files/discover.js';

const EXTS = ['.yaml', '.yml', '.json'];

/** Tree spec: path → file text, `null` for an empty directory, `{ link }` for a symlink. */
type Spec = Record<string, string | null | { link: string }>;

function tree(spec: Spec, parent?: string): string {
  const root = parent ?? realpathSync(mkdtempSync(join(tmpdir(), 'okelint-discover-')));
  for (const [path, value] of Object.entries(spec)) {
    const abs = join(root, path);
    if (value === null) {
      mkdirSync(abs, { recursive: true });
      continue;
    }
    mkdirSync(dirname(abs), { recursive: true });
    if (typeof value === 'string') writeFileSync(abs, value);
    else symlinkSync(value.link, abs);
  }
  return root;
}

async function run(cwd: string, inputs: string[], extra: Partial<DiscoverOptions> = {}) {
  const res = await discover(inputs, { cwd, extensions: EXTS, ...extra });
  return { ...res, paths: res.files.map((f) => f.displayPath) };
}

describe('discover: directories and extensions', () => {
  it('walks recursively, matches extensions case-insensitively, skips .git and node_modules', async () => {
    const cwd = tree({
      'a.yaml': '', 'b.YML': '', 'c.json': '', 'd.txt': '', 'Makefile': '', 'sub/e.yaml': '', 'sub/deep/f.Json': '',
      '.hidden/g.yaml': '', 'node_modules/pkg/x.yaml': '', '.git/config.yaml': '', 'sub/node_modules/y.yaml': '',
    });
    const res = await run(cwd, ['.']);
    expect(res.paths).toEqual(['.hidden/g.yaml', 'a.yaml', 'b.YML', 'c.json', 'sub/deep/f.Json', 'sub/e.yaml']);
    expect(res.files.every((f) => !f.explicit && f.absPath === join(cwd, f.displayPath))).toBe(true);
    expect(res.notices).toEqual([]);
    expect(res.errors).toEqual([]);
  });

  it('takes an explicitly named file whatever its extension', async () => {
    const cwd = tree({ 'notes.txt': 'x', 'sub/values.tpl': 'y' });
    const res = await run(cwd, ['notes.txt', 'sub/values.tpl']);
    expect(res.files).toEqual([
      { absPath: join(cwd, 'notes.txt'), displayPath: 'notes.txt', explicit: true },
      { absPath: join(cwd, 'sub/values.tpl'), displayPath: 'sub/values.tpl', explicit: true },
    ]);
  });

  it('names a directory below cwd relative to cwd, and one outside cwd absolutely', async () => {
    const other = tree({ 'o.yaml': '' });
    const cwd = tree({ 'k8s/a.yaml': '' });
    const res = await run(cwd, ['k8s', other]);
    expect(res.paths).toEqual([join(other, 'o.yaml'), 'k8s/a.yaml']);
  });

  it('de-duplicates overlapping inputs and prefers the explicit entry', async () => {
    const cwd = tree({ 'a.yaml': '', 'sub/b.yaml': '' });
    const res = await run(cwd, ['sub', '.', 'a.yaml', './a.yaml']);
    expect(res.files).toEqual([
      { absPath: join(cwd, 'a.yaml'), displayPath: 'a.yaml', explicit: true },
      { absPath: join(cwd, 'sub/b.yaml'), displayPath: 'sub/b.yaml', explicit: false },
    ]);
  });

  it('reports a path that does not exist as an error', async () => {
    const cwd = tree({ 'a.yaml': '' });
    const res = await run(cwd, ['missing.yaml', 'a.yaml', 'nope/dir']);
    expect(res.errors).toEqual([
      { file: 'missing.yaml', message: 'no such file or directory: missing.yaml' },
      { file: 'nope/dir', message: 'no such file or directory: nope/dir' },
    ]);
    expect(res.paths).toEqual(['a.yaml']);
  });

  it('survives names the ignore package rejects (a directory called "...")', async () => {
    const cwd = tree({ '.git/HEAD': '', '.okelintignore': 'x.yaml\n', '.../a.yaml': '', '.../x.yaml': '' });
    expect((await run(cwd, ['.'])).paths).toEqual(['.../a.yaml']);
  });
});

describe('discover: ignore files', () => {
  it('applies .gitignore and .okelintignore at the root and in nested directories', async () => {
    const cwd = tree({
      '.git/HEAD': '',
      '.gitignore': 'build/\n',
      '.okelintignore': '*.json\n# comment\n',
      'a.yaml': '', 'a.json': '', 'build/out.yaml': '',
      'sub/.gitignore': 'secret.yaml\n/only-here.yaml\n',
      'sub/secret.yaml': '', 'sub/only-here.yaml': '', 'sub/ok.yaml': '', 'sub/inner/only-here.yaml': '',
      'sub/inner/secret.yaml': '',
      'other/secret.yaml': '',
      'keep/.okelintignore': '!wanted.json\n',
      'keep/wanted.json': '', 'keep/unwanted.json': '',
    });
    const res = await run(cwd, ['.']);
    expect(res.paths).toEqual([
      'a.yaml', 'keep/wanted.json', 'other/secret.yaml', 'sub/inner/only-here.yaml', 'sub/ok.yaml',
    ]);
    const noGit = await run(cwd, ['.'], { respectGitignore: false });
    expect(noGit.paths).toEqual([
      'a.yaml', 'build/out.yaml', 'keep/wanted.json', 'other/secret.yaml', 'sub/inner/only-here.yaml',
      'sub/inner/secret.yaml', 'sub/ok.yaml', 'sub/only-here.yaml', 'sub/secret.yaml',
    ]);
  });

  it('loads ignore files from cwd up to the repository root, not above it', async () => {
    const outer = tree({ '.okelintignore': '*\n', 'repo/.git/HEAD': '', 'repo/.okelintignore': 'skip.yaml\n', 'repo/mid/.gitignore': 'gen/\n' });
    const repo = join(outer, 'repo');
    tree({ 'mid/app/skip.yaml': '', 'mid/app/a.yaml': '', 'mid/app/gen/g.yaml': '' }, repo);
    const cwd = join(repo, 'mid/app');
    expect((await run(cwd, ['.'])).paths).toEqual(['a.yaml']);
    // a directory named below cwd also gets the ignore files between it and cwd
    expect((await run(repo, ['mid/app'])).paths).toEqual(['mid/app/a.yaml']);
  });

  it('without a repository, loads ignore files from cwd but not its ancestors', async () => {
    const top = tree({ '.okelintignore': '*.yaml\n', 'work/.okelintignore': 'b.yaml\n', 'work/a.yaml': '', 'work/b.yaml': '' });
    expect((await run(join(top, 'work'), ['.'])).paths).toEqual(['a.yaml']);
  });

  it('applies config ignorePatterns relative to ignoreBase', async () => {
    const cwd = tree({ 'charts/app/tests/t.yaml': '', 'charts/app/templates/d.yaml': '', 'x.yaml': '', 'sub/x.yaml': '' });
    const res = await run(cwd, ['.'], { ignorePatterns: ['charts/**/tests/**', '/x.yaml'] });
    expect(res.paths).toEqual(['charts/app/templates/d.yaml', 'sub/x.yaml']);
    const based = await run(cwd, ['.'], { ignorePatterns: ['/x.yaml'], ignoreBase: join(cwd, 'sub') });
    expect(based.paths).toEqual(['charts/app/templates/d.yaml', 'charts/app/tests/t.yaml', 'x.yaml']);
  });

  it('skips an explicitly named ignored file or directory with a notice', async () => {
    const cwd = tree({ '.git/HEAD': '', '.okelintignore': 'vendor/\ngen.yaml\n', 'gen.yaml': '', 'vendor/v.yaml': '', 'a.yaml': '' });
    const res = await run(cwd, ['gen.yaml', 'vendor', 'a.yaml']);
    expect(res.paths).toEqual(['a.yaml']);
    expect(res.notices).toEqual([
      { file: 'gen.yaml', message: 'file ignored because of a matching ignore pattern' },
      { file: 'vendor', message: 'directory ignored because of a matching ignore pattern' },
    ]);
    expect(res.errors).toEqual([]);
  });
});

describe('discover: globs', () => {
  const layout: Spec = {
    '.git/HEAD': '', '.okelintignore': 'ignored/\n',
    'k8s/a.yaml': '', 'k8s/b.yml': '', 'k8s/readme.md': '', 'k8s/deep/c.yaml': '', 'ignored/i.yaml': '',
    'notes.txt': '', '.hidden/h.yaml': '', 'node_modules/n.yaml': '',
  };

  it('expands a glob, filtering by extension and ignore files, skipping dot dirs and node_modules', async () => {
    const cwd = tree(layout);
    expect((await run(cwd, ['**/*'])).paths).toEqual(['k8s/a.yaml', 'k8s/b.yml', 'k8s/deep/c.yaml']);
    expect((await run(cwd, ['k8s/*'])).paths).toEqual(['k8s/a.yaml', 'k8s/b.yml']);
    const res = await run(cwd, ['**/*.yaml']);
    expect(res.paths).toEqual(['k8s/a.yaml', 'k8s/deep/c.yaml']);
    expect(res.files.every((f) => !f.explicit)).toBe(true);
  });

  it('does not filter by extension when the pattern names one', async () => {
    const cwd = tree(layout);
    expect((await run(cwd, ['*.txt'])).paths).toEqual(['notes.txt']);
    expect((await run(cwd, ['k8s/*.{md,yml}'])).paths).toEqual(['k8s/b.yml', 'k8s/readme.md']);
  });

  it('reports a glob that matches nothing, or only ignored files, as an error', async () => {
    const cwd = tree(layout);
    const res = await run(cwd, ['nothing/**/*.yaml', 'k8s/*.md5', 'ignored/*', 'k8s/a.yaml']);
    expect(res.errors).toEqual([
      { file: 'nothing/**/*.yaml', message: 'no files match "nothing/**/*.yaml"' },
      { file: 'k8s/*.md5', message: 'no files match "k8s/*.md5"' },
      { file: 'ignored/*', message: 'all files matching "ignored/*" are ignored' },
    ]);
    expect(res.paths).toEqual(['k8s/a.yaml']);
  });

  it('treats an existing file with glob characters in its name as a file', async () => {
    const cwd = tree({ '[x].yaml': '' });
    const res = await run(cwd, ['[x].yaml']);
    expect(res.files).toEqual([{ absPath: join(cwd, '[x].yaml'), displayPath: '[x].yaml', explicit: true }]);
  });

  it('knows when a pattern names an extension', () => {
    expect(['*.txt', '**/*.{yml,tpl}', 'a/b.y?ml', 'x.[jt]s'].map(patternNamesExtension)).toEqual([true, true, true, true]);
    expect(['*', '**', 'data.*', 'k8s/**', 'x.'].map(patternNamesExtension)).toEqual([false, false, false, false, false]);
  });
});

describe('discover: symlinks', () => {
  it('reports a directory symlink to an ancestor once, does not hang, finds each file once', async () => {
    const cwd = tree({ 'a/x.yaml': '', 'a/b/y.yaml': '', 'a/b/up': { link: '../..' }, 'a/b/self': { link: '.' } });
    const res = await run(cwd, ['.']);
    expect(res.paths).toEqual(['a/b/y.yaml', 'a/x.yaml']);
    expect(res.notices).toEqual([
      { file: 'a/b/self', message: 'symlink loop: a/b/self -> a/b (not followed)' },
      { file: 'a/b/up', message: 'symlink loop: a/b/up -> . (not followed)' },
    ]);
  });

  it('stops at mutually linked directories without a notice and keeps plain paths', async () => {
    const cwd = tree({ 'p/one.yaml': '', 'q/two.yaml': '', 'p/to-q': { link: '../q' }, 'q/to-p': { link: '../p' } });
    const res = await run(cwd, ['.']);
    expect(res.paths).toEqual(['p/one.yaml', 'q/two.yaml']);
    expect(res.notices).toEqual([]);
  });

  it('follows symlinks to files and to directories outside the tree', async () => {
    const outside = tree({ 'ext.yaml': '', 'more/m.yml': '' });
    const cwd = tree({ 'real.yaml': '', 'alias.yaml': { link: 'real.yaml' }, 'linked.yaml': { link: join(outside, 'ext.yaml') }, 'dir': { link: join(outside, 'more') } });
    const res = await run(cwd, ['.']);
    expect(res.paths).toEqual(['dir/m.yml', 'linked.yaml', 'real.yaml']);
    expect(res.files.find((f) => f.displayPath === 'dir/m.yml')?.absPath).toBe(join(cwd, 'dir/m.yml'));
  });

  it('reports a broken symlink that could matter, and a self-referencing link', async () => {
    const cwd = tree({ 'ok.yaml': '', 'gone.yaml': { link: 'nowhere.yaml' }, 'gone.so': { link: 'nowhere.so' }, 'gonedir': { link: 'missing-dir' }, 'self': { link: 'self' } });
    const res = await run(cwd, ['.']);
    expect(res.paths).toEqual(['ok.yaml']);
    expect(res.notices).toEqual([
      { file: 'gone.yaml', message: 'broken symlink: gone.yaml -> nowhere.yaml (target does not exist)' },
      { file: 'gonedir', message: 'broken symlink: gonedir -> missing-dir (target does not exist)' },
      { file: 'self', message: 'symlink loop: self -> self (not followed)' },
    ]);
  });

  it('reports a broken symlink matched by a glob', async () => {
    const cwd = tree({ 'ok.yaml': '', 'gone.yaml': { link: 'nowhere.yaml' } });
    const res = await run(cwd, ['*.yaml']);
    expect(res.paths).toEqual(['ok.yaml']);
    expect(res.notices).toEqual([{ file: 'gone.yaml', message: 'broken symlink: gone.yaml -> nowhere.yaml (target does not exist)' }]);
  });
});

describe('Helm charts in walked directories', () => {
  it('skips a chart\'s templates directory with one notice, and still reads values and rendered files', async () => {
    const { mkdtemp, mkdir, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { discover } = await import('../../src/files/discover.js');
    const dir = await mkdtemp(join(tmpdir(), 'okelint-chart-'));
    await mkdir(join(dir, 'charts', 'web', 'templates'), { recursive: true });
    await writeFile(join(dir, 'charts', 'web', 'Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 1.0.0\n');
    await writeFile(join(dir, 'charts', 'web', 'values.yaml'), 'replicas: 1\n');
    await writeFile(join(dir, 'charts', 'web', 'templates', 'deploy.yaml'), 'kind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n');
    const res = await discover(['.'], { cwd: dir, extensions: ['.yaml'] });
    expect(res.files.map((f) => f.displayPath)).toEqual(['charts/web/Chart.yaml', 'charts/web/values.yaml']);
    expect(res.notices.map((n) => n.file)).toEqual(['charts/web/templates']);
    expect(res.notices[0]?.message).toMatch(/^Helm chart templates skipped/);
  });
});
