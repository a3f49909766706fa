// Wires the simulated control plane to the store: every change goes to the scheduler, the
// kubelets, the garbage collector, the controller of its resource, and the controller of its
// owner (a pod's change reconciles its Job), so the cluster reacts to applied objects at once
// and to time through the clock.
import type { KubeObject } from '../store/object';
import type { Change } from '../store/store';
import { jobController } from './controllers/job';
import { jobSetControllers } from './controllers/jobset';
import { kubeflowControllers } from './controllers/kubeflow';
import { rayControllers } from './controllers/ray';
import { servingControllers } from './controllers/serving';
import type { Controller } from './controllers/common';
import type { SimContext } from './context';
import { DEPENDENT_RESOURCES } from './deletion';
import { GarbageCollector } from './garbage-collector';
import { Kubelet } from './kubelet';
import { SchedulerLoop } from './scheduler-loop';

export class Simulation {
  private readonly kubelet: Kubelet;
  private readonly scheduler: SchedulerLoop;
  private readonly gc: GarbageCollector;
  private readonly controllers = new Map<string, Controller>();
  private readonly stopListening: () => void;

  constructor(private readonly sim: SimContext) {
    this.kubelet = new Kubelet(sim);
    this.scheduler = new SchedulerLoop(sim);
    const all = [
      jobController(sim),
      ...kubeflowControllers(sim),
      ...jobSetControllers(sim),
      ...rayControllers(sim),
      ...servingControllers(sim),
    ];
    for (const controller of all) this.controllers.set(controller.resource, controller);
    const owners = [...new Set([...DEPENDENT_RESOURCES, ...this.controllers.keys()])];
    this.gc = new GarbageCollector(sim.store, sim.clock, owners);
    this.stopListening = sim.store.onChange((change) => this.onChange(change));
  }

  stop(): void {
    this.stopListening();
  }

  private onChange(change: Change): void {
    if (change.resource === '/events') return;
    try {
      if (change.resource === '/pods') this.kubelet.onPod(change.type, change.object);
      this.scheduler.onChange(change);
      this.gc.onChange(change);
      if (change.type !== 'DELETED') this.reconcile(change.resource, change.object);
      this.reconcileOwner(change.object);
    } catch (error) {
      // A controller's mistake must not take the API server down; it shows in the server's log.
      console.error(
        `[cluster] controller error on ${change.type} ${change.resource} ${change.object.metadata.name}: ${(error as Error).stack}`,
      );
    }
  }

  private reconcile(resource: string, object: KubeObject): void {
    const controller = this.controllers.get(resource);
    if (!controller) return;
    const fresh = this.sim.store.get(resource, object.metadata.namespace, object.metadata.name);
    if (fresh && fresh.metadata.uid === object.metadata.uid) controller.reconcile(fresh);
  }

  private reconcileOwner(object: KubeObject): void {
    const owner = (object.metadata.ownerReferences ?? []).find((r) => r.controller);
    if (!owner) return;
    const type = this.sim.types.byKind(owner.apiVersion, owner.kind);
    if (!type) return;
    const fresh = this.sim.store.get(type.key, object.metadata.namespace, owner.name);
    if (fresh && fresh.metadata.uid === owner.uid) this.controllers.get(type.key)?.reconcile(fresh);
  }
}
