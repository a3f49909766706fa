// The kubelets of all nodes: once a pod is bound to a node, pulls its images, starts its
// containers, runs their programs (log lines on the clock), restarts crashed containers with
// back-off as restartPolicy says, and sets the pod's phase, conditions and container statuses
// with the events a real kubelet records. Deleting a pod stops its containers, then removes it.
import { timestamp, type KubeObject } from '../store/object';
import type { SimContext } from './context';
import { condition, refreshPhase } from './pod-phase';
import { lineAt, programFor, type Line, type Program } from './programs';
import { qosClass } from './qos';

/* eslint-disable @typescript-eslint/no-explicit-any -- statuses are written as JSON */

const GRACE_MS = 2000;

export class Kubelet {
  private readonly timers = new Map<string, Set<number>>();
  private readonly pulled = new Set<string>();
  private readonly stopping = new Set<string>();
  private nextIp = 10;

  constructor(private readonly sim: SimContext) {}

  /** Reacts to a pod change. */
  onPod(type: string, pod: KubeObject): void {
    const uid = pod.metadata.uid as string;
    if (type === 'DELETED') {
      this.cancel(uid);
      this.stopping.delete(uid);
      this.sim.logs.forget(uid);
      return;
    }
    if (pod.metadata.deletionTimestamp) {
      if (!this.stopping.has(uid)) this.stop(pod);
      return;
    }
    if (pod.spec?.nodeName && !pod.status?.startTime) this.begin(pod);
  }

  private later(pod: KubeObject, delayMs: number, fn: () => void): void {
    const uid = pod.metadata.uid as string;
    const set = this.timers.get(uid) ?? new Set<number>();
    const handle = this.sim.clock.schedule(delayMs, () => {
      set.delete(handle);
      fn();
    });
    set.add(handle);
    this.timers.set(uid, set);
  }

  private cancel(uid: string): void {
    for (const handle of this.timers.get(uid) ?? []) this.sim.clock.cancel(handle);
    this.timers.delete(uid);
  }

  private now(): string {
    return timestamp(this.sim.clock.now());
  }

  private source(pod: KubeObject) {
    return { component: 'kubelet', host: pod.spec.nodeName as string };
  }

  private mutate(pod: KubeObject, change: (p: KubeObject) => void): KubeObject | undefined {
    const updated = this.sim.store.mutate('/pods', pod.metadata.namespace, pod.metadata.name, (p) => {
      if (p.metadata.uid !== pod.metadata.uid || p.metadata.deletionTimestamp) return;
      change(p);
      refreshPhase(p, this.now());
    });
    return updated?.metadata.uid === pod.metadata.uid ? updated : undefined;
  }

  private begin(pod: KubeObject): void {
    const time = this.now();
    const node = this.sim.store.get('/nodes', undefined, pod.spec.nodeName);
    const hostIP = node?.status?.addresses?.find((a: any) => a.type === 'InternalIP')?.address ?? '10.0.0.1';
    const containers: any[] = pod.spec.containers ?? [];
    const started = this.mutate(pod, (p) => {
      const scheduled = (p.status?.conditions ?? []).find((c: any) => c.type === 'PodScheduled') ?? condition('PodScheduled', true, time);
      p.status = {
        phase: 'Pending',
        conditions: [
          condition('PodReadyToStartContainers', false, time),
          condition('Initialized', true, time),
          condition('Ready', false, time, 'ContainersNotReady'),
          condition('ContainersReady', false, time, 'ContainersNotReady'),
          scheduled,
        ],
        hostIP,
        hostIPs: [{ ip: hostIP }],
        startTime: time,
        qosClass: qosClass(p.spec),
        containerStatuses: containers.map((c) => ({
          name: c.name,
          image: c.image,
          imageID: '',
          ready: false,
          started: false,
          restartCount: 0,
          state: { waiting: { reason: 'ContainerCreating' } },
          lastState: {},
        })),
      };
    });
    if (!started) return;
    let ready = 0;
    for (const c of containers) {
      const cached = this.pulled.has(`${pod.spec.nodeName}|${c.image}`);
      const field = `spec.containers{${c.name}}`;
      if (cached) {
        this.sim.events.record(
          started,
          'Normal',
          'Pulled',
          `Container image "${c.image}" already present on machine`,
          this.source(pod),
          field,
        );
        continue;
      }
      this.sim.events.record(started, 'Normal', 'Pulling', `Pulling image "${c.image}"`, this.source(pod), field);
      const ms = this.sim.random.int(1500, 6000);
      ready = Math.max(ready, ms);
      this.later(pod, ms, () => {
        this.pulled.add(`${pod.spec.nodeName}|${c.image}`);
        const size = this.sim.random.int(2_000_000_000, 9_000_000_000);
        this.sim.events.record(
          started,
          'Normal',
          'Pulled',
          `Successfully pulled image "${c.image}" in ${(ms / 1000).toFixed(3)}s (${(ms / 1000).toFixed(3)}s ` +
            `including waiting). Image size: ${size} bytes.`,
          this.source(pod),
          field,
        );
      });
    }
    this.later(pod, ready + 100, () => {
      this.mutate(pod, (p) => {
        // An address in the node's pod CIDR (10.244.N.0/24), as the network plugin hands them out.
        const cidr: string | undefined = this.sim.store.get('/nodes', undefined, pod.spec.nodeName)?.spec?.podCIDR;
        const subnet = cidr?.replace(/\.0\/24$/, '') ?? '10.244.0';
        p.status.podIP = `${subnet}.${(this.nextIp++ % 250) + 2}`;
        p.status.podIPs = [{ ip: p.status.podIP }];
        (p.status.conditions as any[])[0] = condition('PodReadyToStartContainers', true, this.now());
      });
      containers.forEach((c) => this.run(pod, c, 0));
    });
  }

  private run(pod: KubeObject, container: any, attempt: number): void {
    const uid = pod.metadata.uid as string;
    const field = `spec.containers{${container.name}}`;
    this.sim.events.record(pod, 'Normal', 'Created', `Created container ${container.name}`, this.source(pod), field);
    this.sim.events.record(pod, 'Normal', 'Started', `Started container ${container.name}`, this.source(pod), field);
    const start = this.sim.clock.now();
    const program = programFor(pod, container, attempt, start, this.sim.random);
    this.sim.logs.start(uid, container.name);
    const updated = this.mutate(pod, (p) => {
      const s = p.status.containerStatuses.find((x: any) => x.name === container.name);
      s.state = { running: { startedAt: timestamp(start) } };
      s.started = true;
      s.containerID = `containerd://${this.sim.random.hex(64)}`;
      s.imageID = `${String(container.image).split(':')[0]}@sha256:${this.sim.random.hex(64)}`;
    });
    if (!updated) return;
    this.later(pod, 1000, () =>
      this.mutate(pod, (p) => {
        const s = p.status.containerStatuses.find((x: any) => x.name === container.name);
        if (s.state.running) s.ready = true;
      }),
    );
    this.print(pod, container, program, 0, start, attempt);
  }

  /**
   * Prints the program's lines as they fall due, those due together in one go, each stamped when printed
   * (as a container runtime stamps it), then ends the container.
   */
  private print(pod: KubeObject, container: any, program: Program, index: number, start: number, attempt: number): void {
    const uid = pod.metadata.uid as string;
    const next = lineAt(program, index);
    if (next) {
      this.later(pod, Math.max(0, start + next.at - this.sim.clock.now()), () => {
        let i = index;
        for (let line: Line | undefined = next; line && start + line.at <= this.sim.clock.now(); line = lineAt(program, ++i))
          this.sim.logs.append(uid, container.name, { time: this.sim.clock.now(), text: line.text });
        this.print(pod, container, program, i, start, attempt);
      });
      return;
    }
    if (program.exit) {
      const exit = program.exit;
      this.later(pod, Math.max(0, start + exit.at - this.sim.clock.now()), () => this.exit(pod, container, exit.code, start, attempt));
    }
  }

  private exit(pod: KubeObject, container: any, code: number, start: number, attempt: number): void {
    const uid = pod.metadata.uid as string;
    this.sim.logs.end(uid, container.name);
    const policy = pod.spec.restartPolicy ?? 'Always';
    const restart = policy === 'Always' || (policy === 'OnFailure' && code !== 0);
    const terminated = {
      exitCode: code,
      reason: code === 0 ? 'Completed' : 'Error',
      startedAt: timestamp(start),
      finishedAt: this.now(),
      containerID: '',
    };
    const updated = this.mutate(pod, (p) => {
      const s = p.status.containerStatuses.find((x: any) => x.name === container.name);
      s.state = { terminated: { ...terminated, containerID: s.containerID } };
      s.ready = false;
      s.started = false;
      if (restart) s.lastState = {};
    });
    if (!updated || !restart) return;
    const backoffMs = Math.min(300_000, 10_000 * 2 ** attempt);
    const name = `${pod.metadata.name}_${pod.metadata.namespace}(${uid})`;
    this.later(pod, 1000, () => {
      this.mutate(pod, (p) => {
        const s = p.status.containerStatuses.find((x: any) => x.name === container.name);
        s.lastState = { terminated: s.state.terminated };
        s.state = {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: `back-off ${backoffMs / 1000}s restarting failed container=${container.name} pod=${name}`,
          },
        };
      });
      this.sim.events.record(
        pod,
        'Warning',
        'BackOff',
        `Back-off restarting failed container ${container.name} in pod ${name}`,
        this.source(pod),
        `spec.containers{${container.name}}`,
      );
    });
    this.later(pod, 1000 + backoffMs, () => {
      const current = this.mutate(pod, (p) => {
        const s = p.status.containerStatuses.find((x: any) => x.name === container.name);
        s.restartCount += 1;
      });
      if (!current) return;
      this.sim.events.record(
        pod,
        'Normal',
        'Pulled',
        `Container image "${container.image}" already present on machine`,
        this.source(pod),
        `spec.containers{${container.name}}`,
      );
      this.run(current, container, attempt + 1);
    });
  }

  /** A pod being deleted: its containers are stopped, then it is removed. */
  private stop(pod: KubeObject): void {
    const uid = pod.metadata.uid as string;
    this.stopping.add(uid);
    this.cancel(uid);
    for (const s of pod.status?.containerStatuses ?? []) {
      if (!s.state?.running) continue;
      this.sim.events.record(pod, 'Normal', 'Killing', `Stopping container ${s.name}`, this.source(pod), `spec.containers{${s.name}}`);
    }
    const grace = Math.min(GRACE_MS, (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000);
    this.later(pod, grace, () => {
      for (const s of pod.spec?.containers ?? []) this.sim.logs.end(uid, s.name);
      const current = this.sim.store.get('/pods', pod.metadata.namespace, pod.metadata.name);
      if (current?.metadata.uid === uid && !(current.metadata.finalizers ?? []).length)
        this.sim.store.remove('/pods', pod.metadata.namespace, pod.metadata.name);
    });
  }
}
