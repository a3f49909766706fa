// Knative Serving: a Service (through the Configuration it creates) or a Configuration stamps a
// Revision of `spec.template`, whose pods the autoscaler starts and stops with the traffic: from
// zero by default, so the count is left open, unless the template's `autoscaling.knative.dev/min-scale`
// (or its older spelling `minScale`) keeps some running: that minimum is then the count, as an
// autoscaled InferenceService's minReplicas is. Knative names the containers left unnamed.
import type { ScalarNode } from '../nodes';
import { podOf, podView } from '../pod-spec';
import type { ContainerView, PodView } from '../workload';
import type { YamlMap } from '../yaml-map';

/** The annotations that keep a revision's pods from scaling below a count, in Knative's order of priority. */
const MIN_SCALE = ['autoscaling.knative.dev/min-scale', 'autoscaling.knative.dev/minScale'];

/**
 * Knative's default names (its `container-name-template` and `init-container-name-template`): the base
 * alone for the one container of its list, else the base and a number, skipping names already written.
 */
function withDefaultNames(containers: ContainerView[], written: Set<string>, base: string): ContainerView[] {
  let next = 0;
  return containers.map((container) => {
    if (container.name) return container;
    let name = base;
    if (containers.length > 1 || written.has(name)) {
      do name = `${base}-${next++}`;
      while (written.has(name));
    }
    return { ...container, name };
  });
}

export function knativeRevisionPods(root: YamlMap, kindNode: ScalarNode): PodView[] {
  const template = root.map('spec')?.map('template');
  const annotations = template?.map('metadata')?.map('annotations');
  const key = MIN_SCALE.find((name) => annotations?.entry(name));
  const minScale = key ? annotations?.integer(key) : undefined;
  const open = minScale === undefined || minScale <= 0;
  const pod = podView(template?.map('spec'), 'revision', kindNode, open ? undefined : minScale, key ? annotations?.scalar(key) : undefined);
  if (!pod) return [];
  const written = new Set(pod.allContainers.flatMap((container) => container.name ?? []));
  return [
    podOf({
      ...pod,
      containers: withDefaultNames(pod.containers, written, 'user-container'),
      initContainers: withDefaultNames(pod.initContainers, written, 'init-container'),
    }),
  ];
}
