import rule from '../../../rules/cloud-control/iam-storage-delete.js';
import { iamTester, policy } from '../../helpers/iam-tester.js';

iamTester.run(rule, {
  valid: [
    { name: 'every delete permission of the type refused (CIS 1.15)', code: policy`
      allow group StorageAdmins to manage object-family in compartment Data where all{request.permission != 'OBJECT_DELETE', request.permission != 'BUCKET_DELETE'}
      allow group StorageAdmins to manage volume-family in compartment Data where all{request.permission != 'VOLUME_BACKUP_DELETE', request.permission != 'VOLUME_DELETE', request.permission != 'BOOT_VOLUME_BACKUP_DELETE'}
      allow group StorageAdmins to manage file-family in compartment Data where all{request.permission != 'FILE_SYSTEM_DELETE', request.permission != 'MOUNT_TARGET_DELETE', request.permission != 'EXPORT_SET_DELETE', request.permission != 'FILE_SYSTEM_DELETE_SNAPSHOT', request.permission != 'FILE_SYSTEM_NFSv3_UNEXPORT'}
      allow group StorageAdmins to manage buckets in compartment Data where request.permission != 'BUCKET_DELETE'
    ` },
    { name: 'the separate storage deleter, limited to named permissions', code: policy`
      allow group StorageDeleters to manage file-family in compartment Data where any {request.permission = 'FILE_SYSTEM_DELETE', request.permission = 'MOUNT_TARGET_DELETE', request.permission = 'EXPORT_SET_UPDATE', request.permission = 'EXPORT_SET_DELETE', request.permission = 'FILE_SYSTEM_DELETE_SNAPSHOT'}
      allow group StorageDeleters to {BUCKET_DELETE, OBJECT_DELETE} in compartment Data
      allow group StorageDeleters to manage objects in compartment Data where request.operation = 'DeleteObject'
    ` },
    { name: 'less than manage; non-storage types; all-resources (other rules)', code: policy`
      Allow group Readers to read object-family in compartment Data
      Allow group Writers to use volumes in compartment Data
      Allow group ClusterAdmins to manage cluster-family in compartment Oke
      Allow group Ops to manage all-resources in compartment Data
    ` },
    { name: 'administrators, services, dynamic groups and typed resource principals, hidden conditions', code: policy`
      Allow group Administrators to manage object-family in tenancy
      Allow service objectstorage-us-ashburn-1 to manage object-family in compartment Archive
      Allow dynamic-group CsiNodes to manage volume-family in compartment Oke
      allow any-user to manage volume-backups in compartment Oke where all { request.principal.type = 'cluster', request.principal.compartment.id = target.compartment.id }
      Allow group Ops to manage buckets in compartment Data where \${var.cond}
    ` },
    { name: 'exempt policy', format: 'json', options: { exemptPolicies: ['storage-break-glass'] },
      code: '{"name": "storage-break-glass", "statements": ["Allow group StorageAdmins to manage object-family in tenancy"]}\n' },
  ],
  invalid: [
    {
      name: 'manage object-family, at the verb',
      code: 'Allow group StorageAdmins to manage object-family in compartment Data\n',
      errors: [{
        messageId: 'storageDelete', line: 1, column: 30, endColumn: 36,
        message: "group StorageAdmins can manage object-family in compartment Data, deletion included (BUCKET_DELETE, OBJECT_DELETE): storage administrators should not delete what they manage (CIS OCI 1.15). Add where all {request.permission != 'BUCKET_DELETE', ...} and give deletion to a separate group.",
      }],
    },
    {
      name: 'conditions that refuse only part of the deletes, at the condition',
      code: policy`
        Allow group SysAdmins to manage volume-family in compartment Prod where request.permission != 'VOLUME_DELETE'
        Allow group FileUsers to manage file-systems in tenancy where request.permission != 'FILE_SYSTEM_DELETE'
      `,
      errors: [
        {
          messageId: 'storageDelete', line: 1, column: 73, endColumn: 110,
          message: "group SysAdmins can manage volume-family in compartment Prod where request.permission != 'VOLUME_DELETE', deletion included (VOLUME_BACKUP_DELETE, BOOT_VOLUME_BACKUP_DELETE): storage administrators should not delete what they manage (CIS OCI 1.15). Add where all {request.permission != 'VOLUME_BACKUP_DELETE', ...} and give deletion to a separate group.",
        },
        { messageId: 'storageDelete', line: 2, column: 63 },
      ],
    },
    {
      name: 'a permission list with deletes and more, at the delete; a tag-based grant to any-user',
      code: policy`
        Allow group Ops to {BUCKET_INSPECT, BUCKET_DELETE} in compartment Data
        allow any-user to manage volume-family in compartment Projects where all {request.principal.group.tag.role.infra-admin = '*', target.resource.compartment.tag.role.proj = request.principal.group.tag.role.proj}
      `,
      errors: [
        { messageId: 'storageDelete', line: 1, column: 37, endColumn: 50 },
        { messageId: 'storageDelete', line: 2, column: 70 },
      ],
    },
    {
      name: 'in CLI JSON',
      format: 'json',
      code: '{"data": {"name": "storage", "statements": ["Allow group StorageAdmins to manage buckets in compartment Data"]}}\n',
      errors: [{ messageId: 'storageDelete', line: 1, column: 75, endColumn: 81 }],
    },
  ],
});
