/**
 * The real OKE configuration in ../shared/corpora/oci/oke/, linted as the CLI lints a directory
 * (the strict preset, every rule on): every file lints without error, and the findings are
 * exactly the ones expected from reading each file. The directory is one Terraform module to
 * okelint, as it is to Terraform: the `*.auto.tfvars` file in it feeds the variables of every
 * `.tf` file beside it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint, type LintOutcome } from '../../src/engine/run.js';
import { lintFile } from '../../src/engine/lint-file.js';
import { registry, strictConfig } from '../helpers/registry-config.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIR = new URL('../../../shared/corpora/oci/oke/', import.meta.url).pathname;
const TFVARS = 'oracle-terraform-modules__terraform-oci-oke__examples__cluster__vars-cluster-enhanced.auto.tfvars';
const CLUSTER_TF = 'oracle-terraform-modules__terraform-oci-oke__modules__cluster__cluster.tf';
const NODEPOOLS_TF = 'oracle-terraform-modules__terraform-oci-oke__modules__workers__nodepools.tf';
const PROVIDER_TF = 'oracle__terraform-provider-oci__examples__container_engine__main.tf';
const BOOT_VOLUME_TF = 'oracle__terraform-provider-oci__examples__container_engine__boot_volume_encryption__main.tf';
const LANDING_ZONE_JSON = 'oci-landing-zones__oci-landing-zone-operating-entities__blueprints__multi-oe__service-providers__runtime__mt__shared__oke_npn_cluster_config.json';

let out: LintOutcome;

async function lintCorpus(): Promise<LintOutcome> {
  return lint({
    inputs: [DIR, DIR + TFVARS], cwd: ROOT, registry, overrides: {}, today: '2026-11-23',
    configFile: { path: ROOT + 'fixtures/.virtual-okelint.yaml', preset: 'strict' },
  });
}

/** `line:column level rule/messageId` of every finding in `file`. */
function findingsIn(file: string): string[] {
  return out.findings.filter((f) => f.file.endsWith(file)).map((f) => `${f.start.line}:${f.start.column} ${f.level} ${f.ruleId}/${f.messageId}`);
}

function messageAt(file: string, line: number, ruleId: string): string | undefined {
  return out.findings.find((f) => f.file.endsWith(file) && f.start.line === line && f.ruleId === ruleId)?.message;
}

describe('the OKE corpus', () => {
  it('lints every file without error', async () => {
    out = await lintCorpus();
    expect(out.findings.filter((f) => f.ruleId === 'parse-error' || f.ruleId === 'iam-parse-error')).toEqual([]);
    expect(out.summary.notices).toEqual([]);
    expect(out.summary.filesSkipped).toBe(0);
    expect(out.summary.filesLinted).toBe(6);
    // Eight OKE units: two clusters and a node pool in the boot volume example, a cluster and two
    // node pools in the provider example, the module's cluster, and its two node pools.
    expect(out.summary.objects).toBe(8);
  });

  it(`${CLUSTER_TF}: the module's cluster, with the auto.tfvars beside it`, () => {
    expect(findingsIn(CLUSTER_TF)).toEqual([
      // kms_key_id = coalesce(var.cluster_kms_key_id, "none") != "none" ? var.cluster_kms_key_id : null,
      // and the tfvars set cluster_kms_key_id = null: the expression is null.
      '6:3 warning oke-secrets-kms/empty',
      // is_public_ip_enabled = var.control_plane_is_public && var.assign_public_ip_to_control_plane:
      // the tfvars make the second true, but control_plane_is_public is set nowhere here, so the
      // result is unknown: a note naming it, never a guess.
      '19:5 note oke-public-api-endpoint/unresolved',
      // dynamic "image_policy_config" with for_each = var.use_signed_images ? [1] : [], and the
      // tfvars say use_signed_images = false: no image policy, reported at the dynamic block.
      '24:3 warning oke-image-verification-disabled/noPolicy',
      // type = var.cluster_type = "enhanced" (the module's input spelling): not basic. No add_ons
      // and no admission_controller_options: the defaults (off) apply.
    ]);
    expect(messageAt(CLUSTER_TF, 6, 'oke-secrets-kms')).toBe(`Cluster oci_containerengine_cluster.k8s_cluster leaves kms_key_id empty (null, from var.cluster_kms_key_id in ${TFVARS}): Kubernetes Secrets are encrypted at rest with an Oracle-managed key only; set a customer-managed Vault key.`);
    expect(messageAt(CLUSTER_TF, 19, 'oke-public-api-endpoint')).toBe('Cluster oci_containerengine_cluster.k8s_cluster: whether the Kubernetes API endpoint has a public IP could not be resolved (var.control_plane_is_public is not set in terraform.tfvars or *.auto.tfvars and has no default), so endpoint_config.is_public_ip_enabled was not checked.');
    expect(messageAt(CLUSTER_TF, 24, 'oke-image-verification-disabled')).toContain(`(the dynamic "image_policy_config" block's for_each is empty, from var.use_signed_images in ${TFVARS})`);
  });

  it(`${NODEPOOLS_TF}: two for_each node pools whose settings come from each.value`, () => {
    // Per pool (tfscaled_workers at line 5, autoscaled_workers at line 161): in-transit encryption,
    // the boot volume key and the worker NSGs are each.value.*, known only per pool instance: notes.
    // node_metadata = merge({apiserver_host = var..., oke-kubeproxy-proxy-mode = var..., user_data =
    // lookup(data.cloudinit_config...)}, <conditional on var.cluster_dns>, var.node_metadata,
    // lookup(each.value, ...)): the tfvars' cluster_dns = null makes the conditional {}, the other
    // five parts are unknown, so one note at the first. The pod network: the tfvars' cni_type =
    // "flannel" selects the FLANNEL_OVERLAY block, so no pod NSGs are needed. Subnets are
    // each.value.subnet_id: defined elsewhere, not judged.
    const perPool = (config: number, metadata: number): string[] => [
      `${config}:5 note oke-node-pool-in-transit-encryption/unresolved`,
      `${config + 1}:5 note oke-node-pool-boot-volume-kms/unresolved`,
      `${config + 2}:5 note oke-node-pool-no-nsg/unresolved`,
      `${metadata}:7 note oke-node-metadata-secret/unresolved`,
    ];
    expect(findingsIn(NODEPOOLS_TF)).toEqual([...perPool(19, 69), ...perPool(175, 225)]);
    expect(messageAt(NODEPOOLS_TF, 69, 'oke-node-metadata-secret')).toBe('Node pool oci_containerengine_node_pool.tfscaled_workers: 5 parts of node_metadata could not be resolved (var.apiserver_private_host is not set in terraform.tfvars or *.auto.tfvars and has no default), so they were not checked for credentials.');
    expect(messageAt(NODEPOOLS_TF, 19, 'oke-node-pool-in-transit-encryption')).toContain("(each.value.pv_transit_encryption depends on the resource's for_each)");
  });

  it(`${PROVIDER_TF}: Oracle's provider example`, () => {
    expect(findingsIn(PROVIDER_TF)).toEqual([
      // The cluster (line 202): no endpoint_config (not VCN-native: a public endpoint), no type
      // (basic), no kms_key_id. Its image_policy_config is enabled ("true") with a key from a data
      // source: fine. PSP is false: fine.
      '202:1 warning oke-basic-cluster/unset',
      '202:1 error oke-public-api-endpoint/notVcnNative',
      '202:1 warning oke-secrets-kms/missing',
      // add_ons with "true" strings.
      '224:7 error oke-dashboard-addon/enabled',
      '225:7 error oke-tiller-addon/enabled',
      // test_node_pool (line 241): the deprecated subnet_ids form, no node_config_details: no
      // in-transit encryption, no boot volume key, no NSG. Both subnets are declared in this file
      // without prohibit_public_ip_on_vnic, so the workers get public IPs: one finding per subnet.
      '241:1 warning oke-node-pool-boot-volume-kms/missing',
      '241:1 warning oke-node-pool-in-transit-encryption/unset',
      '241:1 warning oke-node-pool-no-nsg/noNodeConfig',
      '248:25 warning oke-node-pool-public-ip/publicSubnet',
      '248:63 warning oke-node-pool-public-ip/publicSubnet',
      // test_flex_shape_node_pool (line 284): the same, with one subnet.
      '284:1 warning oke-node-pool-boot-volume-kms/missing',
      '284:1 warning oke-node-pool-in-transit-encryption/unset',
      '284:1 warning oke-node-pool-no-nsg/noNodeConfig',
      '291:25 warning oke-node-pool-public-ip/publicSubnet',
    ]);
    expect(messageAt(PROVIDER_TF, 224, 'oke-dashboard-addon')).toBe('Cluster oci_containerengine_cluster.test_cluster enables the Kubernetes Dashboard add-on (options.add_ons.is_kubernetes_dashboard_enabled is "true"): the dashboard lacks extensible authentication and is a common way into a cluster; turn the add-on off.');
    expect(messageAt(PROVIDER_TF, 291, 'oke-node-pool-public-ip')).toContain('subnet oci_core_subnet.nodePool_Subnet_1, whose VNICs may have public IPs (prohibit_public_ip_on_vnic is not set');
  });

  it(`${BOOT_VOLUME_TF}: Oracle's boot volume encryption example`, () => {
    expect(findingsIn(BOOT_VOLUME_TF)).toEqual([
      // The cluster (line 139): as in the provider example, and no image_policy_config at all.
      '139:1 warning oke-basic-cluster/unset',
      '139:1 warning oke-image-verification-disabled/noPolicy',
      '139:1 error oke-public-api-endpoint/notVcnNative',
      '139:1 warning oke-secrets-kms/missing',
      '153:7 error oke-dashboard-addon/enabled',
      '154:7 error oke-tiller-addon/enabled',
      // is_pod_security_policy_enabled = true on kubernetes_version "v1.20.11".
      '159:7 warning oke-psp-admission/reliedOn',
      // The node pool: in-transit encryption comes from the variable's default (true) and the
      // boot volume key is oci_kms_key.test_key.id (set): both fine. node_config_details has no
      // nsg_ids, and its placement subnet nodePool_Subnet_1 has no prohibit_public_ip_on_vnic.
      '191:3 warning oke-node-pool-no-nsg/noWorkerNsg',
      '196:29 warning oke-node-pool-public-ip/publicSubnet',
    ]);
    expect(messageAt(BOOT_VOLUME_TF, 159, 'oke-psp-admission')).toBe('Cluster oci_containerengine_cluster.test_cluster relies on the PodSecurityPolicy admission controller (options.admission_controller_options.is_pod_security_policy_enabled) on Kubernetes v1.20.11: PodSecurityPolicy is deprecated since 1.21 and removed in 1.25, and an upgrade without a migration leaves pods unchecked; migrate to Pod Security Standards (PodSecurity admission) first.');
  });

  it(`${LANDING_ZONE_JSON} and ${TFVARS}: inputs of other modules, nothing to report`, () => {
    // The landing zone's own schema (clusters_configuration / workers_configuration), not API or
    // CLI JSON: no OKE unit, and no Kubernetes object either (one document skipped).
    expect(findingsIn(LANDING_ZONE_JSON)).toEqual([]);
    // Variable values only: they are read through the .tf files above.
    expect(findingsIn(TFVARS)).toEqual([]);
    expect(out.summary.documentsSkipped).toBeGreaterThanOrEqual(1);
    expect(out.findings.filter((f) => !f.file.includes('corpora/oci/oke/'))).toEqual([]);
  });

  it(`${CLUSTER_TF} alone, without the tfvars: what they decided becomes notes naming the variables`, () => {
    const text = readFileSync(DIR + CLUSTER_TF, 'utf8');
    const res = lintFile({ path: CLUSTER_TF, uri: CLUSTER_TF, text }, strictConfig(), '2026-11-23');
    expect(res.findings.map((f) => `${f.start.line}:${f.start.column} ${f.level} ${f.ruleId}/${f.messageId}`)).toEqual([
      '6:3 note oke-secrets-kms/unresolved',
      '9:3 note oke-basic-cluster/unresolved',
      '19:5 note oke-public-api-endpoint/unresolved',
      '25:5 note oke-image-verification-disabled/unresolved',
    ]);
  });
});
