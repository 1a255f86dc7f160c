/**
 * A cluster add-on switch (`options.addOns.isKubernetesDashboardEnabled`,
 * `options.addOns.isTillerEnabled`): turned on (`true` or the string `"true"`), or not known
 * because its value could not be resolved.
 */
import type { OkeKind } from './model.js';
import { booleanState, type OkeReading, type SpanAt } from './query.js';

/** The part of an OKE rule's context a switch is read through (structurally an `OkeContext`). */
export interface AddonContext {
  readonly resource: { readonly kind: OkeKind };
  readonly label: string;
  read(path: string): OkeReading;
  spell(path: string): string;
}

export type AddonSwitch =
  /** Message data with `{{resource}}`, `{{field}}`, `{{value}}` and `{{origin}}`. */
  | { readonly state: 'enabled'; readonly data: { resource: string; field: string; value: string; origin: string }; readonly at: SpanAt }
  /** Message data with `{{resource}}`, `{{field}}` and `{{reason}}` (a note). */
  | { readonly state: 'unresolved'; readonly data: { resource: string; field: string; reason: string }; readonly at: SpanAt };

/** The add-on switch at `path` of a cluster, when it is on or unresolved (undefined otherwise, and for node pools). */
export function addonSwitch(ctx: AddonContext, path: string): AddonSwitch | undefined {
  if (ctx.resource.kind !== 'cluster') return undefined;
  const r = ctx.read(path);
  const state = booleanState(r);
  if (state === 'true' && r.state === 'value') {
    return { state: 'enabled', data: { resource: ctx.label, field: r.name, value: JSON.stringify(r.value), origin: r.origin }, at: r.at };
  }
  if (state === 'unresolved' && r.state === 'unresolved') {
    return { state: 'unresolved', data: { resource: ctx.label, field: ctx.spell(path), reason: r.reason }, at: r.at };
  }
  return undefined;
}
