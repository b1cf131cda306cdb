import { parseArgs } from 'node:util'
import { describe, expect, it } from 'vitest'
import { harnessArgs } from '../bench/harness.js'

describe('the load harness command line', () => {
  it('keeps a room id that starts with a dash (one base64url id in 64) a room, not a usage error', () => {
    const args = harnessArgs({
      wsUrl: 'ws://127.0.0.1:4000/collab',
      rooms: ['-Ab3xYz9', 'plain'],
      headers: ['Cookie: s=-1', 'Origin: http://127.0.0.1:4000'],
      pid: 42,
      clients: 50,
      rate: 2,
      seconds: 15,
      probes: 0,
    })
    // Read as the harness reads it (collab-load.mjs: parseArgs, strict, string options).
    const text = { type: 'string' } as const
    const { values } = parseArgs({
      args: args.slice(1),
      strict: true,
      options: {
        url: text,
        rooms: text,
        clients: text,
        rate: text,
        seconds: text,
        pid: text,
        drain: text,
        quiet: text,
        probes: text,
        header: { type: 'string', multiple: true },
        json: { type: 'boolean' },
      },
    })
    expect(values.rooms?.split(',')).toEqual(['-Ab3xYz9', 'plain'])
    expect(values.header).toEqual(['Cookie: s=-1', 'Origin: http://127.0.0.1:4000'])
    expect(values).toMatchObject({ clients: '50', pid: '42', probes: '0', json: true })
  })
})
