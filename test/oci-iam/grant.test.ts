/**
 * Grant semantics shared by the over-broad-grant rules: verb rank, permission verbs, scope,
 * family membership, administrators-group matching (identity domains, OCIDs, Admit), condition
 * evaluation for requests (four-valued), principal and target narrowing, capabilities, and the
 * rule prelude (exempt policies).
 */
import { describe, expect, it } from 'vitest';
import {
  ABSENT, atLeast, bound, capabilityRequests, checkedGrant, effectiveVerb, evaluateWhere, grantedCapabilities, grantOf, isAdminName,
  isExemptPolicy, namedValues, outcomeOf, parseAdminGroups, permissionVerb, principalNarrowing, requestOf, sameSubject, scopeOf, STRANGER,
  subjectFacts, targetNarrowing, type Capability, type IamGrant, type Request,
} from '../../src/oci-iam/grant.js';
import { canonicalType, covers, membersOf, permissionResource } from '../../src/oci-iam/resource-families.js';
import { parseStatement, type Name, type Statement } from '../../src/oci-iam/index.js';

function statement(text: string): Statement {
  const r = parseStatement(text);
  if (!r.ok) throw new Error(`does not parse: ${r.error.message}`);
  return r.statement;
}
function grant(text: string): IamGrant {
  const g = grantOf(statement(text));
  if (!g) throw new Error(`not a grant: ${text}`);
  return g;
}
function names(text: string): readonly Name[] {
  const s = grant(text).subject;
  if (!('names' in s)) throw new Error('no names');
  return s.names;
}
const where = (condition: string, request: Request) => evaluateWhere(grant(`Allow group G to manage groups in tenancy where ${condition}`).where, request);

describe('verbs', () => {
  it('ranks inspect < read < use < manage', () => {
    expect(atLeast('manage', 'use')).toBe(true);
    expect(atLeast('use', 'use')).toBe(true);
    expect(atLeast('read', 'use')).toBe(false);
    expect(atLeast('inspect', 'read')).toBe(false);
  });

  it('reads the verb of a permission from its name', () => {
    expect(['GROUP_INSPECT', 'POLICY_READ', 'GROUP_UPDATE', 'KEY_DECRYPT', 'BUCKET_DELETE', 'USER_APIKEY_ADD', 'USER_UIPASS_RESET', 'NETWORK_SECURITY_GROUP_MOVE'].map(permissionVerb))
      .toEqual(['inspect', 'read', 'use', 'use', 'manage', 'manage', 'manage', 'manage']);
  });

  it('takes the strongest permission of a list as its verb', () => {
    expect(effectiveVerb(grant('Allow group G to {STREAM_READ, STREAM_CONSUME} in tenancy').action)).toBe('use');
    expect(effectiveVerb(grant('Allow group G to {VCN_READ, SUBNET_READ} in tenancy').action)).toBe('read');
    expect(effectiveVerb(grant('Allow group G to {OBJECT_INSPECT, BUCKET_DELETE} in tenancy').action)).toBe('manage');
    expect(effectiveVerb(grant('Allow group G to USE buckets in tenancy').action)).toBe('use');
  });
});

describe('grants and scope', () => {
  it('gives a grant for Allow and Admit only', () => {
    expect(grantOf(statement('Allow group G to read buckets in tenancy'))?.statement.kind).toBe('allow');
    expect(grantOf(statement('Admit group G of tenancy T to read buckets in tenancy'))?.statement.kind).toBe('admit');
    expect(grantOf(statement('Endorse group G to read buckets in any-tenancy'))).toBeUndefined();
    expect(grantOf(statement('Define tenancy T as ocid1.tenancy.oc1..aaaa'))).toBeUndefined();
  });

  it('tells tenancy, compartment and unknown scopes apart', () => {
    expect(grant('Allow group G to read buckets IN TENANCY').scope).toBe('tenancy');
    expect(grant('Allow group G to read buckets in compartment a:b:c').scope).toBe('compartment');
    expect(grant('Allow group G to read buckets in compartment id ocid1.compartment.oc1..aaaa').scope).toBe('compartment');
    expect(grant('Allow group G to read buckets in compartment id ocid1.tenancy.oc1..aaaa').scope).toBe('tenancy');
    expect(grant('Allow group G to read buckets in compartment id ${var.tenancy_ocid}').scope).toBe('compartment');
    expect(grant('Allow group G to read buckets in ${local.scope}').scope).toBe('unknown');
    expect(grant("Allow group G to read buckets where request.region = 'phx'").scope).toBe('unknown');
    expect(scopeOf(undefined)).toBe('unknown');
  });
});

describe('resource families', () => {
  it('covers a type by itself, its family, all-resources and other spellings', () => {
    expect(covers('object-family', 'buckets')).toBe(true);
    expect(covers('all-resources', 'users')).toBe(true);
    expect(covers('bucket', 'buckets')).toBe(true);
    expect(covers('VOLUME-FAMILY', 'boot-volume-backups')).toBe(true);
    expect(covers('key-family', 'keys')).toBe(true);
    expect(covers('secret-family', 'secret-bundles')).toBe(true);
    expect(covers('file-family', 'export-sets')).toBe(true);
    expect(covers('buckets', 'objects')).toBe(false);
    expect(covers('instance-family', 'volumes')).toBe(false);
    expect(covers('virtual-network-family', 'groups')).toBe(false);
    expect(covers('groups', 'users')).toBe(false);
  });

  it('lists members and canonical spellings', () => {
    expect(membersOf('object-family')).toEqual(['objectstorage-namespaces', 'buckets', 'objects']);
    expect(membersOf('dns')).toEqual(['dns']);
    expect(canonicalType('Key-Delegates')).toBe('key-delegate');
    expect(canonicalType('tag-namespace')).toBe('tag-namespaces');
  });

  it('maps a permission to its resource type, longest prefix first', () => {
    expect(['VOLUME_BACKUP_DELETE', 'BOOT_VOLUME_BACKUP_DELETE', 'VOLUME_DELETE', 'DYNAMIC_GROUP_UPDATE', 'GROUP_UPDATE', 'secret_bundle_read', 'CLUSTER_JOIN'].map(permissionResource))
      .toEqual(['volume-backups', 'boot-volume-backups', 'volumes', 'dynamic-groups', 'groups', 'secret-bundles', undefined]);
  });
});

describe('administrators groups', () => {
  const admins = parseAdminGroups(['Administrators']);

  it('reads names, Domain/Name, quoted forms and OCIDs', () => {
    expect(parseAdminGroups(['Administrators', 'Default/Ops', "'My Domain'/'Tenant Admins'", ' ocid1.group.oc1..AAAA ', "'x'/"])).toEqual([
      { domain: 'default', name: 'administrators', label: 'Administrators' },
      { domain: 'default', name: 'ops', label: 'Ops' },
      { domain: 'my domain', name: 'tenant admins', label: 'Tenant Admins' },
      { ocid: 'ocid1.group.oc1..aaaa' },
    ]);
  });

  it('matches a group in the Default domain however it is written', () => {
    for (const subject of ['Administrators', 'Default/Administrators', "'Default'/'Administrators'", "'default'/'ADMINISTRATORS'"]) {
      expect(names(`Allow group ${subject} to manage all-resources in tenancy`).every((n) => isAdminName(n, admins)), subject).toBe(true);
    }
    for (const option of [['Default/Administrators'], ["'Default'/'Administrators'"], ['administrators']]) {
      expect(isAdminName(names('Allow group Administrators to read buckets in tenancy')[0] as Name, parseAdminGroups(option)), option[0]).toBe(true);
    }
  });

  it('does not match the same name in another domain, or another name', () => {
    expect(isAdminName(names("Allow group 'id_lz'/'Administrators' to read buckets in tenancy")[0] as Name, admins)).toBe(false);
    expect(isAdminName(names('Allow group Administrators-old to read buckets in tenancy')[0] as Name, admins)).toBe(false);
    expect(isAdminName(names("Allow group 'Administrators' to read buckets in tenancy")[0] as Name, parseAdminGroups(["'My Domain'/'Administrators'"]))).toBe(false);
  });

  it('matches group OCIDs only against OCID entries', () => {
    const n = names('Allow group id ocid1.group.oc1..aaaa to read buckets in tenancy')[0] as Name;
    expect(isAdminName(n, parseAdminGroups(['ocid1.group.oc1..AAAA']))).toBe(true);
    expect(isAdminName(n, admins)).toBe(false);
  });

  it('classifies subjects: administrators, others, hidden names, Admit groups', () => {
    expect(subjectFacts(grant('Allow group Administrators to manage all-resources in tenancy'), admins)).toMatchObject({ kind: 'group', admin: true, others: [], hidden: [] });
    const mixed = subjectFacts(grant('Allow group Administrators, Ops, ${var.g} to read buckets in tenancy'), admins);
    expect([mixed.admin, mixed.others.map((n) => n.value), mixed.hidden.map((n) => n.value)]).toEqual([false, ['Ops'], ['${var.g}']]);
    const admit = subjectFacts(grant('Admit group Administrators of tenancy T to manage all-resources in tenancy'), admins);
    expect([admit.admin, admit.others.map((n) => n.value)]).toEqual([false, ['Administrators']]);
    expect(subjectFacts(grant('Allow dynamic-group Administrators to read buckets in tenancy'), admins).admin).toBe(false);
    expect(subjectFacts(grant('Allow any-user to read buckets in tenancy'), admins)).toMatchObject({ kind: 'any-user', admin: false, opaque: false });
    expect(subjectFacts(grant('Allow ${var.subject} to read buckets in tenancy'), admins)).toMatchObject({ kind: 'unresolved', opaque: true });
  });

  it('compares subjects by kind and names, in any order and case', () => {
    const a = grant("Allow group 'Default'/'Ops', B to read buckets in tenancy").subject;
    expect(sameSubject(a, grant('Allow group b, ops to manage groups in tenancy').subject)).toBe(true);
    expect(sameSubject(a, grant('Allow dynamic-group Ops, B to read buckets in tenancy').subject)).toBe(false);
    expect(sameSubject(a, grant('Allow group Ops to read buckets in tenancy').subject)).toBe(false);
    expect(sameSubject(grant('Allow any-user to read buckets in tenancy').subject, grant('Allow any-user to use keys in tenancy').subject)).toBe(true);
  });
});

describe('conditions for a request', () => {
  const admin = requestOf({ 'target.group.name': bound('Administrators'), 'request.permission': bound('GROUP_UPDATE') });

  it('compares bound variables case-insensitively, with patterns and the any-value star', () => {
    expect(where("target.group.name != 'Administrators'", admin)).toBe('false');
    expect(where("target.group.name != 'administrators-old'", admin)).toBe('true');
    expect(where("target.group.name = /A-*/", admin)).toBe('false');
    expect(where("target.group.name = /Admin*/", admin)).toBe('true');
    expect(where("target.group.name = '*'", admin)).toBe('true');
    expect(where("request.permission in ('GROUP_INSPECT', 'group_update')", admin)).toBe('true');
    expect(where("sets-intersect(request.permission, ('A', 'B'))", admin)).toBe('false');
  });

  it('combines any and all, nested', () => {
    expect(where("all {target.group.name != 'Administrators', target.group.name != 'CredAdmins'}", admin)).toBe('false');
    expect(where("any {target.group.name != 'Administrators', request.user.mfaTotpVerified = 'true'}", admin)).toBe('maybe');
    expect(where("all {request.permission = 'GROUP_UPDATE', any {target.group.name = 'Ops', target.group.name = 'Dev'}}", admin)).toBe('false');
    expect(where("any {request.permission = 'GROUP_INSPECT', request.permission = 'GROUP_UPDATE'}", admin)).toBe('true');
  });

  it('is maybe for unknown variables, time operators and variable comparisons', () => {
    expect(where("request.region = 'phx'", admin)).toBe('maybe');
    expect(where("request.utc-timestamp before '2030-01-01T00:00Z'", admin)).toBe('maybe');
    expect(where('target.group.name = request.principal.group.tag.ns.k', admin)).toBe('maybe');
  });

  it('is hidden when the result depends on an interpolation', () => {
    expect(where('${var.cond}', admin)).toBe('hidden');
    expect(where("all {request.region = 'phx', ${var.more}}", admin)).toBe('hidden');
    expect(where("all {target.group.name != 'Administrators', ${var.more}}", admin)).toBe('false');
    expect(where("any {target.group.name != 'Administrators', ${var.more}}", admin)).toBe('hidden');
    expect(where("target.group.name != '${var.admin}'", admin)).toBe('hidden');
    expect(where("all {target.group.name != 'Administrators' ${x ? \",y}\" : \"}\"}", admin)).toBe('false');
    expect(evaluateWhere(grant('Allow group G to read buckets in tenancy ${local.where}').where, admin)).toBe('hidden');
    expect(evaluateWhere(undefined, admin)).toBe('true');
  });

  it('makes any comparison on a variable that does not apply false', () => {
    const noGroup = requestOf({ 'target.group.name': ABSENT });
    expect(where("target.group.name != 'Administrators'", noGroup)).toBe('false');
    expect(where("target.group.name = 'Administrators'", noGroup)).toBe('false');
    expect(where('target.resource.compartment.tag.ns.k = target.group.name', noGroup)).toBe('false');
  });

  it('never lets a stranger match a specific value, only the any-value star', () => {
    const stranger = requestOf({}, { 'request.principal.': STRANGER });
    expect(where("request.principal.id = 'ocid1.instance.oc1..aaaa'", stranger)).toBe('false');
    expect(where("request.principal.id != 'ocid1.instance.oc1..aaaa'", stranger)).toBe('true');
    expect(where("request.principal.id = '${var.id}'", stranger)).toBe('false');
    expect(where("request.principal.compartment.id = '*'", stranger)).toBe('true');
    expect(where('request.principal.compartment.id = target.compartment.id', stranger)).toBe('false');
    expect(where('target.agent.id = request.principal.id', stranger)).toBe('false');
    expect(where("sets-intersect(request.principal.type, ('cluster'))", stranger)).toBe('false');
  });

  it('sums up a set of requests as open, closed or hidden', () => {
    const g = grant("Allow group G to manage groups in tenancy where request.permission != 'GROUP_DELETE'");
    expect(outcomeOf(g.where, [requestOf({ 'request.permission': bound('GROUP_DELETE') })])).toBe('closed');
    expect(outcomeOf(g.where, [requestOf({ 'request.permission': bound('GROUP_DELETE') }), requestOf({ 'request.permission': bound('GROUP_UPDATE') })])).toBe('open');
    expect(outcomeOf(grant('Allow group G to manage groups in tenancy where ${c}').where, [requestOf({})])).toBe('hidden');
  });

  it('lists the values a condition names with = or in', () => {
    const g = grant("Allow group G to manage users in tenancy where any {request.operation = 'UploadApiKey', request.operation in ('CreateAuthToken'), request.operation != 'X'}");
    expect([...namedValues(g.where?.condition, 'request.operation')]).toEqual(['UPLOADAPIKEY', 'CREATEAUTHTOKEN']);
    expect([...namedValues(undefined, 'request.operation')]).toEqual([]);
  });
});

describe('narrowing', () => {
  const principal = (condition: string) => principalNarrowing(grant(`Allow any-user to use keys in compartment K where ${condition}`).where);

  it('says who a where clause lets in', () => {
    expect(principalNarrowing(undefined)).toBe('none');
    expect(principal("request.principal.id = 'ocid1.instance.oc1..aaaa'")).toBe('identity');
    expect(principal("all {request.principal.type = 'cluster', request.principal.compartment.id = '${var.c}'}")).toBe('identity');
    expect(principal("all {request.principal.type = 'cluster', request.principal.compartment.id = target.compartment.id}")).toBe('identity');
    expect(principal("request.principal.group.tag.ns.role = '*'")).toBe('identity');
    expect(principal('target.resource.compartment.tag.ns.k = request.principal.group.tag.ns.k')).toBe('identity');
    expect(principal("all {request.principal.type = 'workload', request.principal.namespace = 'shop', request.principal.cluster_id = 'ocid1.cluster.oc1..a'}")).toBe('identity');
    expect(principal("request.principal.type = 'cluster'")).toBe('type');
    expect(principal("all {request.principal.type = 'workload', request.principal.namespace = 'shop', request.principal.service_account = 'sa'}")).toBe('type');
    expect(principal("any {request.principal.id = 'ocid1.x', request.principal.type = 'fnfunc'}")).toBe('type');
    expect(principal("any {request.principal.id = 'ocid1.x', request.region = 'phx'}")).toBe('none');
    expect(principal("target.bucket.name = 'logs'")).toBe('none');
    expect(principal("all {request.region = 'phx', ${var.who}}")).toBe('hidden');
  });

  it('says whether a where clause names the operations or targets', () => {
    const target = (condition?: string) => targetNarrowing(grant(`Allow group G to manage dynamic-groups in tenancy${condition ? ` where ${condition}` : ''}`).where);
    expect(target()).toBe('open');
    expect(target("target.dynamic-group.name = 'oke-nodes'")).toBe('closed');
    expect(target("any {request.operation = 'AddIdpGroupMapping', request.operation = 'DeleteIdpGroupMapping'}")).toBe('closed');
    expect(target("request.permission != 'DYNAMIC_GROUP_DELETE'")).toBe('open');
    expect(target("request.user.mfaTotpVerified = 'true'")).toBe('open');
    expect(target('${var.cond}')).toBe('hidden');
  });
});

describe('capabilities', () => {
  const caps: readonly Capability[] = [
    { type: 'groups', permission: 'GROUP_UPDATE', verb: 'use', operations: ['UpdateGroup', 'AddUserToGroup'] },
    { type: 'groups', permission: 'GROUP_DELETE', verb: 'manage' },
  ];
  const slice = (text: string, at: { readonly span: { start: number; end: number } }): string => text.slice(at.span.start, at.span.end);

  it('gives what the verb includes on the types the resource covers, at the resource type', () => {
    const text = 'Allow group G to use groups in tenancy';
    expect(grantedCapabilities(grant(text), caps).map((c) => [c.capability.permission, slice(text, c.at)])).toEqual([['GROUP_UPDATE', 'groups']]);
    expect(grantedCapabilities(grant('Allow group G to manage all-resources in tenancy'), caps)).toHaveLength(2);
    expect(grantedCapabilities(grant('Allow group G to read groups in tenancy'), caps)).toHaveLength(0);
    expect(grantedCapabilities(grant('Allow group G to manage ${var.rt} in tenancy'), caps)).toHaveLength(0);
  });

  it('gives listed permissions, at the permission', () => {
    const text = 'Allow group G to {GROUP_INSPECT, group_delete} in tenancy';
    expect(grantedCapabilities(grant(text), caps).map((c) => [c.capability.permission, slice(text, c.at)])).toEqual([['GROUP_DELETE', 'group_delete']]);
  });

  it('builds one request per operation, or one without it', () => {
    const [update, del] = caps as [Capability, Capability];
    const requests = capabilityRequests(update, { 'target.group.name': bound('Administrators') });
    expect(requests.map((r) => [r('request.operation'), r('target.group.name'), r('request.permission')])).toEqual([
      [bound('UpdateGroup'), bound('Administrators'), bound('GROUP_UPDATE')],
      [bound('AddUserToGroup'), bound('Administrators'), bound('GROUP_UPDATE')],
    ]);
    expect(capabilityRequests(del).map((r) => r('request.operation'))).toEqual([undefined]);
  });
});

describe('rule prelude', () => {
  const ctx = (text: string, policy?: string, options = {}) => {
    const s = statement(text);
    return { statement: s, policy: { ...(policy !== undefined && { name: policy }) }, options, textOf: (at: { span: { start: number; end: number } }) => text.slice(at.span.start, at.span.end) };
  };

  it('skips exempt policies by name, case-insensitively, and non-grants', () => {
    expect(isExemptPolicy('Tenant Admin Policy', ['tenant admin policy'])).toBe(true);
    expect(isExemptPolicy(undefined, ['x'])).toBe(false);
    expect(checkedGrant(ctx('Allow group G to manage groups in tenancy', 'Tenant Admin Policy', { exemptPolicies: ['TENANT ADMIN POLICY '] }))).toBeUndefined();
    expect(checkedGrant(ctx('Endorse group G to manage groups in any-tenancy'))).toBeUndefined();
  });

  it('classifies the subject against adminGroups and gives the text for messages', () => {
    const checked = checkedGrant(ctx("Allow group 'Default'/'Administrators' to manage all-resources in tenancy", 'p', { adminGroups: ['Administrators'] }));
    expect(checked?.subject.admin).toBe(true);
    expect(checked?.text).toEqual({ subject: "group 'Default'/'Administrators'", what: 'manage all-resources', location: 'tenancy' });
    expect(checkedGrant(ctx('Allow group Administrators to manage all-resources in tenancy'))?.subject.admin).toBe(false);
    expect(checkedGrant(ctx("Allow group G to {GROUP_UPDATE} where request.region = 'phx'"))?.text).toEqual({ subject: 'group G', what: '{GROUP_UPDATE}', location: 'an unnamed location' });
  });
});
