/**
 * Every rule's hand-written docs body (rules/<layer>/<id>.md) has an "Incorrect" and a
 * "Correct" example; linting them (alone, through the whole pipeline: project rules see just that
 * example) must give at least one finding of that rule, and none.
 * A `<!-- options: {...} -->` line right before a fenced block sets the rule's options, and a
 * `<!-- policy: {"level": "baseline", "version": "1.24"} -->` line the Pod Security policy
 * (a baseline check is replaced by its restricted counterpart at the default restricted level).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint-text.js';
import { parseMinor } from '../src/k8s/pss.js';
import { registry, strictConfig } from './helpers/registry-config.js';

const ROOT = new URL('../', import.meta.url).pathname;

interface Example {
  readonly code: string;
  /** The fence's language: `yaml` and `json` examples are linted as doc.yaml|doc.json, `policy` as doc.policy. */
  readonly lang: string;
  readonly options?: Record<string, unknown>;
  readonly policy?: { readonly level?: 'baseline' | 'restricted'; readonly version?: string };
}

function section(md: string, title: string): Example[] {
  const start = md.search(new RegExp(`^## ${title}\\s*$`, 'm'));
  if (start < 0) return [];
  const rest = md.slice(start).split('\n').slice(1).join('\n');
  const end = rest.search(/^## /m);
  const body = end < 0 ? rest : rest.slice(0, end);
  const out: Example[] = [];
  const re = /(?:<!--\s*options:\s*(\{.*\})\s*-->\s*\n)?(?:<!--\s*policy:\s*(\{.*\})\s*-->\s*\n)?```(yaml|json|policy)\n([\s\S]*?)```/g;
  for (const m of body.matchAll(re)) {
    out.push({
      lang: m[3] as string,
      code: m[4] as string,
      ...(m[1] && { options: JSON.parse(m[1]) as Record<string, unknown> }),
      ...(m[2] && { policy: JSON.parse(m[2]) as Example['policy'] }),
    });
  }
  return out;
}

describe('rule docs examples', () => {
  for (const rule of registry) {
    const { id, layer } = rule.meta;
    it(id, () => {
      const md = readFileSync(`${ROOT}rules/${layer}/${id}.md`, 'utf8');
      const incorrect = section(md, 'Incorrect');
      const correct = section(md, 'Correct');
      expect(incorrect.length, 'an Incorrect example').toBeGreaterThan(0);
      expect(correct.length, 'a Correct example').toBeGreaterThan(0);
      const count = (ex: Example): number => {
        const base = strictConfig(ex.options ? { [id]: { options: ex.options } } : undefined);
        const config = ex.policy
          ? { ...base, pss: { level: ex.policy.level ?? base.pss.level, minor: parseMinor(ex.policy.version) ?? base.pss.minor } }
          : base;
        return lintText({ path: `doc.${ex.lang}`, uri: `doc.${ex.lang}`, text: ex.code }, config, '2026-11-23').findings
          .filter((f) => f.ruleId === id && !f.suppression).length;
      };
      for (const ex of incorrect) expect(count(ex), `Incorrect example:\n${ex.code}`).toBeGreaterThan(0);
      for (const ex of correct) expect(count(ex), `Correct example:\n${ex.code}`).toBe(0);
    });
  }
});
