// The objects of one list+watch, by namespace/name, and the resourceVersion to resume from.
// Applying a watch event says what it changed, so callers refresh only what must be.
import type { KubeObject } from './paging';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent {
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- names the types handled; a server may send others
  type: WatchEventType | string;
  object: KubeObject | { kind?: string; code?: number; message?: string; metadata?: { resourceVersion?: string } };
}

export type Applied = 'added' | 'modified' | 'deleted' | 'bookmark' | 'expired' | 'error' | 'ignored';

export function objectKey(object: { metadata?: { namespace?: string; name?: string } }): string {
  return `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}

export class ObjectStore {
  private readonly objects = new Map<string, KubeObject>();
  private snapshot: KubeObject[] | undefined;
  resourceVersion = '';

  /** After a (re-)list: exactly these objects. */
  replace(items: readonly KubeObject[], resourceVersion: string): void {
    this.objects.clear();
    for (const item of items) this.objects.set(objectKey(item), item);
    this.resourceVersion = resourceVersion;
    this.snapshot = undefined;
  }

  apply(event: WatchEvent): Applied {
    const object = event.object as KubeObject;
    const version = object?.metadata?.resourceVersion;
    switch (event.type) {
      case 'ADDED':
      case 'MODIFIED': {
        if (!object?.metadata?.name) return 'ignored';
        const existed = this.objects.has(objectKey(object));
        this.objects.set(objectKey(object), object);
        this.snapshot = undefined;
        if (version) this.resourceVersion = version;
        return existed ? 'modified' : 'added';
      }
      case 'DELETED': {
        if (version) this.resourceVersion = version;
        if (!this.objects.delete(objectKey(object))) return 'ignored';
        this.snapshot = undefined;
        return 'deleted';
      }
      case 'BOOKMARK':
        if (version) this.resourceVersion = version;
        return 'bookmark';
      case 'ERROR':
        return (event.object as { code?: number })?.code === 410 ? 'expired' : 'error';
      default:
        return 'ignored';
    }
  }

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.objects.get(`${namespace ?? ''}/${name}`);
  }

  get size(): number {
    return this.objects.size;
  }

  /** The objects, as an array that stays the same until something changes. */
  items(): readonly KubeObject[] {
    this.snapshot ??= [...this.objects.values()];
    return this.snapshot;
  }
}
