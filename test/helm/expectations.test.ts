/**
 * Checks the hand-written expectation table against the fixture files themselves: every
 * position it names holds the text it says, in the template, the rendered stream and the
 * values files. The CLI tests then compare okelint's output with the positions alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { CASES } from './expectations.js';

function textAt(file: string, at: string): string {
  const [line, column] = at.split(':').map(Number) as [number, number];
  const lines = readFileSync(file, 'utf8').split('\n');
  return (lines[line - 1] ?? '').slice(column - 1);
}

function split(at: string): [string, string] {
  const m = /^(.*?):(\d+:\d+)$/.exec(at);
  return [m?.[1] ?? '', m?.[2] ?? ''];
}

describe.each(CASES)('expectations for fixtures/helm/$chart', ({ chart, rows }) => {
  const dir = join(ROOT, 'fixtures/helm', chart);

  it.each(rows.map((r, i) => [i, r] as const))('row %i names the text at each of its positions', (_, row) => {
    const [template, pos] = split(row.at);
    expect(textAt(join(dir, template), pos).startsWith(row.key)).toBe(true);
    expect(textAt(join(dir, 'rendered.yaml'), row.rendered).startsWith(row.renderedText)).toBe(true);
    for (const [at, text] of row.related) {
      const [file, p] = split(at);
      expect(textAt(join(dir, file), p).startsWith(text), `${at} holds ${text}`).toBe(true);
    }
  });

  it('lists findings in the order okelint sorts them: by file, then line and column', () => {
    const keys = rows.map((r) => { const [file, pos] = split(r.at); const [l, c] = pos.split(':').map(Number) as [number, number]; return [file, l, c] as const; });
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    expect(keys).toEqual(sorted);
  });
});
