// How the language server's Node process is started, shared by the extension and the bench so
// that the bench measures the server as users run it.

/**
 * Node options for the server process. A young generation that starts at its full 16 MB
 * (the default starts at 1 MB and grows): a check of a large file builds a document model that
 * all survives, and a small young generation copies it again at every one of its many
 * scavenges. A first check of a 500-document file takes about a fifth less time; the cost is
 * up to 32 MB more memory.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--min-semi-space-size=16'];
