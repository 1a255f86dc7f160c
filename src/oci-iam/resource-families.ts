/**
 * Which individual resource types a resource-type token of a statement covers: aggregate
 * ("family") types, `all-resources`, singular spellings, and the resource type a permission of
 * a `{PERM, ...}` list belongs to.
 *
 * Sources (shared/reference/oci-iam.md §1a.5–1a.6 and the OCI Policy Reference pages it cites):
 * "A policy that uses `<verb> <family>` is equivalent to writing one with a separate
 * `<verb> <individual resource-type>` statement for each" member. Only the families the
 * cloud-control rules reason about are expanded here; a family not listed covers only itself.
 * IAM has no family type. All names are lower-case.
 */
import { ALL_RESOURCES } from './resource-types.js';

/** Members of the aggregate types the rules need (Policy Reference, per service page). */
export const FAMILY_MEMBERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['object-family', ['objectstorage-namespaces', 'buckets', 'objects']],
  ['volume-family', [
    'volumes', 'volume-attachments', 'volume-backups', 'boot-volume-backups', 'backup-policies',
    'backup-policy-assignments', 'volume-groups', 'volume-group-backups',
  ]],
  ['file-family', ['file-systems', 'mount-targets', 'export-sets']],
  ['instance-family', [
    'app-catalog-listing', 'console-histories', 'instances', 'instance-console-connection',
    'instance-images', 'volume-attachments',
  ]],
  ['cluster-family', ['clusters', 'cluster-node-pools', 'cluster-work-requests']],
  ['virtual-network-family', [
    'vcns', 'subnets', 'route-tables', 'network-security-groups', 'security-lists', 'dhcp-options',
    'private-ips', 'public-ips', 'ipv6s', 'internet-gateways', 'nat-gateways', 'service-gateways',
    'local-peering-gateways', 'local-peering-from', 'local-peering-to', 'remote-peering-connections',
    'remote-peering-from', 'remote-peering-to', 'drgs', 'drg-attachment', 'drg-route-tables',
    'drg-route-distribution', 'drg-object', 'cpes', 'ipsec-connections', 'cross-connects',
    'virtual-circuits', 'vnics', 'vnic-attachments', 'vlans',
  ]],
  ['compute-management-family', ['instance-configurations', 'instance-pools', 'cluster-networks']],
  ['secret-family', ['secrets', 'secret-versions', 'secret-bundles']],
  ['key-family', ['vaults', 'keys', 'key-delegate']],
  ['functions-family', ['fn-app', 'fn-function', 'fn-invocation']],
  ['orm-family', ['orm-stacks', 'orm-jobs', 'orm-config-source-providers', 'orm-private-endpoints', 'orm-templates']],
  ['ons-family', ['ons-topics', 'ons-subscriptions']],
  ['stream-family', ['stream-pools', 'streams', 'stream-push', 'stream-pull']],
]);

/** Spellings seen in the corpora that name the same individual type (singular and plural both occur). */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['bucket', 'buckets'], ['object', 'objects'], ['objectstorage-namespace', 'objectstorage-namespaces'],
  ['volume', 'volumes'], ['volume-backup', 'volume-backups'], ['boot-volume-backup', 'boot-volume-backups'],
  ['file-system', 'file-systems'], ['mount-target', 'mount-targets'], ['export-set', 'export-sets'],
  ['key-delegates', 'key-delegate'], ['vault', 'vaults'], ['key', 'keys'], ['secret', 'secrets'],
  ['secret-bundle', 'secret-bundles'], ['cluster', 'clusters'], ['network-security-group', 'network-security-groups'],
  ['tag-namespace', 'tag-namespaces'], ['user', 'users'], ['group', 'groups'], ['policy', 'policies'],
  ['dynamic-group', 'dynamic-groups'], ['domain', 'domains'], ['identity-provider', 'identity-providers'],
  ['network-source', 'network-sources'], ['authentication-policy', 'authentication-policies'],
  ['function-family', 'functions-family'],
]);

/** The canonical (plural) spelling of a resource-type token, lower-case. */
export function canonicalType(name: string): string {
  const lower = name.toLowerCase();
  return ALIASES.get(lower) ?? lower;
}

/** The individual types a token stands for: a family's members, or the type itself. */
export function membersOf(name: string): readonly string[] {
  const type = canonicalType(name);
  return FAMILY_MEMBERS.get(type) ?? [type];
}

/**
 * Whether a statement's resource-type token grants on the individual type `type`: the same
 * type (any spelling), `all-resources`, or a family that contains it.
 */
export function covers(token: string, type: string): boolean {
  const granted = canonicalType(token);
  const wanted = canonicalType(type);
  return granted === ALL_RESOURCES || granted === wanted || (FAMILY_MEMBERS.get(granted)?.includes(wanted) ?? false);
}

/**
 * Permission-name prefixes and the individual resource type they belong to, longest first
 * (`VOLUME_BACKUP_DELETE` is a `volume-backups` permission, `VOLUME_DELETE` a `volumes` one).
 */
const PERMISSION_PREFIXES: readonly (readonly [string, string])[] = [
  ['BOOT_VOLUME_BACKUP_', 'boot-volume-backups'], ['VOLUME_BACKUP_', 'volume-backups'], ['VOLUME_', 'volumes'],
  ['FILE_SYSTEM_', 'file-systems'], ['MOUNT_TARGET_', 'mount-targets'], ['EXPORT_SET_', 'export-sets'],
  ['BUCKET_', 'buckets'], ['OBJECT_', 'objects'],
  ['DYNAMIC_GROUP_', 'dynamic-groups'], ['GROUP_', 'groups'], ['USER_', 'users'], ['POLICY_', 'policies'],
  ['DOMAIN_', 'domains'], ['IDENTITY_PROVIDER_', 'identity-providers'],
  ['AUTHENTICATION_POLICY_', 'authentication-policies'], ['NETWORK_SOURCE_', 'network-sources'],
  ['VAULT_', 'vaults'], ['KEY_', 'keys'], ['SECRET_BUNDLE_', 'secret-bundles'], ['SECRET_', 'secrets'],
];

/** The individual resource type a permission such as `GROUP_UPDATE` belongs to, when known. */
export function permissionResource(permission: string): string | undefined {
  const upper = permission.toUpperCase();
  return PERMISSION_PREFIXES.find(([prefix]) => upper.startsWith(prefix))?.[1];
}
