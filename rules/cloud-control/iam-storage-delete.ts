/**
 * @fileoverview A storage administrator (manage on buckets, objects, volumes, backups, file
 * systems, mount targets, export sets or their families) who can also delete what it manages
 * (CIS OCI 1.15). A where clause that refuses every delete permission of the type clears it; a
 * grant limited to the delete permissions (the separate "storage deleter") is not reported.
 */
import {
  capabilityRequests, checkedGrant, comparisonsOn, defineIamRule, GRANT_DEFAULT_OPTIONS, GRANT_OPTIONS_SCHEMA, grantedCapabilities, grantFindingAt,
  isAllResources, isDelegatedPrincipal, outcomeOf, permissionResource, requestOf, STRANGER, whereReason, type Capability, type GrantOptions,
  type GrantSubject, type IamGrant,
} from '../../src/rule-api.js';

/** The delete permissions CIS OCI 1.15 expects to be refused, per individual storage type. */
const DELETES: readonly Capability[] = [
  { type: 'buckets', permission: 'BUCKET_DELETE', verb: 'manage', operations: ['DeleteBucket'] },
  { type: 'objects', permission: 'OBJECT_DELETE', verb: 'manage', operations: ['DeleteObject'] },
  { type: 'volumes', permission: 'VOLUME_DELETE', verb: 'manage', operations: ['DeleteVolume'] },
  { type: 'volume-backups', permission: 'VOLUME_BACKUP_DELETE', verb: 'manage', operations: ['DeleteVolumeBackup'] },
  { type: 'boot-volume-backups', permission: 'BOOT_VOLUME_BACKUP_DELETE', verb: 'manage', operations: ['DeleteBootVolumeBackup'] },
  { type: 'file-systems', permission: 'FILE_SYSTEM_DELETE', verb: 'manage', operations: ['DeleteFileSystem'] },
  { type: 'file-systems', permission: 'FILE_SYSTEM_DELETE_SNAPSHOT', verb: 'manage', operations: ['DeleteSnapshot'] },
  { type: 'mount-targets', permission: 'MOUNT_TARGET_DELETE', verb: 'manage', operations: ['DeleteMountTarget'] },
  { type: 'export-sets', permission: 'EXPORT_SET_DELETE', verb: 'manage' },
];
const DELETE_PERMISSIONS = new Set(DELETES.map((d) => d.permission));
const STORAGE_TYPES = new Set(DELETES.map((d) => d.type));

/**
 * The grant also allows something other than deleting: a permission list with a non-delete
 * storage permission, or a where clause that lets an unnamed permission and operation through.
 * A grant limited to named permissions or operations (the separate "storage deleter" group,
 * with the few helpers deletion needs, such as EXPORT_SET_UPDATE) is not an administrator.
 */
function allowsMoreThanDelete(grant: IamGrant): boolean {
  if (grant.action.kind === 'permissions') {
    return grant.action.items.some((i) => !i.unresolved && STORAGE_TYPES.has(permissionResource(i.value) ?? '') && !DELETE_PERMISSIONS.has(i.value.toUpperCase()));
  }
  return outcomeOf(grant.where, [requestOf({ 'request.permission': STRANGER, 'request.operation': STRANGER })]) === 'open';
}

/**
 * A human administrator: a group, or any-user/any-group not narrowed to a kind of resource
 * principal. Dynamic groups and typed resource principals (an OKE cluster's CSI driver deleting
 * the volumes of deleted claims) delete as part of their job; services are never reported.
 */
function isHumanAdministrator(grant: IamGrant, subject: GrantSubject): boolean {
  if (subject.kind === 'group') return isDelegatedPrincipal(subject);
  if (subject.kind !== 'any-user' && subject.kind !== 'any-group') return false;
  return comparisonsOn(grant.where?.condition, (p) => p === 'request.principal.type').length === 0;
}

export default defineIamRule<GrantOptions>({
  meta: {
    id: 'iam-storage-delete',
    layer: 'cloud-control',
    level: 'warning',
    securitySeverity: 5.5,
    description: 'A storage administration grant (manage on object, block or file storage) also allows deleting buckets, objects, volumes, backups or file systems, so one compromised administrator can destroy the data and its backups.',
    remediation: "Add where all {request.permission != '<TYPE>_DELETE', ...} for every delete permission of the type, and give deletion to a separate, smaller group.",
    tags: ['oci-iam', 'cis-oci:1.15', 'least-privilege'],
    appliesTo: ['iam'],
    recommended: true,
    messages: {
      storageDelete: "{{subject}} can {{what}} in {{location}}{{because}}, deletion included ({{deletes}}): storage administrators should not delete what they manage (CIS OCI 1.15). Add where all {request.permission != '{{first}}', ...} and give deletion to a separate group.",
    },
    options: GRANT_OPTIONS_SCHEMA,
    defaultOptions: GRANT_DEFAULT_OPTIONS,
  },
  *checkStatement(ctx) {
    const checked = checkedGrant(ctx);
    if (!checked) return;
    const { grant, subject, text } = checked;
    // all-resources grants are reported as administration by the all-resources rules.
    if (!isHumanAdministrator(grant, subject) || isAllResources(grant)) return;
    const open = grantedCapabilities(grant, DELETES).filter((g) => outcomeOf(grant.where, capabilityRequests(g.capability)) === 'open');
    const first = open[0];
    if (!first || !allowsMoreThanDelete(grant)) return;
    const at = grantFindingAt(grant, first);
    const because = whereReason(grant, ctx);
    const deletes = open.map((g) => g.capability.permission).join(', ');
    yield { messageId: 'storageDelete', data: { ...text, because, deletes, first: first.capability.permission }, at };
  },
});
