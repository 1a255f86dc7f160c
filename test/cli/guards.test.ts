/**
 * Bad input never stops the run: each guard gives one clear line and the other files still lint.
 */
import { chmodSync, mkdirSync, symlinkSync, writeFileSync, openSync, ftruncateSync, closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { okelint, tempDir, type CliResult } from '../helpers/cli.js';

const GOOD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: good\nspec:\n  containers:\n    - name: c\n      securityContext: { privileged: true }\n';

interface Json {
  findings: { ruleId: string; file: string; line: number; column: number; message: string }[];
  summary: { filesLinted: number; filesSkipped: number; notices: { file: string; message: string }[] };
}

let dir: string;
let run: CliResult;
let json: Json;

function aliasBomb(): string {
  const lines = ['  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const cur = String.fromCharCode(97 + i);
    lines.push(`  ${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n${lines.join('\n')}\n`;
}

beforeAll(async () => {
  dir = tempDir('okelint-guards-');
  writeFileSync(join(dir, 'good.yaml'), GOOD);
  writeFileSync(join(dir, 'broken.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n');
  writeFileSync(join(dir, 'binary.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0x00, 0x01, 0x02, 0xff]));
  writeFileSync(join(dir, 'latin1.yaml'), Buffer.from('name: caf\xe9\n', 'latin1'));
  writeFileSync(join(dir, 'empty.yaml'), '');
  writeFileSync(join(dir, 'bomb.yaml'), aliasBomb());
  // 50 MB sparse file: over the 10 MiB default limit, never read.
  const fd = openSync(join(dir, 'huge.yaml'), 'w');
  writeSync(fd, 'a: 1\n');
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  mkdirSync(join(dir, 'loop'));
  writeFileSync(join(dir, 'loop', 'inner.yaml'), GOOD.replace('good', 'inner'));
  symlinkSync('..', join(dir, 'loop', 'back'));
  mkdirSync(join(dir, 'locked'));
  writeFileSync(join(dir, 'locked', 'hidden.yaml'), GOOD);
  chmodSync(join(dir, 'locked'), 0o000);
  chmodSync(dir, 0o755);
  const asNobody = process.getuid?.() === 0;
  run = await okelint(['.', '--format', 'json'], { cwd: dir, asNobody });
  json = JSON.parse(run.stdout) as Json;
}, 60_000);

describe('input guards (one run over a tree of bad inputs)', () => {
  it('completes with findings (exit 1), not a crash (exit 2)', () => {
    expect(run.code).toBe(1);
  });

  it('still lints the good files, including through the directory loop once', () => {
    const files = json.findings.filter((f) => f.ruleId === 'privileged-container').map((f) => f.file).sort();
    expect(files).toEqual(['good.yaml', 'loop/inner.yaml']);
  });

  it('reports a broken YAML file as a parse-error finding at the parser position', () => {
    const pe = json.findings.filter((f) => f.file === 'broken.yaml');
    expect(pe.map((f) => f.ruleId)).toEqual(['parse-error']);
    expect(pe[0]?.line).toBe(4); // the parser reports the unclosed flow map at the end of input
  });

  it('reports an alias bomb as a parse-error finding', () => {
    const pe = json.findings.filter((f) => f.file === 'bomb.yaml');
    expect(pe.map((f) => f.ruleId)).toEqual(['parse-error']);
    expect(pe[0]?.message).toMatch(/alias/i);
  });

  const notice = (file: string) => json.summary.notices.filter((n) => n.file === file).map((n) => n.message);

  it('skips a binary file with one line', () => {
    expect(notice('binary.yaml')).toEqual([expect.stringMatching(/binary/)]);
  });

  it('skips invalid UTF-8 with one line', () => {
    expect(notice('latin1.yaml')).toEqual([expect.stringMatching(/UTF-8/)]);
  });

  it('says an empty file has nothing to lint', () => {
    expect(notice('empty.yaml')).toEqual([expect.stringMatching(/empty/)]);
  });

  it('skips a 50 MB file over the size limit without reading it', () => {
    expect(notice('huge.yaml')).toEqual([expect.stringMatching(/52\.4 MB|50\.0 MiB|size limit/)]);
  });

  it('does not follow the symlink loop, and says so', () => {
    expect(json.summary.notices.filter((n) => /symlink loop/.test(n.message))).toHaveLength(1);
  });

  it('warns about the unreadable directory and goes on', () => {
    expect(notice('locked')).toEqual([expect.stringMatching(/cannot read directory/)]);
  });

  it('prints each notice as one warning line on stderr', () => {
    const lines = run.stderr.trim().split('\n');
    expect(lines.length).toBe(json.summary.notices.length);
    for (const l of lines) expect(l).toMatch(/^okelint: warning: /);
  });
});
