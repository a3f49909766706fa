// Argo Workflows: a template that runs a container (`container`, or `script`: a container and its
// source) or several (`containerSet`) runs as a pod, with its init containers and sidecars, each time
// a step or a DAG task calls it; steps, tasks and their loops decide how many run at once, so the
// count is left open. The template's own pod fields come first, then the workflow's template defaults
// and workflow-wide ones (tolerations, node selector, affinity, volumes), which Argo adds to every pod.
import type { ScalarNode } from '../nodes';
import { containerView, podOf } from '../pod-spec';
import type { PodView } from '../workload';
import type { YamlMap } from '../yaml-map';

/** The name Argo gives the container of a `container` or `script` template when it has none. */
const MAIN_CONTAINER = 'main';

/** The pods of a workflow spec: one role per template that runs containers, named by the template. */
export function workflowSpecPods(spec: YamlMap | undefined, kindNode: ScalarNode): PodView[] {
  if (!spec) return [];
  const defaults = spec.map('templateDefaults');
  const mergedSpecs = defaults ? [defaults, spec] : [spec];
  return spec.maps('templates').flatMap((template) => {
    const main = template.map('container') ?? template.map('script');
    const set = template.map('containerSet')?.maps('containers') ?? [];
    if (!main && !set.length) return [];
    const containers = [
      ...(main ? [containerView(main, false, 'resources', MAIN_CONTAINER)] : []),
      ...set.map((container) => containerView(container, false)),
      ...template.maps('sidecars').map((container) => containerView(container, false)),
    ];
    return [
      podOf({
        role: template.string('name') ?? 'template',
        roleNode: template.scalar('name') ?? kindNode,
        spec: template,
        mergedSpecs,
        containers,
        initContainers: template.maps('initContainers').map((container) => containerView(container, true)),
      }),
    ];
  });
}

/** Where each Argo kind keeps its workflow spec. */
export const WORKFLOW_SPEC: Record<string, (root: YamlMap) => YamlMap | undefined> = {
  Workflow: (root) => root.map('spec'),
  WorkflowTemplate: (root) => root.map('spec'),
  ClusterWorkflowTemplate: (root) => root.map('spec'),
  CronWorkflow: (root) => root.map('spec')?.map('workflowSpec'),
};
