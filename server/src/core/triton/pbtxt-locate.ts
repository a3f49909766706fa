// Finds where an offset is in a parsed Triton config: the chain of message fields around it
// (from the root), and the field whose name or value is under it.
import type { PbField, PbMessage, PbValue } from './pbtxt-ast';

export interface PbLocation {
  /** Names of the message fields enclosing the offset, outermost first. */
  path: string[];
  /** The message the offset is in (the root when in no field's braces). */
  message: PbMessage;
  /** The field whose name or scalar value holds the offset, if any. */
  field?: PbField;
  onName: boolean;
}

function containing(value: PbValue | null, offset: number): PbMessage | undefined {
  if (!value) return undefined;
  if (value.kind === 'message') return offset > value.start && (offset < value.end || !value.closed) ? value : undefined;
  if (value.kind === 'list') {
    for (const item of value.items) if (item.kind === 'message' && offset > item.start && (offset < item.end || !item.closed)) return item;
  }
  return undefined;
}

export function locate(root: PbMessage, offset: number): PbLocation {
  const path: string[] = [];
  let message = root;
  for (;;) {
    let inner: PbMessage | undefined;
    for (const field of message.fields) {
      if (offset >= field.nameStart && offset <= field.nameEnd) return { path, message, field, onName: true };
      const value = field.value;
      if (value?.kind === 'scalar' && offset >= value.start && offset <= value.end) return { path, message, field, onName: false };
      inner = containing(value, offset);
      if (inner) {
        path.push(field.name);
        break;
      }
    }
    if (!inner) return { path, message, onName: false };
    message = inner;
  }
}
