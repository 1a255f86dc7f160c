/**
 * Known OCI IAM verbs, resource families and individual resource types.
 *
 * Sources (see shared/reference/oci-iam.md §1a.5–1a.6): the families listed in the OCI Policy
 * Reference, the IAM types of "Details for IAM with Identity Domains", and every resource-type
 * token in the Oracle corpora under shared/corpora/oci (singular and plural forms both occur,
 * e.g. `bucket`/`buckets`). Services keep adding types, so an unknown type is only questionable
 * (`iam-questionable-syntax`), never a parse error. All names are lower-case.
 */
import { VERBS, type Verb } from './ast.js';

export { VERBS, type Verb };

/** Verbs are cumulative: each includes the permissions of the ones before it. */
export function verbRank(verb: Verb): number {
  return VERBS.indexOf(verb);
}

/** Covers every resource in the compartment or tenancy. */
export const ALL_RESOURCES = 'all-resources';

/** Aggregate ("family") resource types. */
export const RESOURCE_FAMILIES: ReadonlySet<string> = new Set([
  // Policy Reference
  'appmgmt-family', 'cluster-family', 'compute-management-family', 'data-catalog-family',
  'data-science-family', 'database-family', 'datasafe-family-resources', 'email-family',
  'file-family', 'instance-agent-command-family', 'instance-agent-family', 'instance-family',
  'object-family', 'optimizer-api-family', 'stack-monitoring-family', 'virtual-network-family',
  'volume-family',
  // Service pages and the corpora
  'accountmanagement-family', 'ai-service-document-family', 'ai-service-language-family',
  'ai-service-speech-family', 'ai-service-vision-family', 'api-gateway-family',
  'autonomous-database-family', 'bastion-family', 'cloud-guard-family', 'data-safe-assessment-family',
  'data-safe-family', 'dbmgmt-family', 'desktop-pool-family', 'devops-family',
  'external-database-family', 'function-family', 'functions-family', 'generative-ai-family',
  'instance-agent-command-execution-family', 'key-family', 'leaf-certificate-family',
  'loganalytics-features-family', 'loganalytics-resources-family', 'logging-family',
  'management-dashboard-family', 'mysql-family', 'network-firewall-family', 'nosql-family',
  'oda-family', 'ons-family', 'opensearch-family', 'operator-control-family', 'opsi-family',
  'orm-family', 'secret-family', 'stream-family', 'threat-intel-family', 'vss-family',
  'waas-family', 'waf-family',
]);

/** IAM resource types (IAM has no family type). */
export const IAM_RESOURCE_TYPES: ReadonlySet<string> = new Set([
  'authentication-policies', 'compartments', 'credentials', 'domains', 'dynamic-groups', 'groups',
  'iamworkrequest', 'identity-providers', 'network-sources', 'policies', 'tag-defaults',
  'tag-namespaces', 'tenancies', 'users', 'workrequest',
]);

/** Individual resource types: core services named in the reference, plus every type in the corpora. */
export const RESOURCE_TYPES: ReadonlySet<string> = new Set([
  // Compute, block and file storage, networking, object storage, OKE, vault, functions
  'instances', 'instance-images', 'instance-configurations', 'instance-pools', 'instance-console-connection',
  'console-histories', 'app-catalog-listing', 'volumes', 'volume-attachments', 'volume-backups',
  'boot-volume-backups', 'volume-groups', 'volume-group-backups', 'file-systems', 'mount-targets',
  'export-sets', 'vcns', 'subnets', 'route-tables', 'security-lists', 'network-security-groups',
  'dhcp-options', 'internet-gateways', 'nat-gateways', 'service-gateways', 'local-peering-gateways',
  'local-peering-from', 'local-peering-to', 'remote-peering-connections', 'remote-peering-from',
  'remote-peering-to', 'drgs', 'cpes', 'ipsec-connections', 'cross-connects', 'virtual-circuits',
  'vnics', 'vnic-attachments', 'private-ips', 'public-ips', 'ipv6s', 'vlans', 'buckets', 'objects',
  'objectstorage-namespaces', 'clusters', 'cluster-node-pools', 'cluster-work-requests', 'vaults',
  'keys', 'key-delegate', 'secrets', 'secret-bundles', 'fn-app', 'fn-function', 'fn-invocation',
  'orm-stacks', 'orm-jobs', 'repos', 'stream-pools',
  // Observed in the corpora
  'agcs-instance', 'alarms', 'all-artifacts', 'announcement-subscriptions', 'announcements',
  'audit-configuration', 'audit-events', 'auto-scaling-configurations', 'autonomous-backups',
  'autonomous-container-databases', 'autonomous-databases', 'autonomous-vmclusters', 'backups',
  'bastion', 'bastion-session', 'bucket', 'cabundle-associations', 'cabundles', 'capture-filters',
  'certificate-associations', 'certificate-authorities', 'certificate-authority-associations',
  'certificate-authority-bundle', 'certificate-authority-bundles', 'certificate-authority-delegates',
  'cloud-exadata-infrastructures', 'cloud-guard-targets', 'cloud-shell', 'cloud-shell-public-network',
  'cloud-vmclusters', 'cloudevents-rules', 'cluster', 'compute-bare-metal-hosts',
  'compute-capacity-reports', 'compute-capacity-reservations', 'compute-clusters',
  'compute-container-instances', 'compute-global-image-capability-schema', 'compute-gpu-memory-fabrics',
  'compute-hpc-islands', 'compute-image-capability-schema', 'compute-local-blocks',
  'compute-network-blocks', 'data-safe-alerts', 'data-safe-report-definitions', 'data-safe-reports',
  'database-software-image', 'databases', 'db-backups', 'db-homes', 'db-nodes', 'db-systems',
  'dbmgmt-private-endpoints', 'dbmgmt-work-requests', 'dbnode-console-connection',
  'dbnode-console-history', 'dbservers', 'dedicated-vm-hosts', 'dns', 'dns-records', 'drg-attachment',
  'drg-object', 'drg-route-distribution', 'drg-route-tables', 'exadata-infrastructures',
  'execution-windows', 'floating-ips', 'generic-artifacts', 'instance-agent-plugins', 'key-delegates',
  'leaf-certificate-bundle', 'leaf-certificate-bundles', 'leaf-certificate-versions',
  'leaf-certificates', 'load-balancers', 'log-content', 'log-groups', 'loganalytics-entity',
  'loganalytics-ingesttime-rule', 'logs', 'management-agent-install-keys', 'management-agents',
  'management-dashboard', 'management-saved-search', 'metrics', 'network-load-balancers',
  'network-security-group', 'object', 'objectstorage-namespace', 'oda-design', 'oda-insights',
  'oda-instance-resource', 'oda-instances', 'ons-subscriptions', 'ons-topics', 'opensearch-clusters',
  'orm-config-source-providers', 'osms-managed-instances', 'pluggable-databases', 'published-desktop',
  'published-desktops', 'queue-pull', 'queue-push', 'queues', 'quota', 'resource-availability',
  'scheduling-policies', 'scheduling-windows', 'sddcs', 'security-attribute-namespace', 'security-zone',
  'serviceconnectors', 'stream-pull', 'stream-push', 'streams', 'tag-namespace', 'target-databases',
  'tickets', 'unified-configuration', 'unified-log-content', 'usage-budgets', 'usage-report',
  'usage-reports', 'vmclusters', 'work-requests', 'zpr-configuration', 'zpr-policy',
]);

export function isFamily(name: string): boolean {
  return RESOURCE_FAMILIES.has(name.toLowerCase());
}

/** `all-resources`, a family, an IAM type or a known individual type (case-insensitive). */
export function isKnownResourceType(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === ALL_RESOURCES || RESOURCE_FAMILIES.has(lower) || IAM_RESOURCE_TYPES.has(lower) || RESOURCE_TYPES.has(lower);
}
