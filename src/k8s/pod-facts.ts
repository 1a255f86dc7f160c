/**
 * Pod-level facts that several Pod Security Standards checks depend on.
 */
import type { Workload } from './workload.js';
import { get, getMap, isFalse, str } from './yaml-access.js';

/** `spec.os.name: windows` (PSS exempts such pods from some restricted checks from 1.25 on). */
export function isWindowsPod(workload: Workload): boolean {
  return str(get(getMap(workload.podSpec, 'os'), 'name')) === 'windows';
}

/** `spec.hostUsers: false`: a user-namespaced pod (PSS relaxes some checks for it from 1.35 on). */
export function isUserNamespaced(workload: Workload): boolean {
  return isFalse(get(workload.podSpec, 'hostUsers'));
}
