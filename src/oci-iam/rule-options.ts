/**
 * The options of the over-broad-grant rules of `cloud-control` (read by `checkedGrant`): their
 * JSON-schema pieces and defaults, for the rules' `meta`. scripts/gen.mjs reads `meta` without
 * running it, so every value here is a `const` with a literal initializer (other consts and
 * spreads of them allowed).
 */
import type { GrantOptions } from './grant.js';

/** `adminGroups`: the tenancy administrators groups, whose grants are not reported. */
export const ADMIN_GROUPS_OPTION = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
  uniqueItems: true,
  default: ['Administrators'],
  description: "The tenancy administrators groups, whose grants are not reported: a name (in the Default identity domain), Domain/Name, 'Domain'/'Name', or a group OCID.",
} as const;

/** `exemptPolicies`: policies whose statements the rule does not check. */
export const EXEMPT_POLICIES_OPTION = {
  type: 'array',
  items: { type: 'string', minLength: 1 },
  uniqueItems: true,
  default: [],
  description: 'Names of policies whose statements are not checked (compared case-insensitively; JSON and Terraform policies have names, .policy files do not).',
} as const;

/** The options of a rule that exempts the administrators groups and named policies. */
export const GRANT_OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: { adminGroups: ADMIN_GROUPS_OPTION, exemptPolicies: EXEMPT_POLICIES_OPTION },
} as const;

export const GRANT_DEFAULT_OPTIONS = { adminGroups: ['Administrators'], exemptPolicies: [] } as const;

/** The options of a rule that exempts named policies only (its principals are never the administrators group). */
export const EXEMPT_OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: { exemptPolicies: EXEMPT_POLICIES_OPTION },
} as const;

export const EXEMPT_DEFAULT_OPTIONS = { exemptPolicies: [] } as const;

/** The options type of a rule that takes `EXEMPT_OPTIONS_SCHEMA`. */
export type ExemptOptions = Pick<GrantOptions, 'exemptPolicies'>;
