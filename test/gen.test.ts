/**
 * The registry, the rule docs and the config schema are generated from rules/ by
 * scripts/gen.mjs; this fails when they are stale or a rule module breaks the conventions.
 */
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM script without declarations
import { generate } from '../scripts/gen.mjs';

const ROOT = new URL('../', import.meta.url).pathname;

describe('generated files', () => {
  it('are up to date and every rule module follows the conventions', async () => {
    const { files, errors } = (await generate(ROOT)) as { files: Map<string, string>; errors: string[] };
    expect(errors).toEqual([]);
    const stale = [...files].filter(([rel, content]) => !existsSync(ROOT + rel) || readFileSync(ROOT + rel, 'utf8') !== content).map(([rel]) => rel);
    expect(stale, 'run `npm run gen`').toEqual([]);
  }, 60_000);
});
