/**
 * `npm run bench:hostile`: each hostile case of issue 14 against a fresh server process,
 * with a bystander editing another document, `/api/health`, and the server's CPU and memory
 * measured while it runs. Prints one JSON line per case (the figures in docs/reliability.md).
 * Not part of `npm test`; the tests assert the bounds, this measures them. Options:
 *   --only pending,step1,review,burst   a subset (default: all)
 *   --main PATH     the server entry point to run (default: this worktree's server/dist/main.js),
 *                   e.g. a build of an older commit, for the "before" column
 *   --label TEXT    printed with each line (e.g. "before", "after")
 *   --cpu-prof DIR  run the server with `node --cpu-prof`, profiles in DIR
 */
import { parseArgs } from 'node:util'
import { freePort, launchAccord } from '../launchers.js'
import { CASES } from './cases.js'

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    main: { type: 'string' },
    label: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
})
const nodeFlags = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}`] : []
const names = (args.only ?? Object.keys(CASES).join(',')).split(',').map((s) => s.trim())

for (const name of names) {
  const run = CASES[name]
  if (!run) throw new Error(`unknown case ${name}; known: ${Object.keys(CASES).join(', ')}`)
  const server = await launchAccord({
    port: await freePort(),
    nodeFlags,
    ...(args.main ? { mainScript: args.main } : {}),
  })
  try {
    const figures = await run(server)
    console.log(JSON.stringify({ case: name, label: args.label ?? '', ...figures }))
  } finally {
    await server.stop()
  }
}
