import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { globSync } from 'glob';
import rule from '../../../rules/workload/manifest-schema.js';
import { lintWith } from '../../helpers/rule-tester.js';
it('all', () => {
  for (const f of globSync(['fixtures/**/*.{yaml,yml,json}', 'docs/**/*.yaml', '/work/shared/corpora/peers/**/*.{yaml,yml}', '/work/shared/corpora/oci/**/*.{yaml,yml}'], { cwd: '/work/main' }).sort()) {
    if (f.includes('manifest-schema')) continue;
    let text; try { text = readFileSync(f.startsWith('/') ? f : '/work/main/' + f, 'utf8'); } catch { continue; }
    for (const x of lintWith(rule as never, text)) console.log(`${f}:${x.start.line}:${x.start.column} ${x.message}`);
  }
});
