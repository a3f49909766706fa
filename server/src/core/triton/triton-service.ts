// The Triton side of the language service: parses a config.pbtxt and checks it against the
// schema generated from model_config.proto. The schema is read on first need.
import type { BuiltinSchemas } from '../schema/schema-registry';
import type { Finding } from '../types';
import { checkStructure } from './check-structure';
import { parsePbtxt } from './pbtxt-parser';
import { ProtoSchema } from './proto-schema';

export class TritonService {
  private schema: ProtoSchema | undefined;

  constructor(private readonly builtin: BuiltinSchemas | undefined) {}

  private protoSchema(): ProtoSchema | undefined {
    if (!this.schema && this.builtin) {
      const json = this.builtin.readJson('triton/model_config.json');
      if (json) this.schema = new ProtoSchema(json);
    }
    return this.schema;
  }

  /** Syntax findings, then what the proto schema says of the fields that parsed. */
  findings(text: string): Finding[] {
    const document = parsePbtxt(text);
    const schema = this.protoSchema();
    const structure = schema ? checkStructure(document, schema) : [];
    return [...document.findings, ...structure].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
}
