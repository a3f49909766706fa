// The upstream CRD files are real CustomResourceDefinitions: checked as manifests, every one of
// them must come out clean (the CRD schema itself, with its x-kubernetes-* fields, is right).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedService } from '../harness/cursor';

const crds = join(__dirname, '..', '..', '..', 'schemas', 'upstream', 'crds');

describe('upstream CRDs as manifests', function () {
  this.timeout(60000);

  it('have no problems', () => {
    const files = readdirSync(crds).filter((name) => name.endsWith('.yaml'));
    assert.ok(files.length >= 20, `${files.length} CRD files in ${crds}`);
    const problems = files.flatMap((name) => {
      const uri = `file:///workspace/crds/${name}`;
      const findings = sharedService().validate({ uri, text: readFileSync(join(crds, name), 'utf8') }).findings;
      sharedService().forget(uri);
      return findings.map((f) => `${name}:${f.range.start.line + 1}: ${f.code} ${f.message}`);
    });
    assert.deepEqual(problems, []);
  });
});
