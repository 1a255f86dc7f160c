/**
 * OCI IAM policy statements: `parseStatement` (typed AST with spans, questionable syntax,
 * unresolved parts), the canonical printer, and the known verbs and resource types.
 */
export type * from './ast.js';
export { COMPARISON_OPS, DEFINE_TARGETS, VERBS } from './ast.js';
export { parseStatement } from './parser.js';
export {
  printAction,
  printCondition,
  printLocation,
  printName,
  printStatement,
  printSubject,
  printValue,
  printWhere,
  stripSpans,
} from './print.js';
export {
  ALL_RESOURCES,
  IAM_RESOURCE_TYPES,
  RESOURCE_FAMILIES,
  RESOURCE_TYPES,
  isFamily,
  isKnownResourceType,
  verbRank,
} from './resource-types.js';
