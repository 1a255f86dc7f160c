/**
 * The OKE views: which JSON goes to the OKE reader, how API and CLI JSON and Terraform become
 * one model (canonical keys, spans of keys and fields, literal or unresolved values with their
 * reasons and origins), and how rules read it.
 */
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/sources/detect.js';
import { parseHcl } from '../../src/sources/hcl/parser.js';
import { tfvarsScope } from '../../src/sources/hcl/tf-scope.js';
import { readOkeJson } from '../../src/oke/json.js';
import { canonicalKey, spellPath } from '../../src/oke/keys.js';
import type { OkeResource } from '../../src/oke/model.js';
import { findAll, kubernetesMinor, labelOf, mapEntries, readAll, readOne, readWithin, type ObjectReading } from '../../src/oke/query.js';
import { decodeBase64, metadataSecret } from '../../src/oke/secrets.js';
import { okeResourcesFromTerraform } from '../../src/oke/terraform.js';

const at = (text: string, span: { start: number; end: number }): string => text.slice(span.start, span.end);

function terraform(text: string, tfvars?: string): OkeResource[] {
  const body = parseHcl(text).body;
  const files = [{ path: 'main.tf', text, body }, ...(tfvars === undefined ? [] : [{ path: 'terraform.tfvars', text: tfvars }])];
  return okeResourcesFromTerraform({ path: 'main.tf', text, body }, tfvarsScope(files));
}

describe('detecting OKE JSON', () => {
  it('sends API and CLI cluster, node pool and virtual node pool JSON to the OKE reader', () => {
    expect(detectFormat('c.json', '{"name": "c", "vcnId": "v", "kubernetesVersion": "v1.31.1"}')).toBe('oke');
    expect(detectFormat('c.json', '{"data": {"name": "c", "vcn-id": "v", "kubernetes-version": "v1.31.1"}, "etag": "e"}')).toBe('oke');
    expect(detectFormat('p.json', '{"data": [{"name": "p", "cluster-id": "c", "node-shape": "s"}]}')).toBe('oke');
    expect(detectFormat('v.json', '[{"displayName": "v", "clusterId": "c", "podConfiguration": {"shape": "s"}}]')).toBe('oke');
  });

  it('leaves Kubernetes JSON, policy JSON and look-alikes where they belong', () => {
    expect(detectFormat('d.json', '{"apiVersion": "v1", "kind": "ConfigMap", "data": {"vcnId": "v", "kubernetesVersion": "1"}}')).toBe('k8s');
    expect(detectFormat('p.json', '{"data": {"name": "p", "statements": ["Allow group A to read buckets in tenancy"]}}')).toBe('iam');
    expect(detectFormat('x.json', '{"vcnId": "v"}')).toBe('k8s');
    expect(detectFormat('x.yaml', 'data:\n  cfg: \'{"vcnId": "v", "kubernetesVersion": "1", "name": "x"}\'\n')).toBe('k8s');
  });

  it('sends a broken .json file with cluster keys to the OKE reader (for its parse error), and reads piped JSON by content', () => {
    expect(detectFormat('c.json', '{"name": "c", "vcnId": "v",, }')).toBe('oke');
    expect(detectFormat('<stdin>', '{"data": {"name": "c", "vcn-id": "v", "kubernetes-version": "v1"}}')).toBe('oke');
    expect(detectFormat('<stdin>', '{"name": "c", "vcnId": "v",, }')).toBe('k8s');
  });
});

describe('the JSON reader', () => {
  it('reads API JSON with camelCase keys, spans of keys, pairs and values', () => {
    const text = '{\n  "name": "prod",\n  "vcnId": "v",\n  "kubernetesVersion": "v1.31.1",\n  "endpointConfig": { "isPublicIpEnabled": true }\n}\n';
    const [r] = readOkeJson('c.json', text).resources;
    expect(r).toMatchObject({ kind: 'cluster', format: 'api', name: 'prod', path: [], repeated: false, listed: false });
    expect(at(text, r?.anchor ?? { start: 0, end: 0 })).toBe('"name": "prod"');
    const flag = readOne(r as OkeResource, 'endpointConfig.isPublicIpEnabled');
    expect(flag).toMatchObject({ state: 'value', value: true, name: 'endpointConfig.isPublicIpEnabled', path: ['endpointConfig', 'isPublicIpEnabled'], origin: '' });
    expect(flag.state === 'value' && [at(text, flag.at.span), at(text, flag.valueAt.span)]).toEqual(['"isPublicIpEnabled": true', 'true']);
  });

  it('reads CLI get and list output (kebab-case under data), node pools and virtual node pools', () => {
    const get = readOkeJson('c.json', '{"data": {"vcn-id": "v", "kubernetes-version": "1", "endpoint-config": {}}, "etag": "e"}');
    expect(get.resources.map((r) => [r.kind, r.format, r.path])).toEqual([['cluster', 'cli', ['data']]]);
    expect(get.resources[0] && at(get.file.text, get.resources[0].anchor)).toBe('"data"');
    const list = readOkeJson('p.json', '{"data": [{"name": "a", "cluster-id": "c", "node-shape": "s"}, {"display-name": "v", "cluster-id": "c", "pod-configuration": {}}, {"other": 1}]}');
    expect(list.resources.map((r) => [r.kind, r.name, r.path, r.listed])).toEqual([['node-pool', 'a', ['data', 0], true], ['virtual-node-pool', 'v', ['data', 1], true]]);
    const items = readOkeJson('p.json', '{"data": {"items": [{"name": "a", "clusterId": "c", "nodeShape": "s"}]}}');
    expect(items.resources.map((r) => [r.kind, r.format, r.path])).toEqual([['node-pool', 'cli', ['data', 'items', 0]]]);
  });

  it('returns syntax errors as problems with positions, and no units', () => {
    const src = readOkeJson('c.json', '{"name": "c", "vcnId": "v",, }');
    expect(src.resources).toEqual([]);
    expect(src.problems.length).toBeGreaterThan(0);
    expect(src.problems[0]?.span.start).toBe(27);
  });

  it('maps a character of an escaped JSON string back to its raw offset', () => {
    const text = '{"name": "p", "clusterId": "c", "nodeShape": "s", "nodeMetadata": {"user_data": "a\\u0062c"}}';
    const [r] = readOkeJson('p.json', text).resources;
    const entries = mapEntries(readOne(r as OkeResource, 'nodeMetadata')).entries;
    expect(entries.map((e) => e.value)).toEqual(['abc']);
    const span = entries[0]?.locate?.(1, 3);
    expect(span && at(text, span)).toBe('\\u0062c');
  });
});

describe('the Terraform view', () => {
  it('reads attributes and blocks in canonical keys, skips meta-arguments, and keeps tfvars origins at the .tf attribute', () => {
    const text = 'resource "oci_containerengine_cluster" "c" {\n  count = 1\n  type = var.t\n  options {\n    add_ons {\n      is_tiller_enabled = "true"\n    }\n  }\n  lifecycle {\n    ignore_changes = [type]\n  }\n}\n';
    const [r] = terraform(text, 't = "BASIC_CLUSTER"\n');
    expect(r).toMatchObject({ kind: 'cluster', format: 'terraform', name: 'c', repeated: true });
    expect(r?.root.fields.map((f) => f.key)).toEqual(['type', 'options']);
    const type = readOne(r as OkeResource, 'type');
    expect(type).toMatchObject({ state: 'value', value: 'BASIC_CLUSTER', origin: ', from var.t in terraform.tfvars' });
    expect(type.state === 'value' && at(text, type.at.span)).toBe('type = var.t');
    expect(readOne(r as OkeResource, 'options.addOns.isTillerEnabled')).toMatchObject({ state: 'value', value: 'true', name: 'options.add_ons.is_tiller_enabled' });
    expect(labelOf(r as OkeResource)).toBe('Cluster oci_containerengine_cluster.c');
  });

  it('expands dynamic blocks with their iterator, records empty ones as absent and unknown ones as unresolved', () => {
    const text = [
      'resource "oci_containerengine_node_pool" "p" {',
      '  node_config_details {',
      '    dynamic "placement_configs" {',
      '      for_each = var.ads',
      '      iterator = ad',
      '      content {',
      '        availability_domain = ad.value',
      '      }',
      '    }',
      '    dynamic "node_pool_pod_network_option_details" {',
      '      for_each = var.none',
      '      content {',
      '        cni_type = "OCI_VCN_IP_NATIVE"',
      '      }',
      '    }',
      '  }',
      '  dynamic "initial_node_labels" {',
      '    for_each = var.labels',
      '    content {',
      '      key = initial_node_labels.key',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const [r] = terraform(text, 'ads = ["AD-1", "AD-2"]\nnone = []\n');
    const res = r as OkeResource;
    expect(readAll(res, 'nodeConfigDetails.placementConfigs.availabilityDomain').map((x) => x.state === 'value' && x.value)).toEqual(['AD-1', 'AD-2']);
    const absent = readOne(res, 'nodeConfigDetails.nodePoolPodNetworkOptionDetails');
    expect(absent).toMatchObject({ state: 'missing', why: 'the dynamic "node_pool_pod_network_option_details" block\'s for_each is empty, from var.none in terraform.tfvars' });
    expect(absent.state === 'missing' && at(text, absent.at.span)).toBe('dynamic "node_pool_pod_network_option_details"');
    const unknown = readOne(res, 'initialNodeLabels.key');
    expect(unknown).toMatchObject({ state: 'unresolved', reason: 'the dynamic "initial_node_labels" block\'s for_each: var.labels is not set in terraform.tfvars or *.auto.tfvars and has no default' });
    expect(unknown.state === 'unresolved' && at(text, unknown.at.span)).toBe('for_each = var.labels');
  });

  it('marks references to other resources as set, reads node_metadata entry by entry, and judges subnets of the same file', () => {
    const text = [
      'resource "oci_core_subnet" "pub" {',
      '  cidr_block = "10.0.0.0/24"',
      '}',
      'resource "oci_core_subnet" "priv" {',
      '  prohibit_internet_ingress = true',
      '}',
      'resource "oci_containerengine_node_pool" "p" {',
      '  subnet_ids = [oci_core_subnet.pub.id, oci_core_subnet.priv.id]',
      '  node_config_details {',
      '    kms_key_id = data.oci_kms_keys.k.keys[0].id',
      '  }',
      '  node_metadata = merge({ a = "1", b = var.b }, var.more, { c = "3" })',
      '}',
      '',
    ].join('\n');
    const [r] = terraform(text);
    const res = r as OkeResource;
    const subnets = readOne(res, 'subnetIds');
    expect(subnets.state === 'unresolved' && subnets.references.map((x) => [x.type, x.name, at(text, x.span)])).toEqual([
      ['oci_core_subnet', 'pub', 'oci_core_subnet.pub.id'], ['oci_core_subnet', 'priv', 'oci_core_subnet.priv.id'],
    ]);
    expect([...res.subnets.values()].map((s) => [s.name, s.publicIps, s.because])).toEqual([
      ['pub', 'allowed', 'prohibit_public_ip_on_vnic is not set, and OCI then lets VNICs in the subnet have public IPs'],
      ['priv', 'prohibited', 'prohibit_internet_ingress = true'],
    ]);
    const key = readOne(res, 'nodeConfigDetails.kmsKeyId');
    expect(key.state === 'unresolved' && key.references.map((x) => x.type)).toEqual(['data.oci_kms_keys']);
    const md = mapEntries(readOne(res, 'nodeMetadata'));
    expect(md.entries.map((e) => [e.name, e.value, at(text, e.valueAt.span)])).toEqual([['a', '1', '1'], ['c', '3', '3']]);
    expect(md.unresolved.map((u) => u.reason)).toEqual([
      'var.b is not set in terraform.tfvars or *.auto.tfvars and has no default',
      'var.more is not set in terraform.tfvars or *.auto.tfvars and has no default',
    ]);
  });

  it('reads only the three OKE resource types', () => {
    const text = 'resource "oci_containerengine_virtual_node_pool" "v" {\n  display_name = "v"\n}\nresource "oci_core_vcn" "n" {}\ndata "oci_containerengine_cluster" "c" {}\n';
    expect(terraform(text).map((r) => [r.kind, r.name])).toEqual([['virtual-node-pool', 'v']]);
  });
});

describe('reading fields', () => {
  const text = '{"name": "p", "clusterId": "c", "nodeShape": "s", "nodeConfigDetails": {"placementConfigs": [{"subnetId": "a"}, {"subnetId": "b"}], "secondaryVnics": [{"createVnicDetails": {"assignPublicIp": true}}]}}';
  const [r] = readOkeJson('p.json', text).resources;
  const res = r as OkeResource;

  it('walks arrays of objects, within an object read before, and anywhere by name', () => {
    expect(readAll(res, 'nodeConfigDetails.placementConfigs.subnetId').map((x) => x.name)).toEqual(['nodeConfigDetails.placementConfigs[0].subnetId', 'nodeConfigDetails.placementConfigs[1].subnetId']);
    const second = readAll(res, 'nodeConfigDetails.placementConfigs')[1] as ObjectReading;
    expect(readWithin(second, 'subnetId').map((x) => x.state === 'value' && x.value)).toEqual(['b']);
    expect(findAll(res, 'assignPublicIp').map((x) => x.path)).toEqual([['nodeConfigDetails', 'secondaryVnics', 0, 'createVnicDetails', 'assignPublicIp']]);
  });

  it('points a missing field at the nearest enclosing key', () => {
    const m = readOne(res, 'nodeConfigDetails.kmsKeyId');
    expect(m.state === 'missing' && at(text, m.at.span)).toBe('"nodeConfigDetails"');
    const top = readOne(res, 'nodeMetadata.user_data');
    expect(top.state === 'missing' && at(text, top.at.span)).toBe('"name": "p"');
  });

  it('spells paths in each form and reads Kubernetes versions', () => {
    expect(spellPath('nodeSourceDetails.bootVolumeSizeInGBs', 'terraform')).toBe('node_source_details.boot_volume_size_in_gbs');
    expect(spellPath('endpointConfig.isPublicIpEnabled', 'cli')).toBe('endpoint-config.is-public-ip-enabled');
    expect(canonicalKey('boot-volume-size-in-gbs')).toBe(canonicalKey('bootVolumeSizeInGBs'));
    expect([kubernetesMinor('v1.20.11'), kubernetesMinor('1.30'), kubernetesMinor('latest'), kubernetesMinor(25)]).toEqual([20, 30, undefined, undefined]);
  });
});

describe('secrets in node metadata', () => {
  it('judges entries by name and content, never returning the value', () => {
    expect(metadataSecret('DB_PASSWORD', 'hunter2-prod')).toEqual({ kind: 'a password', where: '' });
    expect(metadataSecret('DB_PASSWORD', '${DB_PASSWORD}')).toBeUndefined();
    expect(metadataSecret('password_secret', 'ocid1.vaultsecret.oc1.iad.amaaaaaa')).toBeUndefined();
    expect(metadataSecret('notes', '-----BEGIN OPENSSH PRIVATE KEY-----')).toEqual({ kind: 'a private key', where: '' });
    expect(JSON.stringify(metadataSecret('DB_PASSWORD', 'hunter2-prod'))).not.toContain('hunter2');
  });

  it('reads user_data line by line, decoded from base64, with the range of a secret written in plain text', () => {
    const plain = '#!/bin/sh\nexport API_TOKEN=abc123def456\n';
    expect(metadataSecret('user_data', plain)).toEqual({ kind: 'a token', where: ' (line 2 of the user_data, API_TOKEN)', range: [27, 39] });
    expect(plain.slice(27, 39)).toBe('abc123def456');
    const encoded = Buffer.from('#cloud-config\nchpasswd:\n  list: |\n    root:x\n  password: Sup3r-Secret-Pw\n').toString('base64');
    expect(metadataSecret('user_data', encoded)).toEqual({ kind: 'a password', where: ' (line 5 of the decoded user_data, password)' });
    expect(metadataSecret('user_data', Buffer.from('#!/bin/sh\necho hello\n').toString('base64'))).toBeUndefined();
  });

  it('decodes only what is base64 text', () => {
    expect(decodeBase64(Buffer.from('echo hi\n').toString('base64'))).toEqual({ text: 'echo hi\n', encoded: true });
    expect(decodeBase64('echo hi')).toEqual({ text: 'echo hi', encoded: false });
    expect(decodeBase64(Buffer.from([0, 1, 2, 250, 251, 252, 253, 254]).toString('base64')).encoded).toBe(false);
  });
});
