// Reads the generated Triton schema (schemas/triton/model_config.json) as protobuf sees it:
// messages with their fields (proto type, repeated, oneof, map) and enums with their values,
// which the `x-proto` annotations of the generated file carry.

export interface ProtoField {
  name: string;
  /** A scalar type (`int32`, `string`, …) or the full name of a message or enum. */
  type: string;
  repeated: boolean;
  oneof?: string;
  map?: { key: string; value: string };
  description?: string;
}

export interface ProtoMessage {
  name: string;
  description?: string;
  fields: Map<string, ProtoField>;
}

export interface ProtoEnum {
  name: string;
  description?: string;
  values: Record<string, number>;
  /** Value names in the order of their numbers, as the proto lists them. */
  names: string[];
  descriptions: Record<string, string>;
}

interface XProto {
  message?: string;
  enum?: string;
  values?: Record<string, number>;
  descriptions?: Record<string, string>;
  type?: string;
  repeated?: boolean;
  oneof?: string;
  map?: { key: string; value: string };
}

type Definition = { description?: string; properties?: Record<string, { description?: string; 'x-proto'?: XProto }>; 'x-proto'?: XProto };

export class ProtoSchema {
  private readonly messages = new Map<string, ProtoMessage>();
  private readonly enums = new Map<string, ProtoEnum>();

  constructor(json: unknown) {
    const definitions = (json as { definitions?: Record<string, Definition> } | null)?.definitions ?? {};
    for (const [name, definition] of Object.entries(definitions)) {
      const proto = definition['x-proto'];
      if (proto?.message) this.messages.set(name, this.readMessage(name, definition));
      else if (proto?.enum) {
        const values = proto.values ?? {};
        const names = Object.keys(values).sort((a, b) => values[a] - values[b]);
        this.enums.set(name, { name, description: definition.description, values, names, descriptions: proto.descriptions ?? {} });
      }
    }
  }

  private readMessage(name: string, definition: Definition): ProtoMessage {
    const fields = new Map<string, ProtoField>();
    for (const [field, schema] of Object.entries(definition.properties ?? {})) {
      const proto = schema['x-proto'] ?? {};
      fields.set(field, {
        name: field,
        type: proto.map ? proto.map.value : (proto.type ?? 'string'),
        repeated: proto.repeated === true,
        oneof: proto.oneof,
        map: proto.map,
        description: schema.description,
      });
    }
    return { name, description: definition.description, fields };
  }

  message(name: string): ProtoMessage | undefined {
    return this.messages.get(name);
  }

  enum(name: string): ProtoEnum | undefined {
    return this.enums.get(name);
  }

  /** The root message of a Triton config. */
  get root(): ProtoMessage | undefined {
    return this.messages.get('inference.ModelConfig');
  }
}
