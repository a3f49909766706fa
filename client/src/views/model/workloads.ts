// Each workload kind read into its roles: how many pods of each, and the GPUs each pod holds
// (its limits). The job's total is replicas × GPUs per pod, summed over roles: a PyTorchJob with
// a master and 3 workers of 8 GPUs holds 32.
import { podGpus } from './quantity';

/* eslint-disable @typescript-eslint/no-explicit-any -- specs are read as JSON */

export interface Role {
  name: string;
  replicas: number;
  gpusPerPod: number;
}

export interface WorkloadShape {
  roles: Role[];
  /** The pods the workload wants at once. */
  replicas: number;
  gpus: number;
}

const KUBEFLOW_FIELDS: Record<string, string> = {
  'kubeflow.org/pytorchjobs': 'pytorchReplicaSpecs',
  'kubeflow.org/tfjobs': 'tfReplicaSpecs',
  'kubeflow.org/mpijobs': 'mpiReplicaSpecs',
  'kubeflow.org/xgboostjobs': 'xgbReplicaSpecs',
  'kubeflow.org/paddlejobs': 'paddleReplicaSpecs',
  'kubeflow.org/jaxjobs': 'jaxReplicaSpecs',
};

const count = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback);

function role(name: string, replicas: number, podSpec: any): Role {
  return { name, replicas, gpusPerPod: podGpus(podSpec) };
}

function kubeflowRoles(specs: Record<string, any>): Role[] {
  return Object.entries(specs ?? {}).map(([name, spec]) => role(name, count(spec?.replicas, 1), spec?.template?.spec));
}

function rayRoles(spec: any): Role[] {
  const roles = [role('head', 1, spec?.headGroupSpec?.template?.spec)];
  for (const group of spec?.workerGroupSpecs ?? []) {
    const wanted = count(group?.replicas, count(group?.minReplicas, 0));
    const replicas = group?.suspend ? 0 : Math.min(Math.max(wanted, count(group?.minReplicas, 0)), count(group?.maxReplicas, Infinity));
    roles.push(role(String(group?.groupName ?? 'workers'), replicas * count(group?.numOfHosts, 1), group?.template?.spec));
  }
  return roles;
}

function batchParallel(spec: any): number {
  const parallelism = count(spec?.parallelism, 1);
  return spec?.completions === undefined || spec?.completions === null ? parallelism : Math.min(parallelism, count(spec.completions, 1));
}

function inferenceRoles(spec: any): Role[] {
  return ['predictor', 'transformer', 'explainer'].flatMap((name) => {
    const component = spec?.[name];
    if (!component) return [];
    const model = component.model ?? component.pytorch ?? component.triton ?? component.tensorflow ?? component.sklearn ?? component.xgboost ?? component.onnx ?? component.huggingface;
    const podSpec = component.containers?.length ? component : { containers: model ? [model] : [] };
    return [role(name, count(component.minReplicas, 1), podSpec)];
  });
}

function rolesOf(typeKey: string, object: any): Role[] {
  const spec = object?.spec ?? {};
  if (KUBEFLOW_FIELDS[typeKey]) return kubeflowRoles(spec[KUBEFLOW_FIELDS[typeKey]]);
  switch (typeKey) {
    case 'trainer.kubeflow.org/trainjobs':
      return [role('node', count(spec.trainer?.numNodes, 1), { containers: [{ resources: spec.trainer?.resourcesPerNode }] })];
    case 'jobset.x-k8s.io/jobsets':
      return (spec.replicatedJobs ?? []).map((rj: any) => role(String(rj?.name), count(rj?.replicas, 1) * batchParallel(rj?.template?.spec), rj?.template?.spec?.template?.spec));
    case 'batch.volcano.sh/jobs':
      return (spec.tasks ?? []).map((task: any) => role(String(task?.name ?? 'task'), count(task?.replicas, 1), task?.template?.spec));
    case 'ray.io/rayjobs': {
      // KubeRay's default submission mode runs the entrypoint in a submitter Job's pod.
      const submitter = spec.submissionMode === undefined || spec.submissionMode === 'K8sJobMode' ? [role('submitter', 1, undefined)] : [];
      return [...(spec.rayClusterSpec ? rayRoles(spec.rayClusterSpec) : []), ...submitter];
    }
    case 'ray.io/rayclusters':
      return rayRoles(spec);
    case 'leaderworkerset.x-k8s.io/leaderworkersets': {
      const groups = count(spec.replicas, 1);
      const template = spec.leaderWorkerTemplate ?? {};
      const size = count(template.size, 1);
      return [role('leader', groups, (template.leaderTemplate ?? template.workerTemplate)?.spec), role('worker', groups * Math.max(0, size - 1), template.workerTemplate?.spec)];
    }
    case 'batch/jobs':
      return [role('pod', batchParallel(spec), spec.template?.spec)];
    case 'apps/deployments':
      return [role('replica', count(spec.replicas, 1), spec.template?.spec)];
    case 'serving.kserve.io/inferenceservices':
      return inferenceRoles(spec);
    default:
      return [];
  }
}

export function workloadShape(typeKey: string, object: unknown): WorkloadShape {
  const roles = rolesOf(typeKey, object).filter((r) => r.replicas > 0 || r.gpusPerPod > 0);
  return {
    roles,
    replicas: roles.reduce((sum, r) => sum + r.replicas, 0),
    gpus: roles.reduce((sum, r) => sum + r.replicas * r.gpusPerPod, 0),
  };
}
