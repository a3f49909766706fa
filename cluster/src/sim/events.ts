// Records core/v1 Events the way client-go's recorder does: named `<object>.<hex time>`, and a
// repeat of the same reason and message for the same object counted on the first one.
import type { Clock } from './clock';
import type { Store } from '../store/store';
import { timestamp, type KubeObject } from '../store/object';

export interface EventSource {
  component: string;
  host?: string;
}

export class EventRecorder {
  private sequence = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  record(object: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const namespace = object.metadata.namespace ?? 'default';
    const now = timestamp(this.clock.now());
    const same = this.store
      .list('/events', namespace)
      .find(
        (e) =>
          e.involvedObject?.uid === object.metadata.uid &&
          e.reason === reason &&
          e.message === message &&
          e.involvedObject?.fieldPath === fieldPath,
      );
    if (same) {
      this.store.mutate('/events', namespace, same.metadata.name, (e) => {
        e.count = (e.count ?? 1) + 1;
        e.lastTimestamp = now;
      });
      return;
    }
    const nanos = BigInt(this.clock.now()) * 1000000n + BigInt(this.sequence++ % 1000000);
    const involvedObject: Record<string, unknown> = {
      kind: object.kind,
      namespace: object.metadata.namespace,
      name: object.metadata.name,
      uid: object.metadata.uid,
      apiVersion: object.apiVersion,
      resourceVersion: object.metadata.resourceVersion,
    };
    if (fieldPath) involvedObject.fieldPath = fieldPath;
    if (!object.metadata.namespace) delete involvedObject.namespace;
    this.store.create('/events', {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${object.metadata.name}.${nanos.toString(16)}`, namespace },
      involvedObject,
      reason,
      message,
      source,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    });
  }
}
