/**
 * @fileoverview `manage users` in the tenancy that lets its holder create or reset the
 * credentials of any user, administrators included (API keys, console passwords, auth tokens,
 * secret keys, OAuth client credentials). Operations the condition names with `=` are a
 * deliberate credential-administrator grant and are not reported; a `!=` list that forgets
 * some (CreateOrResetUIPassword, typically) is.
 */
import {
  bound, capabilityRequests, checkedGrant, defineIamRule, GRANT_DEFAULT_OPTIONS, GRANT_OPTIONS_SCHEMA, grantedCapabilities, grantFindingAt,
  isAllResources, isDelegatedPrincipal, namedAdmins, namedValues, outcomeOf, whereReason, type Capability, type GrantOptions,
} from '../../src/rule-api.js';

/** Operations that give the caller a working credential of another user (manage users). SMTP credentials only send mail. */
const CAPABILITIES: readonly Capability[] = [
  { type: 'users', permission: 'USER_APIKEY_ADD', verb: 'manage', operations: ['UploadApiKey'] },
  { type: 'users', permission: 'USER_UIPASS_RESET', verb: 'manage', operations: ['CreateOrResetUIPassword'] },
  { type: 'users', permission: 'USER_AUTHTOKEN_SET', verb: 'manage', operations: ['CreateAuthToken'] },
  { type: 'users', permission: 'USER_SECRETKEY_ADD', verb: 'manage', operations: ['CreateSecretKey'] },
  { type: 'users', permission: 'USER_OAUTH2_CLIENT_CRED_CREATE', verb: 'manage', operations: ['CreateOAuthClientCredential'] },
];

export default defineIamRule<GrantOptions>({
  meta: {
    id: 'iam-manage-users-credentials',
    layer: 'cloud-control',
    level: 'warning',
    securitySeverity: 7.5,
    description: 'A grant of manage users in the tenancy lets its holder create or reset credentials (API keys, console passwords, auth tokens, secret keys) of any user, administrators included, and act as them.',
    remediation: "Give general IAM administrators use users (or manage users with all {request.operation != ...} covering every credential operation), and keep credential operations for a small credential-administrator group named in request.operation = ....",
    tags: ['oci-iam', 'privilege-escalation', 'credentials'],
    appliesTo: ['iam'],
    recommended: true,
    messages: {
      credentials: '{{subject}} can {{what}} in {{location}}{{because}}: it can call {{operations}} on any user, tenancy administrators included, and act as them. Use "use users" or exclude these operations with where all {request.operation != ...}.',
    },
    options: GRANT_OPTIONS_SCHEMA,
    defaultOptions: GRANT_DEFAULT_OPTIONS,
  },
  *checkStatement(ctx) {
    const checked = checkedGrant(ctx);
    if (!checked) return;
    const { grant, subject, text, admins } = checked;
    if (grant.scope !== 'tenancy' || !isDelegatedPrincipal(subject) || isAllResources(grant)) return;
    const condition = grant.where?.condition;
    const named = new Set([...namedValues(condition, 'request.operation'), ...namedValues(condition, 'request.permission')]);
    const targets = namedAdmins(admins).map((a) => a.label);
    const open = grantedCapabilities(grant, CAPABILITIES).filter((g) => {
      const operations = g.capability.operations ?? [];
      // Named with = in the condition: a deliberate credential-administrator grant.
      if (named.has(g.capability.permission) || operations.some((o) => named.has(o.toUpperCase()))) return false;
      const requests = targets.length > 0 ? targets.flatMap((t) => capabilityRequests(g.capability, { 'target.group.name': bound(t) })) : capabilityRequests(g.capability);
      return outcomeOf(grant.where, requests) === 'open';
    });
    const first = open[0];
    if (!first) return;
    const at = grantFindingAt(grant, first);
    const because = whereReason(grant, ctx, ', which leaves them open');
    const operations = open.flatMap((g) => g.capability.operations ?? []).join(', ');
    yield { messageId: 'credentials', data: { ...text, because, operations }, at };
  },
});
