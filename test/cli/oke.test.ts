/**
 * OKE cluster configuration end to end, through the built CLI: Terraform and CLI JSON found by
 * walking a directory, `oci ce ... get` output piped on stdin, exact positions in JSON and SARIF
 * (validated by both validators), secrets never printed in any format, and "one estate, one
 * story": a run over both OKE configuration and Kubernetes manifests lists each layer's rules
 * under it in the text summary.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { okelint, tempDir } from '../helpers/cli.js';
import { runMultitool, validateSarifSchema } from '../helpers/sarif-validate.js';

const CLUSTER_TF = [
  'resource "oci_containerengine_cluster" "prod" {', //  1
  '  compartment_id     = var.compartment_id', //       2
  '  kubernetes_version = "v1.31.1"', //                 3
  '  name               = "prod"', //                    4
  '  vcn_id             = var.vcn_id', //                5
  '  type               = "ENHANCED_CLUSTER"', //        6
  '  kms_key_id         = var.kms_key_id', //            7
  '', //                                                 8
  '  endpoint_config {', //                              9
  '    is_public_ip_enabled = var.public_api', //        10: true in terraform.tfvars
  '    subnet_id            = var.api_subnet_id', //     11
  '  }', //                                              12
  '', //                                                 13
  '  image_policy_config {', //                          14
  '    is_policy_enabled = true', //                     15
  '    key_details {', //                                16
  '      kms_key_id = var.image_key_id', //              17
  '    }', //                                            18
  '  }', //                                              19
  '}', //                                                20
  '',
].join('\n');

const TFVARS = 'public_api   = true\nkms_key_id   = "ocid1.key.oc1..secrets"\nimage_key_id = "ocid1.key.oc1..signing"\n';

const CI_BINDING = [
  'apiVersion: rbac.authorization.k8s.io/v1',
  'kind: ClusterRoleBinding',
  'metadata:',
  '  name: ci-deployers',
  'roleRef:',
  '  apiGroup: rbac.authorization.k8s.io',
  '  kind: ClusterRole',
  '  name: cluster-admin',
  'subjects:',
  '  - apiGroup: rbac.authorization.k8s.io',
  '    kind: Group',
  '    name: ci-pipeline', // 12:11
  '',
].join('\n');

// `oci ce node-pool get` output with a password in the node metadata.
const SECRET = 'Winter2026-registry!';
const NODE_POOL_GET = [
  '{',
  '  "data": {',
  '    "name": "workers",',
  '    "cluster-id": "ocid1.cluster.oc1..example",',
  '    "node-shape": "VM.Standard.E4.Flex",',
  '    "node-config-details": { "size": 3, "is-pv-encryption-in-transit-enabled": true, "kms-key-id": "ocid1.key.oc1..boot", "nsg-ids": ["ocid1.nsg.oc1..w"] },',
  `    "node-metadata": { "registry_password": "${SECRET}" }`, // 7:45
  '  },',
  '  "etag": "e1"',
  '}',
  '',
].join('\n');

interface JsonFinding {
  ruleId: string; messageId: string; message: string; level: string; file: string; line: number; column: number; endLine: number; endColumn: number;
  path: (string | number)[]; object?: { kind: string; name?: string };
}

function brief(f: JsonFinding): string {
  return `${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.level} ${f.ruleId}/${f.messageId}`;
}

let estate: string;
let oke: string;
beforeAll(() => {
  estate = tempDir('okelint-estate-');
  mkdirSync(join(estate, 'infra'));
  mkdirSync(join(estate, 'k8s'));
  writeFileSync(join(estate, 'infra', 'cluster.tf'), CLUSTER_TF);
  writeFileSync(join(estate, 'infra', 'terraform.tfvars'), TFVARS);
  writeFileSync(join(estate, 'k8s', 'ci-binding.yaml'), CI_BINDING);
  oke = tempDir('okelint-oke-');
  writeFileSync(join(oke, 'workers.json'), NODE_POOL_GET);
});

describe('okelint on OKE cluster configuration', () => {
  it('tells one story per layer when a run holds both OKE configuration and Kubernetes manifests', async () => {
    const r = await okelint(['.'], { cwd: estate });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain([
      'Security layers (one estate: OKE cluster configuration and Kubernetes manifests):',
      '  cloud-control   no findings',
      '  cluster-access  2 errors  ← weakest',
      '                  oke-public-api-endpoint     1 error  infra/cluster.tf:10:5',
      '                  rbac-cluster-admin-binding  1 error  k8s/ci-binding.yaml:12:11',
      '  workload        no findings',
      '  supply-chain    no findings',
      '  node            no findings',
      '',
      '✖ 2 problems (2 errors) in 2 files · 2 objects in 2 files linted',
    ].join('\n'));
    expect(r.stdout).toContain('  10:5  error    Cluster oci_containerengine_cluster.prod gives its Kubernetes API endpoint a public IP (endpoint_config.is_public_ip_enabled is true, from var.public_api in terraform.tfvars)');
  });

  it('keeps the plain layer summary for a run over manifests only', async () => {
    const r = await okelint(['k8s'], { cwd: estate });
    expect(r.stdout).toContain('Security layers:\n  cloud-control   no findings\n  cluster-access  1 error  ← weakest\n  workload        no findings\n');
  });

  it('reports JSON found by walking at exact positions, with the node pool as the object', async () => {
    const r = await okelint(['.', '--format', 'json', '--preset', 'strict'], { cwd: oke });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: JsonFinding[]; summary: { filesLinted: number; objects: number } };
    expect(out.findings.map(brief)).toEqual(['workers.json:7:45-7:67 error oke-node-metadata-secret/secret']);
    expect(out.findings[0]).toMatchObject({ object: { kind: 'NodePool', name: 'workers' }, path: ['data', 'node-metadata', 'registry_password'] });
    expect(out.summary).toMatchObject({ filesLinted: 1, objects: 1 });
  });

  it('never prints the secret, in any format', async () => {
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const r = await okelint(['workers.json', '--format', format], { cwd: oke });
      expect(r.code, format).toBe(1);
      expect(r.stdout, format).not.toContain(SECRET);
      expect(r.stdout, format).toContain('registry_password');
    }
    const text = await okelint(['workers.json', '--no-color'], { cwd: oke });
    expect(text.stdout).toContain(`    7 |     "node-metadata": { "registry_password": ${'*'.repeat(SECRET.length + 2)} }`);
  });

  it('reads `oci ce cluster get` output piped on stdin', async () => {
    const cluster = JSON.stringify({ data: { name: 'dev', 'vcn-id': 'v', 'kubernetes-version': 'v1.31.1', type: 'ENHANCED_CLUSTER', 'kms-key-id': 'k', options: { 'add-ons': { 'is-tiller-enabled': 'true' } } } }, null, 2) + '\n';
    const r = await okelint(['-', '--format', 'json'], { cwd: oke, input: cluster });
    expect(r.code).toBe(1);
    // Whole-cluster findings point at the `"name": "dev"` pair (line 3); the flag is on line 10.
    expect((JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.map(brief)).toEqual([
      '<stdin>:3:5-3:18 warning oke-image-verification-disabled/noPolicy',
      '<stdin>:3:5-3:18 error oke-public-api-endpoint/notVcnNative',
      '<stdin>:10:9-10:36 error oke-tiller-addon/enabled',
    ]);
  });

  it('emits SARIF for Terraform and JSON findings that passes both validators', async () => {
    const out = join(estate, 'oke.sarif');
    const r = await okelint(['infra', join(oke, 'workers.json'), '--format', 'sarif', '--output-file', out], { cwd: estate });
    expect(r.code).toBe(1);
    const log = JSON.parse(readFileSync(out, 'utf8')) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { region: Record<string, number> }; logicalLocations?: { fullyQualifiedName: string }[] }[] }[] }[];
    };
    const results = log.runs[0]?.results ?? [];
    expect(results.map((x) => `${x.ruleId}@${x.locations[0]?.physicalLocation.region.startLine}:${x.locations[0]?.physicalLocation.region.startColumn} ${x.locations[0]?.logicalLocations?.[0]?.fullyQualifiedName}`).sort()).toEqual([
      'oke-node-metadata-secret@7:45 NodePool/workers',
      'oke-public-api-endpoint@10:5 Cluster/prod',
    ]);
    expect(readFileSync(out, 'utf8')).not.toContain(SECRET);
    expect(validateSarifSchema(log)).toEqual([]);
    expect((await runMultitool(out)).errors).toEqual([]);
  }, 60_000);
});
