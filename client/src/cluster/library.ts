// The parts of @kubernetes/client-node the extension uses: KubeConfig (loading kubeconfig files,
// credentials for requests) and Watch. Imported from their own modules rather than the package
// index, which pulls in every generated API client (14 MB bundled instead of 1.7 MB).
import type { KubeConfig as KubeConfigClass } from '@kubernetes/client-node/dist/config.js' with { 'resolution-mode': 'import' };
import type { Watch as WatchClass } from '@kubernetes/client-node/dist/watch.js' with { 'resolution-mode': 'import' };

export type KubeConfig = KubeConfigClass;

export interface Library {
  KubeConfig: typeof KubeConfigClass;
  Watch: typeof WatchClass;
}

export async function loadLibrary(): Promise<Library> {
  const [config, watch] = await Promise.all([
    import('@kubernetes/client-node/dist/config.js'),
    import('@kubernetes/client-node/dist/watch.js'),
  ]);
  return { KubeConfig: config.KubeConfig, Watch: watch.Watch };
}
