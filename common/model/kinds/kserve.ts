// KServe InferenceService: predictor, transformer and explainer are pod specs of their own,
// whose model or framework entry (`model`, `pytorch`, `triton`, …) is one more container.
import type { ScalarNode } from '../nodes';
import { containerView, podOf, podView } from '../pod-spec';
import type { PodView } from '../workload';
import type { YamlMap } from '../yaml-map';

/** The container-shaped entries of a component: the model and the framework predictors. */
const MODEL_KEYS = [
  'model',
  'pytorch',
  'tensorflow',
  'triton',
  'onnx',
  'sklearn',
  'xgboost',
  'lightgbm',
  'paddle',
  'pmml',
  'huggingface',
  'alibi',
  'art',
];

export function inferenceServicePods(root: YamlMap, kindNode: ScalarNode): PodView[] {
  const spec = root.map('spec');
  return ['predictor', 'transformer', 'explainer'].flatMap((role) => {
    const component = spec?.map(role);
    const pod = podView(
      component,
      role,
      spec?.entry(role)?.key ?? kindNode,
      component?.integer('minReplicas') ?? 1,
      component?.scalar('minReplicas'),
    );
    if (!pod || !component) return [];
    const models = MODEL_KEYS.flatMap((key) => {
      const model = component.map(key);
      return model ? [containerView(model, false, 'resources', key)] : [];
    });
    return [podOf({ ...pod, containers: [...models, ...pod.containers] })];
  });
}
