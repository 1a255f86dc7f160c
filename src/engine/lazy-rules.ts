/**
 * Rules whose code loads on first need: the generated `rules/lazy.ts` registry holds each rule's
 * meta (a literal, copied by scripts/gen.mjs) and a loader for its module, so a run that reads
 * only Kubernetes YAML never loads the IAM and OKE rules (start-up time of a small run). The
 * engine calls `loadRules` before a rule's hooks run; eager rules (`rules/index.ts`) need nothing.
 */
import type { AnyRule, RuleMeta } from './rule-api.js';

/** The hooks a rule module's definer gives it (`defineRule`: check; `defineProjectRule`: collect, analyze; …). */
export type RuleHook = 'check' | 'collect' | 'analyze' | 'checkStatement' | 'checkOke';

const loaders = new WeakMap<AnyRule, () => Promise<void>>();

/**
 * A registry entry for a rule module loaded by `load`, with the hooks its definer gives. Until
 * `loadRules` loads it, its hooks throw; afterwards they are the module's own (bound to it).
 */
export function lazyRule(meta: RuleMeta<unknown>, hooks: readonly RuleHook[], load: () => Promise<{ default: unknown }>): AnyRule {
  const unloaded = (): never => {
    throw new Error(`rule ${meta.id} ran before its module was loaded`);
  };
  const rule: AnyRule = { meta };
  const slots = rule as unknown as Record<RuleHook, unknown>;
  for (const h of hooks) slots[h] = unloaded;
  let done: Promise<void> | undefined;
  loaders.set(rule, () => (done ??= load().then(({ default: impl }) => {
    const from = impl as Record<RuleHook, unknown>;
    for (const h of hooks) {
      const f = from[h];
      if (typeof f !== 'function') throw new Error(`rule module ${meta.id} has no ${h} hook`);
      slots[h] = (f as (...args: unknown[]) => unknown).bind(impl);
    }
  })));
  return rule;
}

/** Loads the modules of the lazy rules among `rules` (eager rules are skipped). */
export async function loadRules(rules: Iterable<AnyRule>): Promise<void> {
  const pending: Promise<void>[] = [];
  for (const r of rules) {
    const load = loaders.get(r);
    if (load) pending.push(load());
  }
  await Promise.all(pending);
}
