/**
 * Human names of container roles, for messages ("Init container "x" ...").
 */
import type { ContainerRole } from './workload.js';

const NAMES: Readonly<Record<ContainerRole, string>> = {
  app: 'Container',
  init: 'Init container',
  ephemeral: 'Ephemeral container',
};

/** `Container`, `Init container` or `Ephemeral container`: the start of a message about one container. */
export function roleName(role: ContainerRole): string {
  return NAMES[role];
}
