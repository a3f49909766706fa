// Kubeflow Notebook: the notebook controller runs `spec.template.spec` as the one pod of a
// StatefulSet, and none while the notebook is stopped (the `kubeflow-resource-stopped`
// annotation, which the notebooks UI and the idle culler set).
import type { ScalarNode } from '../nodes';
import { podView } from '../pod-spec';
import type { PodView } from '../workload';
import type { YamlMap } from '../yaml-map';

/** The annotation that scales a notebook's StatefulSet to zero, whatever its value. */
const STOPPED_ANNOTATION = 'kubeflow-resource-stopped';

export function notebookPods(root: YamlMap, kindNode: ScalarNode): PodView[] {
  const stopped = root.map('metadata')?.map('annotations')?.entry(STOPPED_ANNOTATION) !== undefined;
  const pod = podView(root.map('spec')?.map('template')?.map('spec'), 'notebook', kindNode, stopped ? 0 : 1);
  return pod ? [pod] : [];
}
