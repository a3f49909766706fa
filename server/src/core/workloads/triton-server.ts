// Finds Triton Inference Server containers and the model configs they serve, where mlinfra can
// read them: ConfigMaps of the same file that the pod mounts (`config.pbtxt` keys), and a model
// repository in the workspace whose folder has the name `--model-repository` ends in.
import type { YamlNode } from '../document';
import type { CoreHost } from '../host';
import { ConfigNode } from '../triton/config-view';
import { parsePbtxt } from '../triton/pbtxt-parser';
import type { ContainerView, PodView } from './index';
import { asMap } from './index';

/** A model config the server loads, by the model's name. */
export interface ServedModel {
  name: string;
  config: ConfigNode;
  /** Where it was read: `ConfigMap <name>` or a workspace path. */
  source: string;
}

export function isTritonServer(container: ContainerView): boolean {
  const image = String(container.image?.value ?? '');
  const launcher = [...container.command, ...container.args].map((arg) => String(arg.value ?? ''));
  return /tritonserver/.test(image) || launcher.some((arg) => /(^|\/|\s)tritonserver(\s|$)/.test(arg));
}

/** The `--model-repository`/`--model-store` paths in the container's command and args (also inside `sh -c` strings). */
export function modelRepositories(container: ContainerView): string[] {
  const words = [...container.command, ...container.args].flatMap((arg) => String(arg.value ?? '').split(/\s+/));
  const paths: string[] = [];
  words.forEach((word, index) => {
    const match = /^--model-(?:repository|store)(?:=(.*))?$/.exec(word);
    if (match) paths.push(match[1] ?? words[index + 1] ?? '');
  });
  return paths.filter(Boolean).map((path) => path.replace(/^["']|["']$/g, ''));
}

/** Models from the ConfigMaps of the file that the pod mounts as volumes. */
function fromConfigMaps(pod: PodView, documents: readonly (YamlNode | null)[]): ServedModel[] {
  const mounted = new Set(
    pod.spec
      .maps('volumes')
      .map((volume) => volume.map('configMap')?.string('name'))
      .filter(Boolean),
  );
  return documents.flatMap((root) => {
    const map = asMap(root);
    const name = map?.map('metadata')?.string('name');
    if (map?.string('kind') !== 'ConfigMap' || !name || !mounted.has(name)) return [];
    return (map.map('data')?.node.entries ?? []).flatMap((entry) => {
      const key = String(entry.key.value);
      if (!key.endsWith('.pbtxt') || entry.value?.kind !== 'scalar' || typeof entry.value.value !== 'string') return [];
      const config = new ConfigNode(parsePbtxt(entry.value.value).root);
      const model = config.string('name') || key.replace(/(^|[_-])?config\.pbtxt$|\.pbtxt$/, '') || name;
      return [{ name: model, config, source: `ConfigMap ${name}` }];
    });
  });
}

/** Models of a workspace repository named like the container's repository path, beside the manifest or up to three folders above it. */
function fromWorkspace(container: ContainerView, uri: string, host: CoreHost): ServedModel[] {
  if (!host.listDirectory) return [];
  const names = modelRepositories(container)
    .map((path) => path.replace(/\/+$/, '').split('/').pop() ?? '')
    .filter((name) => name && !name.includes(':'));
  let folder = uri.slice(0, uri.lastIndexOf('/'));
  for (let up = 0; up < 4 && folder.includes('/'); up++) {
    for (const name of names) {
      const repository = `${folder}/${encodeURIComponent(name)}`;
      const models = host.listDirectory(repository)?.filter((entry) => entry.directory);
      if (!models?.length) continue;
      return models.flatMap((model) => {
        const text = host.readFile?.(`${repository}/${encodeURIComponent(model.name)}/config.pbtxt`);
        return text === undefined
          ? []
          : [{ name: model.name, config: new ConfigNode(parsePbtxt(text).root), source: `${name}/${model.name}/config.pbtxt` }];
      });
    }
    folder = folder.slice(0, folder.lastIndexOf('/'));
  }
  return [];
}

export function servedModels(
  pod: PodView,
  container: ContainerView,
  documents: readonly (YamlNode | null)[],
  uri: string,
  host: CoreHost,
): ServedModel[] {
  return [...fromConfigMaps(pod, documents), ...fromWorkspace(container, uri, host)];
}

/** Whether any instance group of the config runs on GPUs by its kind. */
export function usesKindGpu(config: ConfigNode): boolean {
  return config.messages('instance_group').some((group) => group.word('kind') === 'KIND_GPU');
}
