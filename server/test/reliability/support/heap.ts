import v8 from 'node:v8'
import vm from 'node:vm'

v8.setFlagsFromString('--expose-gc')
/** The collector, reachable without starting node with --expose-gc. */
const collect = vm.runInNewContext('gc') as () => void

/** Memory in use after a full collection: the JS heap plus Buffers outside it (bytes). */
export const heapAfterGc = async (): Promise<number> => {
  // Let closed sockets and finished promises drop their references first.
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setImmediate(r))
    collect()
  }
  const { heapUsed, external } = process.memoryUsage()
  return heapUsed + external
}

export const MiB = 1024 * 1024
