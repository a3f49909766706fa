import * as assert from 'node:assert/strict';
import { parseYamlFile } from '../parse/yaml-file';
import { parseQuantity, quantityText, quantityValue } from './index';
import { workloadOf } from './index';

describe('resource quantities', () => {
  it('reads numbers and the quantity grammar by value', () => {
    const cases: [string | number | null | boolean, number | undefined][] = [
      [2, 2],
      [0.5, 0.5],
      ['2', 2],
      [' 3 ', 3],
      ['500m', 0.5],
      ['1000m', 1],
      ['1500m', 1.5],
      ['.5', 0.5],
      ['1.', 1],
      ['+1', 1],
      ['-1', -1],
      ['2k', 2000],
      ['1e3', 1000],
      ['5E-1', 0.5],
      ['64Gi', 64 * 2 ** 30],
      ['1Ki', 1024],
      ['100n', 1e-7],
      ['1 GPU', undefined],
      ['2Kb', undefined],
      ['', undefined],
      [null, undefined],
      [true, undefined],
    ];
    for (const [input, expected] of cases) assert.equal(parseQuantity(input), expected, String(input));
  });

  it('reads a request or limit, and gives it back as written', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      resources:\n        limits: { nvidia.com/gpu: 500m, cpu: "2", memory: 1.50 }\n';
    const workload = workloadOf(parseYamlFile(text).documents[0].root)!;
    const limits = workload.pods[0].containers[0].resources.limits;
    assert.deepEqual(limits.map(quantityValue), [0.5, 2, 1.5]);
    assert.deepEqual(
      limits.map((limit) => quantityText(text, limit)),
      ['500m', '2', '1.50'],
    );
  });
});
