import * as assert from 'node:assert/strict';
import type { MapNode, SeqNode } from '../document';
import { parseDocumentText } from '../parse/yaml-file';
import { removeItem, type OffsetEdit } from './yaml-edits';

const apply = (text: string, edit: OffsetEdit) => text.slice(0, edit.start) + edit.newText + text.slice(edit.end);

/** Removes item `index` of the sequence under the document's first key. */
function withoutItem(text: string, index: number): string {
  const seq = (parseDocumentText(text).root as MapNode).entries[0].value as SeqNode;
  return apply(text, removeItem(text, seq, seq.items[index]!));
}

describe('removeItem', () => {
  it('removes a block item with its lines, trailing comment and block scalar included', () => {
    const text = 'env:\n  - name: A\n    value: "1"\n  - name: B\n    value: x # why\nnext: 1\n';
    assert.equal(withoutItem(text, 0), 'env:\n  - name: B\n    value: x # why\nnext: 1\n');
    assert.equal(withoutItem(text, 1), 'env:\n  - name: A\n    value: "1"\nnext: 1\n');
    assert.equal(withoutItem('env:\n- name: A\n  value: |\n    hi\n- name: B\n', 0), 'env:\n- name: B\n');
  });

  it('removes the dash written on its own line, and keeps CRLF line breaks', () => {
    assert.equal(withoutItem('env:\n  -\n    name: A\n  - b\n', 0), 'env:\n  - b\n');
    assert.equal(withoutItem('env:\r\n  - a\r\n  - b\r\n', 0), 'env:\r\n  - b\r\n');
  });

  it('removes a flow item with its comma', () => {
    const text = 'env: [{ name: A, value: "1" }, { name: B }, c]\n';
    assert.equal(withoutItem(text, 0), 'env: [{ name: B }, c]\n');
    assert.equal(withoutItem(text, 1), 'env: [{ name: A, value: "1" }, c]\n');
    assert.equal(withoutItem(text, 2), 'env: [{ name: A, value: "1" }, { name: B }]\n');
    assert.equal(withoutItem('env: [ a ]\n', 0), 'env: []\n');
  });
});
