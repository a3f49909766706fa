// Tree elements keep their identity across refreshes: VS Code finds the row to refresh by the
// element object given to onDidChangeTreeData, so a row with the same id must stay the same object.
// Rows that disappear (a deleted pod) are forgotten with their descendants.

export class ElementRegistry<T extends { id: string }> {
  private readonly byId = new Map<string, T>();
  private readonly childIds = new Map<string, string[]>();

  /** `onForget` hears of each row forgotten, to drop what the caller keeps about it. */
  constructor(private readonly onForget: (id: string) => void = () => undefined) {}

  /** The kept objects for `fresh` under `parentId`, updated in place. */
  update(parentId: string, fresh: readonly T[]): T[] {
    const result = fresh.map((item) => {
      const kept = this.byId.get(item.id);
      if (!kept) {
        this.byId.set(item.id, item);
        return item;
      }
      for (const key of Object.keys(kept)) if (!(key in item)) delete (kept as Record<string, unknown>)[key];
      Object.assign(kept, item);
      return kept;
    });
    const now = new Set(result.map((item) => item.id));
    for (const id of this.childIds.get(parentId) ?? []) if (!now.has(id)) this.forget(id);
    this.childIds.set(parentId, [...now]);
    return result;
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  private forget(id: string): void {
    this.byId.delete(id);
    this.onForget(id);
    for (const child of this.childIds.get(id) ?? []) this.forget(child);
    this.childIds.delete(id);
  }

  clear(): void {
    this.byId.clear();
    this.childIds.clear();
  }
}
