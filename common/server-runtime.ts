// How the language server's Node process is started, shared by the extension and the bench so
// that the bench measures the server as users run it.

/**
 * Node options for the server process: a young generation of 64 MB semi-spaces, at that size from
 * the start (V8 starts at 1 MB and grows, to 16 MB at most). The first check of a large file builds
 * a document model that all survives, and each scavenge copies what survives: with 16 MB, a first
 * check of a 500-document file (1.3 MB) went through three scavenges, 45 ms of its 240; with 64 MB
 * it runs through none, a fifth faster, and the file opened the moment the server starts is checked
 * in time for a user who opens it. The cost is memory: a session's resident size settles about
 * 80 MB higher (99 → 182 MB after a thousand edits of a one-document file; the 500-document bench
 * peaks at 172 MB instead of 128).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--min-semi-space-size=64', '--max-semi-space-size=64'];
