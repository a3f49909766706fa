// Reads a PodSpec (or a container-like map) into the workload view's containers: name, image,
// launcher command and arguments, env and the resources the GPU rules look at.
import type { ContainerView, EnvVar, PodView, ResourceQuantity, Resources } from './workload';
import type { YamlMap } from './yaml-map';
import type { ScalarNode } from './nodes';

function quantities(map: YamlMap | undefined): ResourceQuantity[] {
  const found: ResourceQuantity[] = [];
  if (map)
    for (const entry of map.node.entries)
      found.push({ entry, name: String(entry.key.value), value: entry.value?.kind === 'scalar' ? entry.value : undefined });
  return found;
}

export function resourcesOf(owner: YamlMap, key = 'resources'): Resources {
  const node = owner.map(key);
  const requestsNode = node?.map('requests');
  const limitsNode = node?.map('limits');
  const requests = quantities(requestsNode);
  const limits = quantities(limitsNode);
  return { node, owner, key, requests, limits, all: requests.concat(limits), requestsNode, limitsNode };
}

function envOf(container: YamlMap): EnvVar[] {
  const env: EnvVar[] = [];
  for (const node of container.maps('env')) {
    const nameNode = node.scalar('name');
    if (nameNode && nameNode.value !== null) env.push({ name: String(nameNode.value), nameNode, value: node.scalar('value'), node });
  }
  return env;
}

/** A container, or a map shaped like one (a KServe model, a TrainJob trainer), named by its key when it has no name. */
export function containerView(node: YamlMap, init: boolean, resourcesKey = 'resources', key?: string): ContainerView {
  const nameNode = node.scalar('name');
  return {
    node,
    name: node.string('name') ?? key,
    nameNode,
    image: node.scalar('image'),
    command: node.scalars('command'),
    args: node.scalars('args'),
    env: envOf(node),
    resources: resourcesOf(node, resourcesKey),
    init,
    sidecar: init && node.string('restartPolicy') === 'Always',
  };
}

/** A pod view from its parts (a fresh object, completed in place), with the list of all its containers that rules iterate. */
export function podOf(pod: Omit<PodView, 'allContainers'>): PodView {
  const view = pod as PodView;
  view.allContainers = pod.initContainers.concat(pod.containers);
  return view;
}

/** The pods of one role from its PodSpec; undefined when the spec is not written. */
export function podView(
  spec: YamlMap | undefined,
  role: string,
  roleNode: ScalarNode,
  replicas?: number,
  replicasNode?: ScalarNode,
): PodView | undefined {
  if (!spec) return undefined;
  return podOf({
    role,
    roleNode,
    replicas,
    replicasNode,
    spec,
    containers: spec.maps('containers').map((container) => containerView(container, false)),
    initContainers: spec.maps('initContainers').map((container) => containerView(container, true)),
  });
}
