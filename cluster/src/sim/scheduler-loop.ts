// kube-scheduler's loop: binds each new pod to a node (Scheduled event), or leaves it Pending with
// the reason (FailedScheduling event, PodScheduled=False) and tries again when resources free up.
import { qosClass } from './qos';
import type { KubeObject } from '../store/object';
import type { Change } from '../store/store';
import type { SimContext } from './context';
import { schedule } from './scheduler';
import { timestamp } from '../store/object';

const SOURCE = { component: 'default-scheduler' };

function unscheduled(pod: KubeObject): boolean {
  return !pod.spec?.nodeName && !pod.metadata.deletionTimestamp;
}

export class SchedulerLoop {
  constructor(private readonly sim: SimContext) {}

  onChange(change: Change): void {
    if (change.resource === '/nodes') return this.retry();
    if (change.resource !== '/pods') return;
    const pod = change.object;
    if (change.type === 'ADDED' && unscheduled(pod)) this.place(pod);
    const phase = pod.status?.phase;
    const freed =
      change.type === 'DELETED' || (pod.spec?.nodeName && (phase === 'Succeeded' || phase === 'Failed' || pod.metadata.deletionTimestamp));
    if (freed && pod.spec?.nodeName) this.retry();
  }

  /** Tries every pod still waiting for a node, oldest first. */
  retry(): void {
    const waiting = this.sim.store.view('/pods').filter(unscheduled);
    waiting.sort(
      (a, b) =>
        String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)) ||
        Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion),
    );
    for (const pod of waiting) this.place(pod, true);
  }

  private place(pod: KubeObject, retrying = false): void {
    const placement = schedule(pod, this.sim.store.view('/nodes'), this.sim.store.view('/pods'));
    const time = timestamp(this.sim.clock.now());
    if ('node' in placement) {
      const bound = this.sim.store.mutate('/pods', pod.metadata.namespace, pod.metadata.name, (p) => {
        p.spec.nodeName = placement.node;
        p.status = {
          phase: 'Pending',
          conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: time }],
          qosClass: p.status?.qosClass ?? qosClass(p.spec),
        };
      });
      if (bound)
        this.sim.events.record(
          bound,
          'Normal',
          'Scheduled',
          `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${placement.node}`,
          SOURCE,
        );
      return;
    }
    const previous = (pod.status?.conditions ?? []).find((c: { type: string; message?: string }) => c.type === 'PodScheduled');
    if (retrying && previous?.message === placement.message) return;
    const updated = this.sim.store.mutate('/pods', pod.metadata.namespace, pod.metadata.name, (p) => {
      p.status = {
        ...(p.status ?? {}),
        phase: 'Pending',
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            lastProbeTime: null,
            lastTransitionTime: time,
            reason: 'Unschedulable',
            message: placement.message,
          },
        ],
      };
    });
    if (updated) this.sim.events.record(updated, 'Warning', 'FailedScheduling', placement.message, SOURCE);
  }
}
