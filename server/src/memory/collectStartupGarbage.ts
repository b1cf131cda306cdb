import v8 from 'node:v8'
import vm from 'node:vm'

/**
 * One full garbage collection once the server is up. Loading and compiling the server's code
 * leaves megabytes of garbage in V8's old generation, and an idle server allocates too little
 * for V8 to collect it by itself: without this, a fresh server held about 35 MB more than it
 * needed until its first major collection (issue 16, docs/performance.md "Server memory,
 * session 7"). `gc` is reached through a fresh context, so no code of the process sees it.
 */
export const collectStartupGarbage = (): void => {
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc') as () => void
  v8.setFlagsFromString('--no-expose-gc')
  gc()
}
