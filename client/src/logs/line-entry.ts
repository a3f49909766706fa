// A container's line as the view gets it: tagged with its pod's role and index, marked when it
// matches a known training failure, with links to the source files its traceback frames name.
import { matchFailure } from './failures/index';
import type { Unnumbered } from './merger';
import type { PodTag } from './pod-tags';
import { sourceLinks } from './source-links';

export interface LineSource {
  pod: string;
  container: string;
  tag: PodTag;
}

export function lineEntry(source: LineSource, text: string, time?: string): Unnumbered {
  const entry: Unnumbered = {
    kind: 'line',
    pod: source.pod,
    container: source.container,
    tag: source.tag.tag,
    role: source.tag.role,
    text,
  };
  if (time !== undefined) entry.time = time;
  const failure = matchFailure(text);
  if (failure) {
    entry.failure = failure;
    entry.level = 'error';
  }
  const links = sourceLinks(text);
  if (links) entry.links = links;
  return entry;
}
