// A list in pages (`limit` + `continue`), as large clusters need: 5,000 pods come as ten pages of
// 500 instead of one answer of many megabytes. The pages are one consistent snapshot at the first
// page's resourceVersion; when the server has forgotten that snapshot (410 on a `continue`), the
// list starts over.
import { isExpired } from './errors';

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; uid?: string; resourceVersion?: string; [key: string]: unknown };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- objects are read as JSON
  [key: string]: any;
}

export interface ListPage {
  items: KubeObject[];
  metadata: { resourceVersion?: string; continue?: string };
}

export interface ListQuery {
  limit: number;
  continue?: string;
}

export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  pages: number;
}

export const PAGE_SIZE = 500;

export async function listAllPages(
  fetchPage: (query: ListQuery) => Promise<ListPage>,
  pageSize = PAGE_SIZE,
  maxRestarts = 3,
): Promise<ListResult> {
  for (let restarts = 0; ; restarts++) {
    const items: KubeObject[] = [];
    let token: string | undefined;
    let resourceVersion = '';
    let pages = 0;
    try {
      do {
        const page = await fetchPage(token ? { limit: pageSize, continue: token } : { limit: pageSize });
        pages++;
        for (const item of page.items ?? []) items.push(item);
        if (pages === 1) resourceVersion = page.metadata?.resourceVersion ?? '';
        token = page.metadata?.continue || undefined;
      } while (token);
      return { items, resourceVersion, pages };
    } catch (error) {
      // Only a continuation can expire; a first page answering 410 is an error to report.
      if (!(pages > 0 && isExpired(error) && restarts < maxRestarts)) throw error;
    }
  }
}
