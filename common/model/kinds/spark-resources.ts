// What Spark writes on a driver's or an executor's container, from the role's fields: CPU from
// `coreRequest` (else `cores`, 1 by default) with `coreLimit` as the limit; memory, `memory` plus
// its overhead, as request and limit (`memoryLimit` overriding the limit); and the `gpu` as a limit
// (Spark's pod builder and the operator's webhook). A pod template's container keeps the rest.
import type { ScalarNode } from '../nodes';
import { resourcesOf } from '../pod-spec';
import type { ResourceQuantity, Resources } from '../workload';
import type { YamlMap } from '../yaml-map';

const MiB = 2 ** 20;
/** The overhead Spark gives a pod at least: 384 MiB. */
const MIN_OVERHEAD = 384 * MiB;
/** Spark's overhead factors: JVM applications (Java, Scala) and the others (Python, R), whose interpreter needs more. */
const JVM_FACTOR = 0.1;
const NON_JVM_FACTOR = 0.4;
const UNITS: Record<string, number> = { b: 1, k: 2 ** 10, m: MiB, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };

/** A JVM memory size as Spark reads its memory settings (`4g`, `512m`, `1.5gb`; MiB without a unit); undefined otherwise. */
export function jvmBytes(value: string | undefined): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(?:([bkmgtp])b?)?$/.exec((value ?? '').trim().toLowerCase());
  return match ? Math.floor(Number(match[1]) * UNITS[match[2] ?? 'm']) : undefined;
}

/** The memory overhead factor of an application: `memoryOverheadFactor`, else Spark's for its type. */
export function overheadFactor(app: YamlMap): number {
  const written = Number(app.string('memoryOverheadFactor'));
  if (app.string('memoryOverheadFactor') !== undefined && Number.isFinite(written)) return written;
  return ['Python', 'R'].includes(app.string('type') ?? 'Scala') ? NON_JVM_FACTOR : JVM_FACTOR;
}

/** A quantity Spark derives: named `name`, its value computed, placed on the field it comes from (or at `at`, for a default). */
function derived(name: string, value: number, from: YamlMap, key: string, at: number): ResourceQuantity {
  const entry = from.entry(key);
  const [start, end] = entry?.value ? [entry.value.start, entry.value.end] : [at, at];
  const node: ScalarNode = { kind: 'scalar', value, quoted: false, start, end };
  return { entry: { key: entry?.key ?? { ...node, value: key }, value: node }, name, value: node };
}

/** A quantity written in a field of the role, as it is (`coreRequest: 500m`, the GPU count). */
function written(name: string, key: ScalarNode, value: ScalarNode): ResourceQuantity {
  return { entry: { key, value }, name, value };
}

/**
 * The resources of the Spark container of a role (`driver`, `executor`), `base` being the container
 * of its pod template when it has one: Spark's own values replace the template's for the same names.
 */
export function sparkResources(app: YamlMap, role: YamlMap, base: YamlMap | undefined): Resources {
  const at = role.node.start;
  const cpuField = role.scalar('coreRequest') ? 'coreRequest' : 'cores';
  const cpu = role.entry(cpuField);
  const requests = [cpu?.value?.kind === 'scalar' ? written('cpu', cpu.key, cpu.value) : derived('cpu', 1, role, cpuField, at)];
  const limits: ResourceQuantity[] = [];
  const coreLimit = role.entry('coreLimit');
  if (coreLimit?.value?.kind === 'scalar') limits.push(written('cpu', coreLimit.key, coreLimit.value));
  const memory = jvmBytes(role.string('memory') ?? '1g') ?? 0;
  const overhead = jvmBytes(role.string('memoryOverhead')) ?? Math.max(Math.floor(memory * overheadFactor(app)), MIN_OVERHEAD);
  requests.push(derived('memory', memory + overhead, role, 'memory', at));
  const memoryLimit = role.entry('memoryLimit');
  if (memoryLimit?.value?.kind === 'scalar') limits.push(written('memory', memoryLimit.key, memoryLimit.value));
  else limits.push(derived('memory', memory + overhead, role, 'memory', at));
  // The operator's webhook adds the GPU only with a resource name and a positive count.
  const gpu = role.map('gpu');
  const gpuName = gpu?.scalar('name');
  const gpuCount = gpu?.scalar('quantity');
  if (gpuName && typeof gpuName.value === 'string' && gpuName.value && gpuCount && Number(gpuCount.value) > 0) {
    limits.push(written(gpuName.value, gpuName, gpuCount));
  }
  const own = base ? resourcesOf(base) : undefined;
  const set = (list: ResourceQuantity[]) => new Set(list.map((quantity) => quantity.name));
  const [setRequests, setLimits] = [set(requests), set(limits)];
  const allRequests = (own?.requests ?? []).filter((quantity) => !setRequests.has(quantity.name)).concat(requests);
  const allLimits = (own?.limits ?? []).filter((quantity) => !setLimits.has(quantity.name)).concat(limits);
  return {
    node: own?.node,
    owner: base ?? role,
    key: 'resources',
    requests: allRequests,
    limits: allLimits,
    all: allRequests.concat(allLimits),
    requestsNode: own?.requestsNode,
    limitsNode: own?.limitsNode,
  };
}
