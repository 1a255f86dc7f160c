/**
 * Baselines: `--write-baseline F` records the current findings by their line-independent
 * fingerprints; `--baseline F` then reports only findings that are not in it, so a team can
 * adopt okelint on an existing repository and fail only on new problems.
 */
import { readFileSync } from 'node:fs';
import type { Finding } from './types.js';

export interface BaselineEntry {
  readonly ruleId: string;
  readonly uri: string;
  readonly fingerprint: string;
}

export interface BaselineFile {
  readonly version: 1;
  readonly tool: 'okelint';
  readonly findings: readonly BaselineEntry[];
}

const key = (e: BaselineEntry): string => `${e.ruleId}\u0000${e.uri}\u0000${e.fingerprint}`;

/** The baseline of `findings` (unsuppressed ones), sorted for stable diffs. */
export function toBaseline(findings: readonly Finding[]): BaselineFile {
  const entries = findings.filter((f) => !f.suppression).map((f) => ({ ruleId: f.ruleId, uri: f.uri, fingerprint: f.fingerprint }));
  entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return { version: 1, tool: 'okelint', findings: entries };
}

/** Reads a baseline file; throws an Error with a one-line reason when it is not one. */
export function readBaseline(path: string): BaselineFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read baseline ${path}: ${e instanceof Error ? e.message.split('\n', 1)[0] : String(e)}`, { cause: e });
  }
  const file = data as Partial<BaselineFile>;
  const ok = file.version === 1 && Array.isArray(file.findings)
    && file.findings.every((e) => typeof e?.ruleId === 'string' && typeof e.uri === 'string' && typeof e.fingerprint === 'string');
  if (!ok) throw new Error(`${path} is not an okelint baseline (version 1)`);
  return file as BaselineFile;
}

/** Marks findings in the baseline as suppressed; returns how many baseline entries matched nothing. */
export function applyBaseline(findings: readonly Finding[], baseline: BaselineFile): { findings: Finding[]; stale: number } {
  const known = new Set(baseline.findings.map(key));
  const matched = new Set<string>();
  const out = findings.map((f) => {
    if (f.suppression) return f;
    const k = key(f);
    if (!known.has(k)) return f;
    matched.add(k);
    return { ...f, suppression: { kind: 'baseline' as const, justification: 'in the baseline' } };
  });
  return { findings: out, stale: known.size - matched.size };
}
