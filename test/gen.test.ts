/**
 * The registry, the rule docs and the config schema are generated from rules/ by
 * scripts/gen.mjs; this fails when they are stale or a rule module breaks the conventions.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

interface Generated {
  errors: string[];
  rules: { meta: Record<string, unknown> }[];
}

/** A scratch project: files by path relative to its root. */
const scratchRoots: string[] = [];
function scratch(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'okelint-gen-'));
  scratchRoots.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}
afterAll(() => {
  for (const root of scratchRoots) rmSync(root, { recursive: true, force: true });
});

/** A rule module of the scratch project whose meta starts with `metaHead` (before its own id). */
function ruleModule(id: string, imports: string, decls: string, metaHead: string): Record<string, string> {
  return {
    [`rules/workload/${id}.ts`]: `${imports}
${decls}
export default defineRule({
  meta: {
    ${metaHead}
    id: '${id}',
    layer: 'workload',
    securitySeverity: 5.5,
    description: 'A test rule.',
    remediation: 'Fix it.',
    appliesTo: ['k8s'],
    recommended: false,
    messages: { found: 'Found.' },
  },
  *check() {
    yield { messageId: 'found' };
  },
});
`,
    [`rules/workload/${id}.md`]: 'Body.\n',
  };
}

const API = {
  'src/schema.ts': `export const ITEM = { type: 'string', minLength: 1 } as const;
export const LIST = { type: 'array', items: ITEM, uniqueItems: true, default: [], description: 'Names.' } as const;
export const COMPUTED = ['a'].map((x) => x);
`,
  'src/api.ts': `export { COMPUTED, LIST } from './schema.js';
export function defineRule<T>(rule: T): T {
  return rule;
}
`,
};

describe('meta evaluation', () => {
  it('evaluates identifiers naming consts (local, imported, re-exported) and spreads', async () => {
    const root = scratch({
      ...API,
      ...ruleModule('shared-meta', "import { defineRule, LIST } from '../../src/api.js';",
        "const TAGS = ['a', 'b'] as const;\nconst BASE = { level: 'warning', tags: TAGS } as const;",
        "...BASE, level: 'error', options: { type: 'object', properties: { names: { ...LIST, description: 'Other names.' }, more: LIST } },"),
    });
    const { errors, rules } = (await generate(root)) as Generated;
    expect(errors).toEqual([]);
    const meta = rules[0]?.meta;
    expect(meta).toMatchObject({ id: 'shared-meta', level: 'error', tags: ['a', 'b'] });
    // Spread keys keep their place; a key written after the spread overrides its value there.
    expect(JSON.stringify(meta?.options)).toBe(JSON.stringify({
      type: 'object',
      properties: {
        names: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, default: [], description: 'Other names.' },
        more: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, default: [], description: 'Names.' },
      },
    }));
  }, 60_000);

  it('reports an identifier that names no const with a literal initializer, with the rule file', async () => {
    const root = scratch({
      ...API,
      ...ruleModule('unknown-name', "import { defineRule } from '../../src/api.js';", '', '...MISSING,'),
      ...ruleModule('let-name', "import { defineRule } from '../../src/api.js';", "let LEVEL = 'error';\nLEVEL = 'note';", 'level: LEVEL,'),
      ...ruleModule('computed-name', "import { COMPUTED, defineRule } from '../../src/api.js';", '', "level: 'note', tags: COMPUTED,"),
    });
    const { errors } = (await generate(root)) as Generated;
    expect(errors).toEqual([
      "rules/workload/computed-name.ts: meta must be a literal (COMPUTED (schema.ts:3): not a literal: ['a'].map((x) => x))",
      'rules/workload/let-name.ts: meta must be a literal (LEVEL does not name a const with a literal initializer)',
      'rules/workload/unknown-name.ts: meta must be a literal (MISSING does not name a const with a literal initializer)',
    ]);
  }, 60_000);
});
