/**
 * GitHub integration: the composite action (action.yml) and the example workflow carry the
 * keys GitHub requires, and their scripts run here as the runner would run them; SARIF
 * `automationDetails` appears only with --sarif-category and passes both validators; `--format
 * github` escapes what the runner would otherwise read as command syntax.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, okelint, ROOT, tempDir } from '../helpers/cli.js';
import { runMultitool, validateSarifSchema } from '../helpers/sarif-validate.js';

interface Step { id?: string; name?: string; uses?: string; run?: string; shell?: string; if?: string; env?: Record<string, string>; with?: Record<string, unknown>; 'working-directory'?: string }
interface Action {
  name: string; description: string; branding?: unknown;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}
interface Workflow {
  name: string; on: Record<string, unknown>; permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; permissions: Record<string, string>; steps: Step[] }>;
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const workflow = parse(readFileSync(join(ROOT, 'examples', 'github', 'okelint.yml'), 'utf8')) as Workflow;

const BAD = `apiVersion: v1
kind: Pod
metadata:
  name: bad
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

function stepNamed(steps: readonly Step[], name: string): Step {
  const step = steps.find((s) => s.name === name);
  if (!step) throw new Error(`no step "${name}"`);
  return step;
}

/** Runs a `run:` script as the Actions runner does (`bash -e -o pipefail`), with its env and the runner's files. */
function runStep(step: Step, cwd: string, env: Record<string, string>): { code: number | null; stdout: string; stderr: string; outputs: Record<string, string> } {
  const outputFile = join(tempDir('okelint-gh-output-'), 'output');
  writeFileSync(outputFile, '');
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''], {
    cwd, encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: outputFile, ...env },
  });
  const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs };
}

/** The step's env with each `${{ inputs.x }}` replaced by the value given (or the input's default). */
function envFor(step: Step, given: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => {
    const m = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(v);
    return [k, m?.[1] ? (given[m[1]] ?? action.inputs[m[1]]?.default ?? '') : v];
  }));
}

describe('action.yml (composite action)', () => {
  it('has the metadata GitHub requires', () => {
    expect(action.name).toBe('okelint');
    expect(action.description.length).toBeGreaterThan(20);
    expect(action.description.length).toBeLessThanOrEqual(125 * 2);
    expect(action.runs.using).toBe('composite');
    for (const [id, input] of Object.entries(action.inputs)) {
      expect(input.description, id).toEqual(expect.any(String));
      expect(typeof (input.default ?? ''), id).toBe('string');
    }
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'format', 'preset', 'fail-level', 'sarif-file', 'category', 'config', 'args', 'upload']));
    // Composite outputs need a value, taken from a step that exists.
    const ids = new Set(action.runs.steps.map((s) => s.id).filter(Boolean));
    for (const [name, out] of Object.entries(action.outputs)) {
      const m = /^\$\{\{ steps\.([\w-]+)\.outputs\.[\w-]+ \}\}$/.exec(out.value);
      expect(m && ids.has(m[1]), name).toBe(true);
    }
  });

  it('gives every run step a shell, and never splices an input into a script', () => {
    for (const step of action.runs.steps) {
      expect(step.run !== undefined || step.uses !== undefined, step.name).toBe(true);
      if (step.run === undefined) continue;
      expect(step.shell, step.name).toBe('bash');
      expect(step.run, step.name).not.toMatch(/\$\{\{/);
      for (const used of step.run.matchAll(/\$\{?(OKELINT_[A-Z_]+)/g)) expect(Object.keys(step.env ?? {}), step.name).toContain(used[1]);
    }
    for (const value of action.runs.steps.flatMap((s) => Object.values(s.env ?? {}))) {
      const m = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(value);
      if (m?.[1]) expect(Object.keys(action.inputs)).toContain(m[1]);
    }
  });

  it('uploads the SARIF file with github/codeql-action/upload-sarif, only for SARIF output', () => {
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.uses).toBe('github/codeql-action/upload-sarif@v3');
    expect(upload?.with?.sarif_file).toBe('${{ steps.lint.outputs.sarif-file }}');
    expect(upload?.if).toBe("${{ inputs.format == 'sarif' && inputs.upload == 'true' }}");
  });

  it('its lint step writes SARIF with the category, records the exit code, and lets findings reach the upload', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), BAD);
    const lint = stepNamed(action.runs.steps, 'Run okelint');
    const r = runStep(lint, dir, envFor(lint, { paths: 'bad.yaml', category: 'okelint/k8s' }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs).toEqual({ 'sarif-file': 'okelint.sarif', 'exit-code': '1' });
    const log = JSON.parse(readFileSync(join(dir, 'okelint.sarif'), 'utf8')) as { runs: { automationDetails?: { id: string }; results: { ruleId: string }[] }[] };
    expect(log.runs[0]?.automationDetails).toEqual({ id: 'okelint/k8s/' });
    expect(log.runs[0]?.results.map((x) => x.ruleId)).toContain('privileged-container');

    const fail = stepNamed(action.runs.steps, 'Fail on findings at the fail level');
    const f = runStep(fail, dir, { ...envFor(fail, {}), OKELINT_EXIT_CODE: '1' });
    expect(f.code).toBe(1);
    expect(f.stdout).toBe('::error title=okelint::findings at or above --fail-level error (exit code 1)\n');
  });

  it('its lint step stops on a usage error, and prints annotations for --format github', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), BAD);
    const lint = stepNamed(action.runs.steps, 'Run okelint');
    const missing = runStep(lint, dir, envFor(lint, { paths: 'nowhere.yaml' }));
    expect(missing.code).toBe(2);
    expect(missing.outputs['exit-code']).toBe('2');
    const gh = runStep(lint, dir, envFor(lint, { paths: 'bad.yaml', format: 'github', args: '--rule image-no-digest=off' }));
    expect(gh.code).toBe(0);
    expect(gh.outputs).toEqual({ 'exit-code': '1' });
    expect(gh.stdout).toContain('::error file=bad.yaml,line=10,endLine=10,col=21,endColumn=24,title=privileged-container::');
    expect(gh.stdout).not.toContain('image-no-digest');
  });
});

describe('examples/github/okelint.yml', () => {
  const job = workflow.jobs.okelint;

  it('is a workflow GitHub accepts, with the upload permission', () => {
    expect(workflow.name).toBe('okelint');
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request']);
    expect(job?.['runs-on']).toBe('ubuntu-latest');
    expect(job?.permissions).toEqual({ contents: 'read', 'security-events': 'write', actions: 'read' });
    for (const step of job?.steps ?? []) expect(step.run !== undefined || step.uses !== undefined, step.name).toBe(true);
    expect(job?.steps[0]?.uses).toBe('actions/checkout@v4');
  });

  it('uploads the file its lint step writes', () => {
    const steps = job?.steps ?? [];
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.uses).toBe('github/codeql-action/upload-sarif@v3');
    const lint = stepNamed(steps, 'Lint');
    const out = /--output-file (\S+)/.exec(lint.run ?? '')?.[1];
    expect(out).toBeDefined();
    expect(upload?.with?.sarif_file).toBe(out);
  });

  it('its lint and annotate commands run as written (okelint on PATH)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), BAD);
    const onPath = `okelint() { node ${JSON.stringify(BIN)} "$@"; }\n`;
    const run = (step: Step) => spawnSync('bash', ['-eo', 'pipefail', '-c', onPath + (step.run ?? '')], { cwd: dir, encoding: 'utf8' });
    const lint = run(stepNamed(job?.steps ?? [], 'Lint'));
    expect(lint.status, lint.stderr).toBe(0);
    const log = JSON.parse(readFileSync(join(dir, 'okelint.sarif'), 'utf8')) as unknown;
    expect(validateSarifSchema(log)).toEqual([]);
    const annotate = run(stepNamed(job?.steps ?? [], 'Annotate and fail on errors'));
    expect(annotate.status).toBe(1);
    expect(annotate.stdout).toMatch(/^::error file=bad\.yaml,line=10,/m);
  });
});

describe('--sarif-category', () => {
  it('sets automationDetails.id (ending in /) and passes the schema and the multitool', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), BAD);
    const r = await okelint(['bad.yaml', '--format', 'sarif', '--sarif-category', 'okelint/k8s', '-o', 'out.sarif'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as { runs: { automationDetails?: unknown }[] };
    expect(log.runs[0]?.automationDetails).toEqual({ id: 'okelint/k8s/' });
    expect(validateSarifSchema(log)).toEqual([]);
    const report = await runMultitool(join(dir, 'out.sarif'));
    expect(report.errors).toEqual([]);
  }, 60_000);

  it('is absent by default, kept as given when it ends in /, and needs --format sarif', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), BAD);
    const plain = await okelint(['bad.yaml', '--format', 'sarif'], { cwd: dir });
    expect(JSON.parse(plain.stdout)).not.toHaveProperty('runs.0.automationDetails');
    const slash = await okelint(['bad.yaml', '--format', 'sarif', '--sarif-category', 'scan/'], { cwd: dir });
    expect((JSON.parse(slash.stdout) as { runs: { automationDetails?: unknown }[] }).runs[0]?.automationDetails).toEqual({ id: 'scan/' });
    const text = await okelint(['bad.yaml', '--sarif-category', 'scan'], { cwd: dir });
    expect(text.code).toBe(2);
    expect(text.stderr).toBe('okelint: --sarif-category needs --format sarif\n');
    const spaced = await okelint(['bad.yaml', '--format', 'sarif', '--sarif-category', 'a b'], { cwd: dir });
    expect(spaced.code).toBe(2);
    expect(spaced.stderr).toBe('okelint: --sarif-category takes a category without spaces, e.g. okelint/k8s (got "a b")\n');
  });
});

describe('--format github', () => {
  it('escapes file names and messages so the runner reads one command per finding', () => {
    const dir = tempDir();
    const name = 'a,b:c%d.yaml';
    writeFileSync(join(dir, name), BAD.replace('name: app', 'name: "x%0A::warning::y"'));
    const out = execFileSync(process.execPath, [BIN, name, '--format', 'github', '--fail-level', 'none'], { cwd: dir, encoding: 'utf8' });
    const lines = out.trimEnd().split('\n');
    expect(lines.every((l) => /^::(error|warning|notice) file=a%2Cb%3Ac%25d\.yaml,line=\d+,endLine=\d+(,col=\d+,endColumn=\d+)?,title=[a-z-]+::/.test(l))).toBe(true);
    const privileged = lines.find((l) => l.includes('title=privileged-container'));
    expect(privileged).toBe('::error file=a%2Cb%3Ac%25d.yaml,line=10,endLine=10,col=21,endColumn=24,title=privileged-container::'
      + 'Container "x%250A::warning::y" sets securityContext.privileged: true; baseline allows only false or unset: a compromise of it is a compromise of the node.');
  });
});
