// Workload objects for the tables of pods and GPUs per kind (common/model/gpu-totals*.test.ts), and
// the one line each case pins: `role pods×gpus` per role, then the pods and the GPUs.
import * as assert from 'node:assert/strict';
import { workloadTotals } from '../../common/model/gpu-summary';
import { workloadOfObject } from '../../common/model/objects';

export const gpus = (count: number | string, name = 'c') => ({
  name,
  image: 'x',
  resources: { limits: { 'nvidia.com/gpu': count, cpu: '8' } },
});
export const pod = (count: number | string, extra: Record<string, unknown> = {}) => ({ containers: [gpus(count)], ...extra });
export const template = (count: number | string) => ({ spec: pod(count) });
export const jobSpec = (count: number, extra: Record<string, unknown> = {}) => ({ ...extra, template: template(count) });

export interface TotalsCase {
  groupKind: string;
  object: unknown;
  /** `role pods×gpus` per role, then `= pods pods, gpus GPUs` (`≥` when a count is open). */
  expected: string;
}

/** What a case pins, computed from the object as the CodeLens, the views and the demo cluster compute it. */
export function describeTotals(groupKind: string, object: unknown): string {
  const [group, kind] = groupKind.split('/');
  const view = workloadOfObject(group ? `${group}/v1` : 'v1', kind, object);
  assert.ok(view, `${groupKind} is a workload kind`);
  const totals = workloadTotals(view);
  const roles = totals.roles.map((role) => `${role.role} ${role.replicas ?? '?'}×${role.gpusPerPod}`).join(', ');
  const least = totals.atLeast ? '≥ ' : '';
  return `${roles} = ${least}${totals.pods} pods, ${totals.gpus} GPUs`;
}
