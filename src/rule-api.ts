/**
 * Everything a rule module may import. Rules import from this file only (ESLint enforces it).
 */
export { defineProjectRule, defineRule } from './engine/rule-api.js';
export type { Anchor, At, K8sContext, MessageData, ProjectContext, ProjectReport, ProjectRule, RelatedAnchor, Report, Rule, RuleMeta, UnitKind } from './engine/rule-api.js';
export type { Layer, Level } from './engine/types.js';
export type { K8sResource } from './k8s/resource.js';
export type { ContainerRole, ContainerView, Effective, InheritedField, Workload } from './k8s/workload.js';
export { missingAnchor } from './k8s/anchor.js';
export { roleName } from './k8s/container-role.js';
export { get, getIn, getMap, getSeq, isFalse, isMap, isScalar, isSeq, isTrue, items, pairOf, scalar, str } from './k8s/yaml-access.js';
export { parseImageRef, isFromRegistry } from './k8s/image-ref.js';
export type { ImageRef } from './k8s/image-ref.js';
export { containerImages } from './k8s/images.js';
export type { ContainerImage } from './k8s/images.js';
export { credentialNameKind, envCredential, secretContentKind } from './k8s/credentials.js';
export type { CredentialMatch } from './k8s/credentials.js';
export { missingResources } from './k8s/resources.js';
export type { MissingResources, ResourceName } from './k8s/resources.js';
export { isUserNamespaced, isWindowsPod } from './k8s/pod-facts.js';
export type { PssMeta, PssPolicy } from './k8s/pss.js';
export { dashboardEvidence, insecureDashboardFlags, isDashboardName, isDashboardSelector, serviceAccountOf, tillerEvidence } from './k8s/addons.js';
export type { AddonEvidence, InsecureDashboardFlag } from './k8s/addons.js';
export { cidrContains, labelsOf, mapSelectorMatches, METADATA_ADDRESS, networkPolicyOf, parseLabelSelector, selectorMatches, stringMap } from './k8s/network-policy.js';
export type { LabelSelector, Labels, MetadataAllow, PolicyView } from './k8s/network-policy.js';
export { indexNamespaces, nameList, namespaceFacts, reportableNamespaces, scopeOf, SYSTEM_NAMESPACES, whereOf } from './k8s/namespace-index.js';
export type { FactKind, NamespaceEntry, NamespaceFact, NamespaceScope, ReportableNamespace } from './k8s/namespace-index.js';
export { describeBinding, describeRole, describeSubject, isAllUsersSubject, isServiceAccountSubject, isSystemComponent, rbacFacts } from './k8s/rbac.js';
export type { BindingFact, Item, RbacFact, RoleFact, RuleFact, SubjectFact } from './k8s/rbac.js';
export { chainText, grantsRelated, grantsText, RbacGraph, roleContentHits, ruleGrants } from './k8s/rbac-graph.js';
export type { ContentHit, Grant, RuleMatch, Target } from './k8s/rbac-graph.js';
export { BUILTIN_ROLES, DISCOVERY_ROLES } from './k8s/rbac-builtin.js';
export { manifestSchemaIssues, type SchemaIssue } from './k8s/schema-validate.js';
export { defineIamRule } from './engine/rule-api.js';
export type { IamContext, IamPolicyInfo, IamRule, IamSourceKind } from './engine/rule-api.js';
export type {
  Action, AdmitStatement, AllowStatement, AssociateStatement, CallCondition, Comparison, ComparisonOp, Condition, DefineStatement,
  EndorseStatement, GrantStatement, GroupCondition, Location, Name, Questionable, QuestionableCode, ResourceType, Span, Statement,
  StatementKind, Subject, SubjectKind, Unresolved, UnresolvedPart, Value, Variable, Verb, WhereClause,
} from './oci-iam/index.js';
export { ALL_RESOURCES, IAM_RESOURCE_TYPES, RESOURCE_FAMILIES, isFamily, isKnownResourceType, printStatement, verbRank } from './oci-iam/index.js';
export { conditionPaths, enclosingNode, findTautologies, isAlwaysTrue, matcherOf, narrowsEveryPath, quoteText, variableRole, ACTION_VARIABLES } from './oci-iam/condition-logic.js';
export type { Matcher, Paths, Tautology, TautologyReason, Term, VariableRole } from './oci-iam/condition-logic.js';
export { defineOkeRule } from './engine/rule-api.js';
export type { OkeContext, OkeRule } from './engine/rule-api.js';
export type { OkeKind, OkeFormat, OkeReference, OkeResource, PlainValue, SubnetFacts } from './oke/model.js';
export type { MissingReading, ObjectReading, OkeReading, SpanAt, UnresolvedReading, ValueReading } from './oke/query.js';
export { asBoolean, booleanState, isEmptyValue, kubernetesMinor, mapEntries, presence } from './oke/query.js';
export type { BooleanState, MapEntry } from './oke/query.js';
export { metadataSecret, type MetadataSecret } from './oke/secrets.js';
export {
  atLeast, bound, capabilityRequests, checkedGrant, clip, comparisonsOn, effectiveVerb, grantedCapabilities, isAllResources, isDelegatedPrincipal, namedAdmins,
  namedValues, outcomeOf, principalNarrowing, PRINCIPAL_TYPE_VARIABLES, requestOf, sameSubject, STRANGER, targetNarrowing, grantOf,
} from './oci-iam/grant.js';
export type { Binding, Capability, CheckedGrant, GrantOptions, Granted, GrantSubject, IamGrant, NamedAdminGroup, Outcome, PrincipalNarrowing, Request, Scope } from './oci-iam/grant.js';
export { canonicalType, covers, membersOf, permissionResource } from './oci-iam/resource-families.js';
export {
  ADMIN_GROUPS_OPTION, EXEMPT_DEFAULT_OPTIONS, EXEMPT_OPTIONS_SCHEMA, EXEMPT_POLICIES_OPTION, GRANT_DEFAULT_OPTIONS, GRANT_OPTIONS_SCHEMA, type ExemptOptions,
} from './oci-iam/rule-options.js';
export { grantFindingAt, whereReason } from './oci-iam/grant.js';
export { addonSwitch, type AddonSwitch } from './oke/addon-switch.js';
