// An ensemble's steps against what their models serve and stream: the version each step asks for
// (its model's version folders and version policy) and the decoupled models its tensors come
// from. Each repository is a set of files in a test host; every finding of the ensemble is shown.
import { checkFindings } from '../../../../../test/harness/check';
import { fixture } from '../../../../../test/harness/fixture';
import { repository, REPO } from '../../../../../test/harness/hosts';

const uri = `${REPO}/pipeline/config.pbtxt`;

/** A one-step ensemble running `model` with the step's other fields `fields` (model_version…). */
const oneStep = (model: string, fields: string) => `
  platform: "ensemble"
  input [ { name: "IN" data_type: TYPE_FP32 dims: [ 4 ] } ]
  output [ { name: "OUT" data_type: TYPE_FP32 dims: [ 4 ] } ]
  ensemble_scheduling { step [ { model_name: "${model}" ${fields} input_map { key: "x" value: "IN" } output_map { key: "y" value: "OUT" } } ] }
`;

describe('Triton ensemble steps', () => {
  describe('the version a step asks for', () => {
    it('accepts -1 and the versions each policy serves', () => {
      const host = repository({
        'newest/config.pbtxt': 'backend: "python"',
        'newest/1/model.py': '',
        'newest/2/model.py': '',
        'every/config.pbtxt': 'backend: "python"\nversion_policy { all {} }',
        'every/1/model.py': '',
        'every/2/model.py': '',
        'chosen/config.pbtxt': 'backend: "python"\nversion_policy { specific { versions: [ 1, 3 ] } }',
        'chosen/1/model.py': '',
        'chosen/2/model.py': '',
        'chosen/3/model.py': '',
        'two/config.pbtxt': 'backend: "python"\nversion_policy { latest { num_versions: 2 } }',
        'two/1/model.py': '',
        'two/2/model.py': '',
        'two/3/model.py': '',
        'auto/1/model.onnx': '',
        'auto/2/model.onnx': '',
      });
      checkFindings(oneStep('newest', 'model_version: -1'), { uri, host });
      checkFindings(oneStep('newest', 'model_version: 2'), { uri, host });
      checkFindings(oneStep('every', 'model_version: 1'), { uri, host });
      checkFindings(oneStep('chosen', 'model_version: 1'), { uri, host });
      checkFindings(oneStep('two', 'model_version: 2'), { uri, host });
      // No config.pbtxt: auto-complete keeps the default policy, the newest folder.
      checkFindings(oneStep('auto', 'model_version: 2'), { uri, host });
    });

    it('reads an omitted model_version as version 0, as protobuf does', () => {
      checkFindings(
        fixture`
        platform: "ensemble"
        input [ { name: "IN" data_type: TYPE_FP32 dims: [ 4 ] } ]
        output [ { name: "OUT" data_type: TYPE_FP32 dims: [ 4 ] } ]
        ensemble_scheduling { step [ { model_name: "scorer" input_map { key: "x" value: "IN" } output_map { key: "y" value: "OUT" } } ] }
        #                                          ^^^^^^^^ error[triton/ensemble-versions]: ensemble 'pipeline' depends on 'scorer' whose required version 0 is not loaded: a step without model_version asks for version 0, and scorer serves 3. Add model_version: -1 to use its newest version.
      `,
        { uri, host: repository({ 'scorer/config.pbtxt': 'backend: "python"', 'scorer/1/model.py': '', 'scorer/3/model.py': '' }) },
      );
      // A model that has a version 0 serves it to a step that names no version.
      checkFindings(oneStep('scorer', ''), {
        uri,
        host: repository({ 'scorer/config.pbtxt': 'backend: "python"', 'scorer/0/model.py': '' }),
      });
    });

    it('wants a version folder, and one that the version policy selects', () => {
      const host = repository({
        'scorer/config.pbtxt': 'backend: "python"',
        'scorer/1/model.py': '',
        'scorer/2/model.py': '',
        'scorer/03/model.py': '',
        'chosen/config.pbtxt': 'backend: "python"\nversion_policy: { specific: { versions: [ 1 ] } }',
        'chosen/1/model.py': '',
        'chosen/2/model.py': '',
      });
      checkFindings(
        fixture`
        platform: "ensemble"
        input [ { name: "IN" data_type: TYPE_FP32 dims: [ 4 ] } ]
        output [ { name: "OUT" data_type: TYPE_FP32 dims: [ 4 ] }, { name: "OTHER" data_type: TYPE_FP32 dims: [ 4 ] }, { name: "THIRD" data_type: TYPE_FP32 dims: [ 4 ] } ]
        ensemble_scheduling { step [
          { model_name: "scorer" model_version: 3 input_map { key: "x" value: "IN" } output_map { key: "y" value: "OUT" } },
        #                                       ^ error[triton/ensemble-versions]: ensemble 'pipeline' depends on 'scorer' whose required version 3 is not loaded: scorer has no folder scorer/3/ and serves 2. Set model_version: -1 or one of 2, or create scorer/3/.
          { model_name: "scorer" model_version: 1 input_map { key: "x" value: "IN" } output_map { key: "y" value: "OTHER" } },
        #                                       ^ error[triton/ensemble-versions]: ensemble 'pipeline' depends on 'scorer' whose required version 1 is not loaded: its version policy (latest 1 (the default)) serves only 2 of its folders 1, 2. Set model_version: -1 or one of 2, or widen scorer's version_policy.
          { model_name: "chosen" model_version: 2 input_map { key: "x" value: "IN" } output_map { key: "y" value: "THIRD" } }
        #                                       ^ error[triton/ensemble-versions]: ensemble 'pipeline' depends on 'chosen' whose required version 2 is not loaded: its version policy (specific 1) serves only 1 of its folders 1, 2. Set model_version: -1 or one of 1, or widen chosen's version_policy.
        ] }
      `,
        { uri, host },
      );
    });

    it('says when the version policy of a step model selects none of its folders', () => {
      checkFindings(
        fixture`
        platform: "ensemble"
        input [ { name: "IN" data_type: TYPE_FP32 dims: [ 4 ] } ]
        output [ { name: "OUT" data_type: TYPE_FP32 dims: [ 4 ] } ]
        ensemble_scheduling { step [ { model_name: "scorer" model_version: -1 input_map { key: "x" value: "IN" } output_map { key: "y" value: "OUT" } } ] }
        #                                          ^^^^^^^^ error[triton/ensemble-versions]: ensemble 'pipeline' depends on 'scorer' which has no loaded version: at least one version must be available under the version policy of model 'scorer', and its policy (specific 4) selects none of its folders 1. Fix scorer's version_policy.
      `,
        {
          uri,
          host: repository({
            'scorer/config.pbtxt': 'backend: "python"\nversion_policy { specific { versions: 4 } }',
            'scorer/1/model.py': '',
          }),
        },
      );
    });

    it('says nothing of a step model without version folders (pulled at deploy time) or folders it cannot list', () => {
      checkFindings(oneStep('scorer', 'model_version: 2'), { uri, host: repository({ 'scorer/config.pbtxt': 'backend: "python"' }) });
      checkFindings(oneStep('scorer', ''), { uri, host: repository({ 'scorer/config.pbtxt': 'backend: "python"' }) });
      checkFindings(oneStep('scorer', 'model_version: 2'), { uri });
    });
  });

  describe('decoupled models', () => {
    const models = {
      'tokenizer/config.pbtxt': 'backend: "python"',
      'tokenizer/1/model.py': '',
      'generator/config.pbtxt': 'backend: "python"\nmodel_transaction_policy { decoupled: True }',
      'generator/1/model.py': '',
      'ranker/config.pbtxt': 'backend: "python"\nmodel_transaction_policy: { decoupled: 1 }',
      'ranker/1/model.py': '',
      'detokenizer/config.pbtxt': 'backend: "python"',
      'detokenizer/1/model.py': '',
      'unknown/1/model.py': '',
    };
    const host = repository(models);

    it('accepts steps fed from one stream: the request, or one decoupled model and the steps after it', () => {
      checkFindings(
        fixture`
        platform: "ensemble"
        input [ { name: "PROMPT" data_type: TYPE_STRING dims: [ 1 ] } ]
        output [ { name: "TEXT" data_type: TYPE_STRING dims: [ 1 ] }, { name: "IDS" data_type: TYPE_INT32 dims: [ -1 ] } ]
        ensemble_scheduling { step [
          { model_name: "tokenizer" model_version: -1 input_map { key: "text" value: "PROMPT" } output_map { key: "ids" value: "prompt_ids" } },
          { model_name: "generator" model_version: -1 input_map { key: "ids" value: "prompt_ids" } output_map [ { key: "ids" value: "token_ids" }, { key: "mask" value: "mask" } ] },
          { model_name: "ranker" model_version: -1 input_map [ { key: "ids" value: "token_ids" }, { key: "mask" value: "mask" } ] output_map { key: "ids" value: "IDS" } },
          { model_name: "detokenizer" model_version: -1 input_map { key: "ids" value: "IDS" } output_map { key: "text" value: "TEXT" } }
        ] }
      `,
        { uri, host },
      );
    });

    it('finds a step that joins the outputs of two decoupled models', () => {
      checkFindings(
        fixture`
        platform: "ensemble"
        input [ { name: "PROMPT" data_type: TYPE_STRING dims: [ 1 ] } ]
        output [ { name: "TEXT" data_type: TYPE_STRING dims: [ 1 ] } ]
        ensemble_scheduling { step [
          { model_name: "generator" model_version: -1 input_map { key: "text" value: "PROMPT" } output_map { key: "ids" value: "a" } },
          { model_name: "ranker" model_version: -1 input_map { key: "text" value: "PROMPT" } output_map { key: "ids" value: "b" } },
          { model_name: "detokenizer" model_version: -1 input_map [ { key: "ids" value: "a" }, { key: "more" value: "b" } ] output_map { key: "text" value: "TEXT" } }
        #               ^^^^^^^^^^^^^ error[triton/ensemble-decoupled]: in ensemble pipeline, step of model 'detokenizer' receives inputs originated from different decoupled models: 'a' comes from decoupled model 'generator' (step 1), 'b' comes from decoupled model 'ranker' (step 2). Feed this step from one stream only: produce these tensors in one decoupled model, or split the ensemble.
        ] }
      `,
        { uri, host },
      );
    });

    it('finds ensemble outputs that come from different streams, which go out in one response', () => {
      checkFindings(
        fixture`
        platform: "ensemble"
        input [ { name: "PROMPT" data_type: TYPE_STRING dims: [ 1 ] } ]
        output [ { name: "TEXT" data_type: TYPE_STRING dims: [ 1 ] }, { name: "PROMPT_IDS" data_type: TYPE_INT32 dims: [ -1 ] } ]
        ^^^^^^ error[triton/ensemble-decoupled]: in ensemble pipeline, step of model 'pipeline' receives inputs originated from different decoupled models: the ensemble's outputs go out together, but 'TEXT' comes from decoupled model 'generator' (step 2), 'PROMPT_IDS' comes from the ensemble's request. Write every output from one stream, or return the others from another ensemble.
        ensemble_scheduling { step [
          { model_name: "tokenizer" model_version: -1 input_map { key: "text" value: "PROMPT" } output_map { key: "ids" value: "PROMPT_IDS" } },
          { model_name: "generator" model_version: -1 input_map { key: "ids" value: "PROMPT_IDS" } output_map { key: "text" value: "TEXT" } }
        ] }
      `,
        { uri, host },
      );
    });

    it('counts an ensemble that contains a decoupled model as decoupled, and a model of unknown config as not', () => {
      const inner = `
        platform: "ensemble"
        input [ { name: "X" data_type: TYPE_STRING dims: [ 1 ] } ]
        output [ { name: "Y" data_type: TYPE_STRING dims: [ 1 ] } ]
        ensemble_scheduling { step [ { model_name: "generator" model_version: -1 input_map { key: "text" value: "X" } output_map { key: "ids" value: "Y" } } ] }
      `;
      const nested = repository({ ...models, 'streaming/config.pbtxt': inner, 'streaming/1/': '' });
      checkFindings(
        fixture`
        platform: "ensemble"
        input [ { name: "PROMPT" data_type: TYPE_STRING dims: [ 1 ] } ]
        output [ { name: "TEXT" data_type: TYPE_STRING dims: [ 1 ] } ]
        ensemble_scheduling { step [
          { model_name: "streaming" model_version: -1 input_map { key: "X" value: "PROMPT" } output_map { key: "Y" value: "ids" } },
          { model_name: "detokenizer" model_version: -1 input_map [ { key: "ids" value: "ids" }, { key: "prompt" value: "PROMPT" } ] output_map { key: "text" value: "TEXT" } }
        #               ^^^^^^^^^^^^^ error[triton/ensemble-decoupled]: in ensemble pipeline, step of model 'detokenizer' receives inputs originated from different decoupled models: 'ids' comes from decoupled model 'streaming' (step 1), 'PROMPT' comes from the ensemble's request. Feed this step from one stream only: pass what it needs from the request through streaming as an output, or split the ensemble.
        ] }
      `,
        { uri, host: nested },
      );
      checkFindings(
        fixture`
        platform: "ensemble"
        input [ { name: "PROMPT" data_type: TYPE_STRING dims: [ 1 ] } ]
        output [ { name: "TEXT" data_type: TYPE_STRING dims: [ 1 ] } ]
        ensemble_scheduling { step [
          { model_name: "unknown" model_version: -1 input_map { key: "X" value: "PROMPT" } output_map { key: "Y" value: "ids" } },
          { model_name: "detokenizer" model_version: -1 input_map [ { key: "ids" value: "ids" }, { key: "prompt" value: "PROMPT" } ] output_map { key: "text" value: "TEXT" } }
        ] }
      `,
        { uri, host },
      );
    });
  });
});
