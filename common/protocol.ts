// Names shared by the client and the server: the language ids and document selector the
// server serves, and custom protocol messages. Both sides import this; neither imports the other.

export const TRITON_LANGUAGE_ID = 'pbtxt';

/** Documents the client sends to the server; the server classifies them by URI and text. */
export const DOCUMENT_SELECTOR = [
  { language: 'yaml' },
  { language: TRITON_LANGUAGE_ID },
  { language: 'helm' }, // the id Kubernetes Tools gives chart templates
  { pattern: '**/templates/**' },
  { pattern: '**/*.tpl' },
] as const;

/** Sent by the server once it is ready: what a status display can show. */
export namespace ServerReadyNotification {
  export const method = 'mlinfra/serverReady';
  export interface Params {
    version: string;
    nodeVersion: string;
  }
}
