/**
 * Findings on `helm template` output land on the chart's template lines, with the rendered
 * location, the helper and the values.yaml key as related locations, in JSON, text and SARIF,
 * from a file, from stdin and from the `--output-dir` tree. The expected positions are the
 * hand-checked table in test/helm/expectations.ts.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { okelint, ROOT, tempDir } from '../helpers/cli.js';
import { runMultitool, validateSarifSchema } from '../helpers/sarif-validate.js';
import { CASES, SHOP, WEBAPP, type ChartCase, type Row } from '../helm/expectations.js';

/** One finding reduced to what the table states. */
interface Got {
  readonly rule: string;
  readonly at: string;
  readonly rendered: string;
  readonly related: readonly (readonly [string, string])[];
  readonly suppressed?: string;
}

const NOTE = /\((value from|enabled by) [^()]*\)$/;

/** Without the rendered location (for inputs whose rendered positions differ from rendered.yaml). */
const strip = (g: Got): Got => ({ ...g, rendered: '' });

function expected(c: ChartCase, rendered = `fixtures/helm/${c.chart}/rendered.yaml`): Got[] {
  const base = `fixtures/helm/${c.chart}/`;
  return c.rows.map((r: Row) => ({
    rule: r.rule,
    at: base + r.at,
    rendered: `${rendered}:${r.rendered}`,
    related: r.related.map(([at, , message]) => [base + at, message] as const),
    ...(r.suppressed && { suppressed: r.suppressed }),
  }));
}

interface JsonLoc { file: string; line: number; column: number; message: string }
interface JsonFinding { ruleId: string; file: string; line: number; column: number; message: string; related?: JsonLoc[]; suppressed?: { kind: string } }

function fromJson(stdout: string): { got: Got[]; messages: string[] } {
  const findings = (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
  return {
    got: findings.map((f) => {
      const [rendered, ...related] = f.related ?? [];
      expect(rendered?.message).toBe('Rendered by helm template');
      return {
        rule: f.ruleId, at: `${f.file}:${f.line}:${f.column}`, rendered: `${rendered?.file}:${rendered?.line}:${rendered?.column}`,
        related: related.map((r) => [`${r.file}:${r.line}:${r.column}`, r.message] as const),
        ...(f.suppressed && { suppressed: f.suppressed.kind }),
      };
    }),
    messages: findings.map((f) => f.message),
  };
}

/** Reads the text report back: `file` header, `  line:col  level  message  rule [suppressed by kind: …]`, `↳` lines. */
function fromText(stdout: string): Got[] {
  const out: { rule: string; at: string; related: [string, string][]; suppressed?: string }[] = [];
  let file = '';
  for (const line of stdout.split('\n')) {
    const finding = /^ {2}(\d+):(\d+)\s+(?:error|warning|note)\s+.*?\s([a-z0-9-]+)(?:\s+\[suppressed by (\w+): .*\])?$/.exec(line);
    const related = /^ {4}↳ (.*): (\S+:\d+:\d+)$/.exec(line);
    if (finding) out.push({ rule: finding[3] as string, at: `${file}:${finding[1]}:${finding[2]}`, related: [], ...(finding[4] && { suppressed: finding[4] }) });
    else if (related) out[out.length - 1]?.related.push([related[2] as string, related[1] as string]);
    else if (/^\S+\.(ya?ml|tpl)$/.test(line)) file = line;
  }
  return out.map(({ rule, at, related, suppressed }) => {
    const [rendered, ...rest] = related;
    expect(rendered?.[1]).toBe('Rendered by helm template');
    return { rule, at, rendered: rendered?.[0] ?? '', related: rest, ...(suppressed && { suppressed }) };
  });
}

interface SarifLoc { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } }; message?: { text: string } }
interface SarifLog { runs: { results: { ruleId: string; message: { text: string }; locations: SarifLoc[]; relatedLocations?: SarifLoc[]; suppressions?: { kind: string }[] }[] }[] }

const sarifPos = (l: SarifLoc | undefined) => `${decodeURIComponent(l?.physicalLocation.artifactLocation.uri ?? '')}:${l?.physicalLocation.region.startLine}:${l?.physicalLocation.region.startColumn}`;

function fromSarif(log: SarifLog): Got[] {
  return (log.runs[0]?.results ?? []).map((r) => {
    const [rendered, ...related] = r.relatedLocations ?? [];
    expect(rendered?.message?.text).toBe('Rendered by helm template');
    expect(r.locations[0]?.physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    const kind = r.suppressions?.[0]?.kind;
    return {
      rule: r.ruleId, at: sarifPos(r.locations[0]), rendered: sarifPos(rendered),
      related: related.map((l) => [sarifPos(l), l.message?.text ?? ''] as const),
      ...(kind && { suppressed: kind }),
    };
  });
}

/** SARIF says `inSource` for both comment and annotation suppressions. */
const asSarif = (c: ChartCase): Got[] => expected(c).map((g) => ({ ...g, ...(g.suppressed && { suppressed: 'inSource' }) }));

async function sarifOf(args: readonly string[], input?: string): Promise<{ log: SarifLog; file: string; code: number | null }> {
  const file = join(tempDir('okelint-helm-sarif-'), 'helm.sarif');
  const r = await okelint([...args, '--format', 'sarif', '--include-suppressed', '--output-file', file], input === undefined ? {} : { input });
  expect(r.stderr).toBe('');
  return { log: JSON.parse(readFileSync(file, 'utf8')) as SarifLog, file, code: r.code };
}

describe.each(CASES)('helm template output of fixtures/helm/$chart', (c) => {
  const dir = `fixtures/helm/${c.chart}`;
  const args = [`${dir}/rendered.yaml`, '--chart-root', dir];

  it('JSON: every finding on its template line, with the rendered, helper and values locations', async () => {
    const r = await okelint([...args, '--format', 'json', '--include-suppressed']);
    expect(r.stderr).toBe('');
    const { got, messages } = fromJson(r.stdout);
    expect(got).toEqual(expected(c));
    // The message names the values key, or says there is none.
    expect(messages.map((m) => NOTE.exec(m)?.[0] ?? '')).toEqual(c.rows.map((row) => row.note));
  });

  it('text: the template line, then ↳ the rendered, helper and values locations', async () => {
    const r = await okelint([...args, '--no-color', '--include-suppressed']);
    expect(fromText(r.stdout)).toEqual(expected(c));
  });

  it('SARIF: results on template lines, schema-valid', async () => {
    const { log, code } = await sarifOf(args);
    expect(code).toBe(1);
    expect(fromSarif(log)).toEqual(asSarif(c));
    expect(validateSarifSchema(log)).toEqual([]);
  });
});

describe('helm SARIF for GitHub code scanning', () => {
  it('passes the multitool (Gh;Sarif) for the three charts linted together', async () => {
    const { log, file } = await sarifOf(CASES.map((c) => `fixtures/helm/${c.chart}/rendered.yaml`));
    // Sorted by file: the charts in name order.
    expect(fromSarif(log)).toEqual([...CASES].sort((a, b) => (a.chart < b.chart ? -1 : 1)).flatMap(asSarif));
    expect((await runMultitool(file)).errors).toEqual([]);
  }, 90_000);
});

describe('helm template input forms', () => {
  it('lints the rendered stream from stdin with --chart-root: GitHub code scanning results on template lines', async () => {
    const rendered = readFileSync(join(ROOT, 'fixtures/helm/shop/rendered.yaml'), 'utf8');
    const { log, file } = await sarifOf(['-', '--chart-root', 'fixtures/helm/shop'], rendered);
    expect(fromSarif(log)).toEqual(asSarif(SHOP).map((g) => ({ ...g, rendered: g.rendered.replace('fixtures/helm/shop/rendered.yaml', '<stdin>') })));
    expect(validateSarifSchema(log)).toEqual([]);
    expect((await runMultitool(file)).errors).toEqual([]);
  }, 90_000);

  it('names the stream with --stdin-filename', async () => {
    const rendered = readFileSync(join(ROOT, 'fixtures/helm/webapp/rendered.yaml'), 'utf8');
    const r = await okelint(['-', '--stdin-filename', 'fixtures/helm/webapp/rendered.yaml', '--chart-root', 'fixtures/helm/webapp', '--format', 'json'], { input: rendered });
    expect(fromJson(r.stdout).got).toEqual(expected(WEBAPP));
  });

  it('lints the tree helm template --output-dir writes, subcharts included, onto the same template lines', async () => {
    const outDir = 'fixtures/helm/shop/rendered-dir';
    const r = await okelint([outDir, '--chart-root', 'fixtures/helm/shop', '--format', 'json', '--include-suppressed']);
    const { got } = fromJson(r.stdout);
    // Same template and values locations; the rendered one is in the per-template file, which holds the same text.
    expect(got.map(strip)).toEqual(expected(SHOP).map(strip));
    got.forEach((g, i) => {
      const row = SHOP.rows[i] as Row;
      const [, file, line, column] = /^(.*):(\d+):(\d+)$/.exec(g.rendered) ?? [];
      expect(file).toBe(`${outDir}/shop/${row.at.replace(/:\d+:\d+$/, '')}`);
      const text = readFileSync(join(ROOT, file as string), 'utf8').split('\n')[Number(line) - 1] ?? '';
      expect(text.slice(Number(column) - 1).startsWith(row.renderedText)).toBe(true);
    });
    // Each file is what helm writes: `---`, the `# Source:` of its template, the documents.
    const files = listFiles(join(ROOT, outDir));
    expect(files.length).toBe(8);
    for (const f of files) expect(readFileSync(f, 'utf8')).toMatch(new RegExp(`^---\\n# Source: ${f.slice(join(ROOT, outDir).length + 1)}\\n`));
  });

  it('reads output rendered with --hide-secret (a `# HIDDEN:` comment instead of the Secret)', async () => {
    const rendered = readFileSync(join(ROOT, 'fixtures/helm/shop/rendered.yaml'), 'utf8');
    const hidden = rendered.replace(/(# Source: shop\/charts\/redis\/templates\/secret\.yaml\n)[\s\S]*?(?=---\n)/, '$1# HIDDEN: The Secret output has been suppressed\n');
    expect(hidden).not.toBe(rendered);
    const r = await okelint(['-', '--chart-root', 'fixtures/helm/shop', '--format', 'json', '--include-suppressed'], { input: hidden });
    expect(fromJson(r.stdout).got.map(strip)).toEqual(expected(SHOP).filter((g) => g.rule !== 'secret-committed').map(strip));
  });

  it('finds the chart under the working directory without --chart-root', async () => {
    const r = await okelint(['fixtures/helm/webapp/rendered.yaml', '--format', 'json']);
    expect(fromJson(r.stdout).got).toEqual(expected(WEBAPP));
  });

  it('leaves findings on the rendered stream when no chart is found', async () => {
    const dir = tempDir('okelint-helm-nochart-');
    writeFileSync(join(dir, 'out.yaml'), readFileSync(join(ROOT, 'fixtures/helm/webapp/rendered.yaml')));
    const r = await okelint(['out.yaml', '--format', 'json'], { cwd: dir });
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(WEBAPP.rows.map((row) => `out.yaml:${row.rendered}`));
    expect(findings.every((f) => f.related === undefined && !NOTE.test(f.message))).toBe(true);
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
