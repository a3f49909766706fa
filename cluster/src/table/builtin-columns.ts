// The columns kube-apiserver's printers give built-in resources (pkg/printers/internalversion),
// with the cells computed the same way: a pod's STATUS from its container states, READY as
// ready/total, RESTARTS with the time of the last one, a job's STATUS from its conditions.
// Cells are always the wide ones: kubectl hides priority-1 columns unless asked for -o wide.
import type { KubeObject } from '../store/object';
import { age, humanDuration } from './human-duration';
import { podStatusCells } from './pod-status';

export interface ColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export type Cell = string | number | boolean | null;

export interface Printer {
  columns: ColumnDefinition[];
  cells(object: KubeObject, now: number): Cell[];
}

function col(name: string, description: string, options: { type?: string; format?: string; priority?: number } = {}): ColumnDefinition {
  return { name, type: options.type ?? 'string', format: options.format ?? '', description, priority: options.priority ?? 0 };
}

export const NAME_COLUMN = col(
  'Name',
  'Name must be unique within a namespace. Is required when creating resources, although some resources ' +
    'may allow a client to request the generation of an appropriate name automatically.',
  { format: 'name' },
);
export const AGE_COLUMN = col('Age', 'CreationTimestamp is a timestamp representing the server time when this object was created.');

/* eslint-disable @typescript-eslint/no-explicit-any -- container statuses are read as JSON */
const pods: Printer = {
  columns: [
    NAME_COLUMN,
    col('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
    col('Status', 'The aggregate status of the containers in this pod.'),
    col(
      'Restarts',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    ),
    AGE_COLUMN,
    col('IP', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.', { priority: 1 }),
    col('Node', 'NodeName indicates in which node this pod is scheduled.', { priority: 1 }),
    col('Nominated Node', 'nominatedNodeName is set only when this pod preempts other pods on the node.', { priority: 1 }),
    col('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness.', { priority: 1 }),
  ],
  cells(pod, now) {
    const [ready, status, restarts] = podStatusCells(pod, now);
    const gates: any[] = pod.spec?.readinessGates ?? [];
    return [
      pod.metadata.name,
      ready,
      status,
      restarts,
      age(pod.metadata.creationTimestamp, now),
      pod.status?.podIP || '<none>',
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      gates.length ? `0/${gates.length}` : '<none>',
    ];
  },
};

const nodes: Printer = {
  columns: [
    NAME_COLUMN,
    col('Status', 'The status of the node'),
    col('Roles', 'The roles of the node'),
    AGE_COLUMN,
    col('Version', 'Kubelet Version reported by the node.'),
    col('Internal-IP', 'List of addresses reachable to the node.', { priority: 1 }),
    col('External-IP', 'List of addresses reachable to the node.', { priority: 1 }),
    col('OS-Image', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', { priority: 1 }),
    col('Kernel-Version', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", { priority: 1 }),
    col('Container-Runtime', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).', {
      priority: 1,
    }),
  ],
  cells(node, now) {
    const ready = (node.status?.conditions ?? []).find((c: any) => c.type === 'Ready')?.status === 'True';
    const status = [ready ? 'Ready' : 'NotReady', ...(node.spec?.unschedulable ? ['SchedulingDisabled'] : [])].join(',');
    const roles = Object.keys(node.metadata.labels ?? {})
      .filter((l) => l.startsWith('node-role.kubernetes.io/'))
      .map((l) => l.slice('node-role.kubernetes.io/'.length))
      .sort();
    const address = (type: string) => (node.status?.addresses ?? []).find((a: any) => a.type === type)?.address || '<none>';
    const info = node.status?.nodeInfo ?? {};
    return [
      node.metadata.name,
      status,
      roles.join(',') || '<none>',
      age(node.metadata.creationTimestamp, now),
      info.kubeletVersion ?? '',
      address('InternalIP'),
      address('ExternalIP'),
      info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>',
    ];
  },
};

const namespaces: Printer = {
  columns: [NAME_COLUMN, col('Status', 'The status of the namespace'), AGE_COLUMN],
  cells: (ns, now) => [ns.metadata.name, ns.status?.phase ?? 'Active', age(ns.metadata.creationTimestamp, now)],
};

const events: Printer = {
  columns: [
    col('Last Seen', 'The last time this event was seen.'),
    col('Type', 'Type of this event (Normal, Warning), new types could be added in the future.'),
    col(
      'Reason',
      "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
    ),
    col('Object', 'The object this Event is about.'),
    col('Subobject', 'The field of the object this Event is about.', { priority: 1 }),
    col('Source', 'The component reporting this event. Should be a short machine understandable string.', { priority: 1 }),
    col('Message', 'A human-readable description of the status of this operation.'),
    col('First Seen', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', { priority: 1 }),
    col('Count', 'The number of times this event has occurred.', { priority: 1 }),
    col('Name', NAME_COLUMN.description, { priority: 1, format: 'name' }),
  ],
  cells(event, now) {
    const first = event.firstTimestamp ? age(event.firstTimestamp, now) : age(event.eventTime, now);
    const last = event.lastTimestamp ? age(event.lastTimestamp, now) : first;
    const involved = event.involvedObject ?? {};
    const target = involved.name
      ? `${String(involved.kind ?? '').toLowerCase()}/${involved.name}`
      : String(involved.kind ?? '').toLowerCase();
    const source = [event.source?.component, event.source?.host].filter(Boolean).join(', ');
    return [
      last,
      event.type ?? '',
      event.reason ?? '',
      target,
      involved.fieldPath ?? '',
      source,
      String(event.message ?? '').trim(),
      first,
      event.count || 1,
      event.metadata.name,
    ];
  },
};

function containerCells(template: any): [string, string] {
  const containers: any[] = template?.spec?.containers ?? [];
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(',')];
}

function selectorText(selector: any): string {
  if (!selector) return '<none>';
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${String(v)}`);
  for (const e of selector.matchExpressions ?? []) {
    if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${String(e.operator).toLowerCase()} (${(e.values ?? []).join(',')})`);
  }
  return parts.length ? parts.join(',') : '<none>';
}

const jobs: Printer = {
  columns: [
    NAME_COLUMN,
    col('Status', 'Status of the job.'),
    col('Completions', 'The desired number of successfully finished pods the job should be run with.'),
    col('Duration', 'Time required to complete the job.'),
    AGE_COLUMN,
    col('Containers', 'Names of each container in the template.', { priority: 1 }),
    col('Images', 'Images referenced by each container in the template.', { priority: 1 }),
    col('Selector', 'A label query over pods that should match the pod count.', { priority: 1 }),
  ],
  cells(job, now) {
    const spec = job.spec ?? {};
    const status = job.status ?? {};
    const succeeded = status.succeeded ?? 0;
    const completions =
      spec.completions != null
        ? `${succeeded}/${spec.completions}`
        : (spec.parallelism ?? 0) > 1
          ? `${succeeded}/1 of ${spec.parallelism}`
          : `${succeeded}/1`;
    let duration = '';
    if (status.startTime)
      duration = humanDuration((status.completionTime ? Date.parse(status.completionTime) : now) - Date.parse(status.startTime));
    const has = (type: string) => (status.conditions ?? []).some((c: any) => c.type === type && c.status === 'True');
    const state = has('Complete')
      ? 'Complete'
      : has('Failed')
        ? 'Failed'
        : job.metadata.deletionTimestamp
          ? 'Terminating'
          : has('Suspended')
            ? 'Suspended'
            : has('FailureTarget')
              ? 'FailureTarget'
              : has('SuccessCriteriaMet')
                ? 'SuccessCriteriaMet'
                : 'Running';
    return [
      job.metadata.name,
      state,
      completions,
      duration,
      age(job.metadata.creationTimestamp, now),
      ...containerCells(spec.template),
      selectorText(spec.selector),
    ];
  },
};

const deployments: Printer = {
  columns: [
    NAME_COLUMN,
    col('Ready', 'Number of the pod with ready state'),
    col('Up-to-date', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.', {
      type: 'integer',
    }),
    col('Available', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.', {
      type: 'integer',
    }),
    AGE_COLUMN,
    col('Containers', 'Names of each container in the template.', { priority: 1 }),
    col('Images', 'Images referenced by each container in the template.', { priority: 1 }),
    col(
      'Selector',
      'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.',
      { priority: 1 },
    ),
  ],
  cells(d, now) {
    const status = d.status ?? {};
    return [
      d.metadata.name,
      `${status.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
      status.updatedReplicas ?? 0,
      status.availableReplicas ?? 0,
      age(d.metadata.creationTimestamp, now),
      ...containerCells(d.spec?.template),
      selectorText(d.spec?.selector),
    ];
  },
};

const services: Printer = {
  columns: [
    NAME_COLUMN,
    col('Type', 'type determines how the Service is exposed.'),
    col('Cluster-IP', 'clusterIP is the IP address of the service and is usually assigned randomly.'),
    col('External-IP', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
    col('Port(s)', 'The list of ports that are exposed by this service.'),
    AGE_COLUMN,
    col('Selector', 'Route service traffic to pods with label keys and values matching this selector.', { priority: 1 }),
  ],
  cells(s, now) {
    const ports = (s.spec?.ports ?? []).map((p: any) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
    const selector = Object.entries(s.spec?.selector ?? {})
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(',');
    return [
      s.metadata.name,
      s.spec?.type ?? 'ClusterIP',
      s.spec?.clusterIP || '<none>',
      (s.spec?.externalIPs ?? []).join(',') || '<none>',
      ports || '<none>',
      age(s.metadata.creationTimestamp, now),
      selector || '<none>',
    ];
  },
};

const configmaps: Printer = {
  columns: [NAME_COLUMN, col('Data', 'Data contains the configuration data.', { type: 'integer' }), AGE_COLUMN],
  cells: (cm, now) => [
    cm.metadata.name,
    Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
    age(cm.metadata.creationTimestamp, now),
  ],
};

/** The printer of each built-in resource, by resource key. */
export const BUILTIN_PRINTERS: Record<string, Printer> = {
  '/pods': pods,
  '/nodes': nodes,
  '/namespaces': namespaces,
  '/events': events,
  '/services': services,
  '/configmaps': configmaps,
  'apps/deployments': deployments,
  'batch/jobs': jobs,
};
