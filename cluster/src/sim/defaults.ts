// The defaults the API server fills into a new object before storing it (a uid first, since a
// Job's selector names it).
import type { KubeObject } from '../store/object';
import type { Random } from './random';
import { defaultJob } from './controllers/job';

export function withDefaults(resource: string, object: KubeObject, random: Random): KubeObject {
  object.metadata.uid ??= random.uuid();
  if (resource === 'batch/jobs') defaultJob(object);
  if (resource === 'apps/deployments') {
    const spec = (object.spec ??= {});
    spec.replicas ??= 1;
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    spec.strategy ??= { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
  }
  if (resource === '/namespaces') {
    object.metadata.labels = { ...(object.metadata.labels ?? {}), 'kubernetes.io/metadata.name': object.metadata.name };
    object.spec ??= { finalizers: ['kubernetes'] };
    object.status ??= { phase: 'Active' };
  }
  return object;
}
