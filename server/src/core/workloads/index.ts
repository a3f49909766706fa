// The core's door to the shared workload model (common/model): the rules, the CodeLens and the
// hover import it from here. The helpers beside this file (launchers, /dev/shm, images, GPU
// names, runtimes) are the editor's own and are imported by path.
export * from '../../../../common/model';
