// Loads a scenario into a fresh cluster: `demo` (namespaces, five nodes, training jobs, a Triton
// deployment, an InferenceService), `large` (the demo and a finished sweep of 5,000 pods, see
// sweep.ts) or `empty` (namespaces and nodes only, for tests that apply their own workloads).
// What happens next is the simulation's, on the clock.
import { parseAllDocuments } from 'yaml';
import { recordUpdate } from '../apply/merge';
import type { SimContext } from '../sim/context';
import { withDefaults } from '../sim/defaults';
import { timestamp, type KubeObject } from '../store/object';
import { DEMO_MANIFESTS, DEMO_NAMESPACES } from './demo-manifests';
import { demoNodes } from './nodes';

export type ScenarioName = 'demo' | 'large' | 'empty';

export const SCENARIOS: ScenarioName[] = ['demo', 'large', 'empty'];

/** The demo's workloads as objects. */
export function demoWorkloads(): KubeObject[] {
  return parseAllDocuments(DEMO_MANIFESTS).map((d) => d.toJS() as KubeObject);
}

function create(sim: SimContext, object: KubeObject, created?: string): void {
  const type = sim.types.byKind(object.apiVersion, object.kind);
  if (!type) throw new Error(`the scenario names ${object.apiVersion} ${object.kind}, which the cluster does not serve`);
  const time = timestamp(sim.clock.now());
  recordUpdate(undefined, object, 'kubectl-client-side-apply', object.apiVersion, time);
  if (created) object.metadata.creationTimestamp = created;
  sim.store.create(type.key, withDefaults(type.key, object, sim.random));
}

export function loadScenario(sim: SimContext, name: ScenarioName): void {
  const monthAgo = timestamp(sim.clock.now() - 30 * 24 * 3600 * 1000);
  for (const ns of DEMO_NAMESPACES) create(sim, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, monthAgo);
  for (const node of demoNodes(monthAgo)) sim.store.create('/nodes', withDefaults('/nodes', node, sim.random));
  if (name === 'empty') return;
  for (const workload of demoWorkloads()) create(sim, workload);
}
