/**
 * fixtures/demo/README.md documents every finding `npm run demo` reports, and only those.
 * The demo estate is linted through the engine exactly as `okelint fixtures/demo
 * --include-suppressed` does (config discovery from the demo, so the default recommended preset,
 * no CLI overrides, today's date), and the set of (rule, file, line, suppressed) of its findings
 * must equal the set the README's tables give.
 *
 * README notation: every table whose header row is `| rule | where | what |` is read.
 * - rule cell: one or more backticked rule ids (`image-no-digest` or `a`, `b`, `c`); each of
 *   them applies to every location of the row. `(suppressed)` in the cell marks the row's
 *   findings as reported with a suppression (needs `--include-suppressed` to be seen).
 * - where cell: backticked `path:line` locations, the path relative to fixtures/demo, separated
 *   by anything (commas, "and"). A backticked `:line` alone means the same file as the location
 *   before it in the cell (`platform/kubernetes-dashboard.yaml:90`, `:49`). `(suppressed)` right
 *   after a location marks that one location as suppressed.
 * - Everything else (unbackticked notes such as "(redis)", other backticked text, the what cell)
 *   is commentary and ignored; a row must give at least one rule and one location.
 * A row may repeat a rule already listed (one row per rule and reason).
 */
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/run.js';
import { registry } from './helpers/registry-config.js';

const ROOT = new URL('../', import.meta.url).pathname;
const DEMO = resolve(ROOT, 'fixtures/demo');
const README = resolve(DEMO, 'README.md');

/** `rule file:line` plus ` (suppressed)`: one documented or reported finding. */
function key(rule: string, file: string, line: number, suppressed: boolean): string {
  return `${rule} ${file}:${line}${suppressed ? ' (suppressed)' : ''}`;
}

function cells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

/** The findings the README documents, as keys; throws on a row it cannot read. */
function documented(md: string): string[] {
  const out: string[] = [];
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i]?.trim() ?? '';
    if (!header.startsWith('|') || cells(header).map((c) => c.toLowerCase()).join('|') !== 'rule|where|what') continue;
    for (i += 2; i < lines.length && (lines[i] ?? '').trim().startsWith('|'); i++) {
      const row = lines[i] as string;
      const [ruleCell = '', whereCell = ''] = cells(row);
      const rules = [...ruleCell.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1] as string);
      const suppressedRow = /\(suppressed\)/i.test(ruleCell);
      const places: { file: string; line: number; suppressed: boolean }[] = [];
      let file = '';
      for (const m of whereCell.matchAll(/`([^`\s]*):(\d+)`(\s*\(suppressed\))?/gi)) {
        if (m[1]) file = (m[1] as string).replace(/^\.\//, '');
        if (!file) throw new Error(`README row "${row}": \`:${m[2]}\` with no file before it`);
        places.push({ file, line: Number(m[2]), suppressed: suppressedRow || Boolean(m[3]) });
      }
      if (rules.length === 0 || places.length === 0) throw new Error(`README row "${row}" names no rule or no file:line`);
      for (const r of rules) for (const p of places) out.push(key(r, p.file, p.line, p.suppressed));
    }
  }
  return out;
}

describe('fixtures/demo/README.md', () => {
  it('documents exactly the findings okelint reports on the demo', async () => {
    const out = await lint({
      inputs: ['fixtures/demo'], cwd: ROOT, registry, overrides: {},
      // The date `npm run demo` would use: an expired `okelint.io/ignore-until` must show up here too.
      today: new Date().toISOString().slice(0, 10),
    });
    expect(out.summary.notices).toEqual([]);
    const reported = out.findings.map((f) =>
      key(f.ruleId, relative(DEMO, resolve(ROOT, f.file)).split(sep).join('/'), f.start.line, f.suppression !== undefined));
    const docs = documented(readFileSync(README, 'utf8'));
    expect(docs.length, 'the README has a "| rule | where | what |" table').toBeGreaterThan(0);
    const uniq = (xs: string[]): string[] => [...new Set(xs)].sort();
    const want = uniq(reported);
    const have = uniq(docs);
    expect({
      undocumented: want.filter((k) => !have.includes(k)),
      notReported: have.filter((k) => !want.includes(k)),
    }).toEqual({ undocumented: [], notReported: [] });
  });

  it('reads the notation', () => {
    const md = [
      '| rule | where | what |',
      '| --- | --- | --- |',
      '| `a-rule`, `b-rule` | `x/y.yaml:3` (redis), `:7`, `z.json:1` (suppressed) | `foo: bar` |',
      '| `c-rule` (suppressed) | `x/y.yaml:9` | by the comment on line 8 |',
    ].join('\n');
    expect(documented(md)).toEqual([
      'a-rule x/y.yaml:3', 'a-rule x/y.yaml:7', 'a-rule z.json:1 (suppressed)',
      'b-rule x/y.yaml:3', 'b-rule x/y.yaml:7', 'b-rule z.json:1 (suppressed)',
      'c-rule x/y.yaml:9 (suppressed)',
    ]);
  });
});
