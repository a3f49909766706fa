// The user's say over the Triton checks is the one they have over the GPU rules: levels from the
// mlinfra.rules setting, suppression comments in config.pbtxt, and links to the checks' pages;
// syntax and structure findings link to the page of their codes and cannot be silenced.
import * as assert from 'node:assert/strict';
import { checkFindings } from '../../../../../test/harness/check';
import { fixture } from '../../../../../test/harness/fixture';
import { testHost } from '../../../../../test/harness/hosts';
import { createLanguageService } from '../../language-service';

const uri = 'file:///models/detector/config.pbtxt';
const only = (code: string) => code.startsWith('triton/') || code.startsWith('pbtxt/');

describe('Triton check settings and suppression', () => {
  it('silences a check on the next line that is not a comment, or in the whole file', () => {
    checkFindings(
      fixture`
      backend: "python"
      # mlinfra-disable-next-line triton/max-batch-size
      # (the model is generated; the batch size is fixed by the exporter)
      max_batch_size: -1
      input [ { name: "x" data_type: TYPE_FP32 dims: [ 0 ] } ]
      #                                                ^ error[triton/dims]: model 'detector', tensor 'x': dimension must be integer >= 1, or -1 to indicate a variable-size dimension (found 0).
    `,
      { uri, only },
    );
    checkFindings(
      fixture`
      # mlinfra-disable triton/dims, triton/max-batch-size
      backend: "python"
      max_batch_size: -1
      input [ { name: "x" data_type: TYPE_FP32 dims: [ 0 ] } ]
    `,
      { uri, only },
    );
  });

  it('leaves syntax and structure findings alone, whatever the comments say', () => {
    checkFindings(
      fixture`
      # mlinfra-disable
      backend: "python"
      input [ { name: "x" data_type: TYPE_FP23 dims: [ 0 ] } ]
      #                              ^^^^^^^^^ error[triton/unknown-enum-value]: Unknown enumeration value of "TYPE_FP23" for field "data_type". Did you mean "TYPE_FP32"?
      output [ { name: "y" dims [ 1 ] } ]
      #                         ^ error[pbtxt/missing-colon]: Expected ":", found "[".
    `,
      { uri, only },
    );
  });

  it("sets a check to another severity, or off, with the rules' setting", () => {
    const service = createLanguageService(testHost());
    const text = 'name: ""\nbackend: "python"\nmax_batch_size: -1\n';
    const levels = () => service.validate({ uri, text }).findings.map((finding) => `${finding.code} ${finding.severity}`);
    assert.deepEqual(levels(), ['triton/name-mismatch warning', 'triton/max-batch-size error']);
    const problems = service.setRuleLevels({ 'triton/name-mismatch': 'error', 'triton/max-batch-size': 'info', 'gpu/shm-size': 'off' });
    assert.deepEqual(problems, []);
    assert.deepEqual(levels(), ['triton/name-mismatch error', 'triton/max-batch-size info']);
    service.setRuleLevels({ 'triton/max-batch-size': 'off' });
    assert.deepEqual(levels(), ['triton/name-mismatch warning']);
    assert.deepEqual(service.setRuleLevels({ 'triton/max-batch-sise': 'off', 'triton/unknown-field': 'off' }), [
      'mlinfra.rules: unknown rule "triton/max-batch-sise".',
      'mlinfra.rules: unknown rule "triton/unknown-field".',
    ]);
  });

  it("links a check's finding to its page, and a structure finding to its entry on the syntax and schema page", () => {
    const service = createLanguageService({ ...testHost(), ruleDocs: 'file:///ext/docs/rules/' });
    const text = 'backend: "python"\nmax_batch_size: -1\ninput [ { name: "x" data_type: TYPE_FP23 dims: [ 1 ] } ]\n';
    const links = service.validate({ uri, text }).findings.map((finding) => [finding.code, finding.href]);
    assert.deepEqual(links, [
      ['triton/max-batch-size', 'file:///ext/docs/rules/triton/max-batch-size.md'],
      ['triton/unknown-enum-value', 'file:///ext/docs/rules/syntax-and-schema.md#tritonunknown-enum-value'],
    ]);
  });

  it('links YAML syntax and schema findings to their entries too', () => {
    const service = createLanguageService({ ...testHost(), ruleDocs: 'file:///ext/docs/rules/' });
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\nspec:\n  containerz: []\n';
    const links = service.validate({ uri: 'file:///w/pod.yaml', text }).findings.map((finding) => [finding.code, finding.href]);
    assert.deepEqual(links, [
      ['yaml/duplicate-key', 'file:///ext/docs/rules/syntax-and-schema.md#yamlduplicate-key'],
      ['schema/unknown-field', 'file:///ext/docs/rules/syntax-and-schema.md#schemaunknown-field'],
    ]);
  });
});
