/**
 * Bad OKE input never crashes the engine: generated cluster and node-pool JSON (API and CLI
 * spellings, any value where a boolean, list or map is expected, cut at random points) and
 * generated Terraform come back as findings with positions inside the file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintFile } from '../../src/engine/lint-file.js';
import { strictConfig } from '../helpers/registry-config.js';

const config = strictConfig();

function check(path: string, text: string): void {
  const { findings } = lintFile({ path, uri: path, text }, config, '2026-11-23');
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const f of findings) {
    expect(f.start.line).toBeGreaterThanOrEqual(1);
    expect(f.start.line).toBeLessThanOrEqual(lines);
    expect(f.start.column).toBeGreaterThanOrEqual(1);
    expect(f.span.end).toBeLessThanOrEqual(text.length);
  }
}

const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('true', 'false', true, false, null, [], {}, 'v1.24.1', 'BASIC_CLUSTER'));
const cluster = fc.record({
  name: fc.string({ maxLength: 6 }), vcnId: fc.constant('v'), kubernetesVersion: anyValue, type: anyValue, kmsKeyId: anyValue,
  endpointConfig: fc.oneof(anyValue, fc.record({ isPublicIpEnabled: anyValue, nsgIds: anyValue })),
  imagePolicyConfig: fc.oneof(anyValue, fc.record({ isPolicyEnabled: anyValue, keyDetails: fc.oneof(anyValue, fc.array(fc.record({ kmsKeyId: anyValue }), { maxLength: 2 })) })),
  options: fc.oneof(anyValue, fc.record({ addOns: fc.oneof(anyValue, fc.record({ isKubernetesDashboardEnabled: anyValue, isTillerEnabled: anyValue })), admissionControllerOptions: anyValue })),
  endpoints: anyValue,
}, { requiredKeys: ['vcnId', 'kubernetesVersion'] });
const nodePool = fc.record({
  name: fc.string({ maxLength: 6 }), clusterId: fc.constant('c'), nodeShape: fc.constant('s'),
  nodeConfigDetails: fc.oneof(anyValue, fc.record({ isPvEncryptionInTransitEnabled: anyValue, kmsKeyId: anyValue, nsgIds: anyValue, nodePoolPodNetworkOptionDetails: anyValue, placementConfigs: anyValue })),
  nodeMetadata: fc.oneof(anyValue, fc.dictionary(fc.constantFrom('user_data', 'db_password', 'x'), anyValue)),
  nodes: fc.oneof(anyValue, fc.array(fc.record({ publicIp: anyValue }), { maxLength: 2 })),
}, { requiredKeys: ['clusterId', 'nodeShape'] });

const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
function toCli(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toCli);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [kebab(k), toCli(x)]));
}

const tfValue = fc.constantFrom('true', '"true"', 'false', 'null', 'var.x', 'each.value.y', 'local.z', '[var.a, "b"]', 'oci_kms_key.k.id', '{ a = "b" }', 'merge({ db_password = "hunter2hunter2" }, var.m)', '(', '"${var.a}"');
const tfBlock = fc.tuple(
  fc.constantFrom('oci_containerengine_cluster', 'oci_containerengine_node_pool', 'oci_containerengine_virtual_node_pool'),
  fc.array(fc.tuple(fc.constantFrom('is_public_ip_enabled', 'kms_key_id', 'type', 'nsg_ids', 'node_metadata', 'is_pv_encryption_in_transit_enabled'), tfValue), { maxLength: 4 }),
  fc.constantFrom('endpoint_config', 'node_config_details', 'options', 'image_policy_config'),
  fc.boolean(),
).map(([type, attrs, block, dynamic]) => {
  const body = attrs.map(([k, v]) => `    ${k} = ${v}`).join('\n');
  const inner = dynamic ? `  dynamic "${block}" {\n    for_each = var.on ? [1] : []\n    content {\n${body}\n    }\n  }` : `  ${block} {\n${body}\n  }`;
  return `resource "${type}" "r" {\n${attrs.map(([k, v]) => `  ${k} = ${v}`).join('\n')}\n${inner}\n}\n`;
});

describe('OKE robustness (fast-check)', () => {
  it('never throws on generated API and CLI JSON, whole or cut', () => {
    fc.assert(fc.property(fc.oneof(cluster, nodePool), fc.boolean(), fc.nat(), (unit, cli, cut) => {
      const text = JSON.stringify(cli ? { data: toCli(unit) } : unit, null, 2);
      check('c.json', text);
      check('c.json', text.slice(0, cut % (text.length + 1)));
    }), { numRuns: 300 });
  });

  it('never throws on generated Terraform, whole or cut', () => {
    fc.assert(fc.property(tfBlock, fc.nat(), (text, cut) => {
      check('main.tf', text);
      check('main.tf', text.slice(0, cut % (text.length + 1)));
    }), { numRuns: 300 });
  });

  it('stops at 256 levels of nesting with a parse error at the bracket, again and again', () => {
    const deep = `{"name": "c", "vcnId": "v", "kubernetesVersion": "1", "options": ${'{"a": '.repeat(20000)}1${'}'.repeat(20000)}}`;
    for (let i = 0; i < 3; i++) {
      const { findings } = lintFile({ path: 'c.json', uri: 'c.json', text: deep }, config, '2026-11-23');
      expect(findings.map((f) => `${f.ruleId} ${f.start.line}:${f.start.column}`)).toEqual(['parse-error 1:1596']);
      expect(findings[0]?.message).toContain('nested deeper than 256 levels');
    }
    const ok = `{"name": "c", "vcnId": "v", "kubernetesVersion": "1", "options": ${'{"a": '.repeat(254)}1${'}'.repeat(254)}}`;
    expect(lintFile({ path: 'c.json', uri: 'c.json', text: ok }, config, '2026-11-23').findings.filter((f) => f.ruleId === 'parse-error')).toEqual([]);
  });
});
