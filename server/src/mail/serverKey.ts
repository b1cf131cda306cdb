import { randomBytes } from 'node:crypto'
import type { Database } from '../store/Database.js'

/**
 * Secrets the instances of one installation share (they live in the database, so every
 * instance signs and checks alike). Made on first use; the first instance to write wins.
 */
export const serverKey = async (db: Database, name: string): Promise<Buffer> => {
  await db.run(
    'INSERT INTO server_keys (name, secret) VALUES (?, ?) ON CONFLICT (name) DO NOTHING',
    [name, randomBytes(32).toString('base64')],
  )
  const row = await db.get<{ secret: string }>('SELECT secret FROM server_keys WHERE name = ?', [
    name,
  ])
  if (!row) throw new Error(`server key ${name} is missing`)
  return Buffer.from(row.secret, 'base64')
}
