/**
 * Where a server's main thread spent a window of a `--cpu-prof` profile (from `npm run bench
 * -- --cpu-prof DIR`): self time by what the innermost frame belongs to (a package, one of the
 * server's modules, node's own modules, a native call such as `writev`, the garbage collector),
 * and inclusive time by the server's modules (a sample counts once for each module on its
 * stack). Profiles of Accord and of the reference read the same way, so their shares compare.
 *
 *   npx tsx server/bench/summarizeProfile.ts FILE.cpuprofile [--from 0.2] [--to 0.8] [--top 25]
 *
 * --from and --to bound the window as fractions of the profile's duration (default the middle
 * 60 %, inside the editing phase of a load setting).
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    from: { type: 'string', default: '0.2' },
    to: { type: 'string', default: '0.8' },
    top: { type: 'string', default: '25' },
  },
})
const file = positionals[0]
if (!file)
  throw new Error('usage: summarizeProfile.ts FILE.cpuprofile [--from F] [--to F] [--top N]')
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile

/** What a frame belongs to, as a reader of the table would name it. */
const ownerOf = ({ functionName, url }: ProfileNode['callFrame']): string => {
  if (!url)
    return functionName.startsWith('(') ? functionName : `native ${functionName || '(anonymous)'}`
  const inModules = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)
  if (inModules) return inModules[1] as string
  const ours = /\/(server\/dist|packages\/[^/]+\/dist)\/(.+)$/.exec(url)
  if (ours)
    return `accord ${ours[1] === 'server/dist' ? '' : `${ours[1]?.split('/')[1]}/`}${ours[2]}`
  // node's own modules (node:net, node:internal/…) and anything else, by their address.
  return url
}

const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
const parent = new Map<number, number>()
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id)

const duration = profile.endTime - profile.startTime
const from = profile.startTime + duration * Number(args.from)
const to = profile.startTime + duration * Number(args.to)

const self = new Map<string, number>()
const inclusive = new Map<string, number>()
let busy = 0
let idle = 0
let time = profile.startTime
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0
  time += delta
  if (time < from || time > to) return
  const leaf = nodes.get(id) as ProfileNode
  const owner = ownerOf(leaf.callFrame)
  if (owner === '(idle)') {
    idle += delta
    return
  }
  busy += delta
  self.set(owner, (self.get(owner) ?? 0) + delta)
  const seen = new Set<string>()
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = ownerOf((nodes.get(at) as ProfileNode).callFrame)
    if (name.startsWith('accord ') && !seen.has(name)) {
      seen.add(name)
      inclusive.set(name, (inclusive.get(name) ?? 0) + delta)
    }
  }
})

const windowS = (to - from) / 1e6
const top = Number(args.top)
const table = (title: string, values: Map<string, number>) => {
  console.log(`\n${title}`)
  for (const [name, us] of [...values].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(
      `${((us / busy) * 100).toFixed(1).padStart(6)} %  ${(us / 1000 / windowS).toFixed(1).padStart(7)} ms/s  ${name}`,
    )
}
console.log(
  `${file}: window ${windowS.toFixed(1)} s; main thread busy ${(busy / 1000 / windowS).toFixed(0)} ms per second, idle ${(idle / 1000 / windowS).toFixed(0)} ms per second`,
)
table('self time by owner of the innermost frame (share of busy time)', self)
table(
  "inclusive time by the server's modules (a sample counts once per module on its stack)",
  inclusive,
)
