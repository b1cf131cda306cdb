import { type Language, normalizeEmail, type Role, type User } from '@accord/protocol'
import { colorFor } from './colorFor.js'
import type { Database } from './Database.js'
import { newId, nowIso } from './ids.js'

interface UserRow {
  id: string
  email: string
  name: string
  role: Role
  password_hash: string | null
  language: Language | null
  organization: string | null
  active: number
  created_at: string
}

export interface StoredUser extends User {
  passwordHash: string | null
}

const toUser = (r: UserRow): StoredUser => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  language: r.language,
  organization: r.organization,
  active: r.active === 1,
  color: colorFor(r.id),
  createdAt: r.created_at,
  passwordHash: r.password_hash,
})

/** Strips what never leaves the server. */
export const publicUser = ({ passwordHash: _omit, ...user }: StoredUser): User => user

export class UserStore {
  constructor(private readonly db: Database) {}

  async count(): Promise<number> {
    const row = await this.db.get<{ n: number }>('SELECT count(*) AS n FROM users')
    return row?.n ?? 0
  }

  async byId(id: string): Promise<StoredUser | undefined> {
    const row = await this.db.get<UserRow>('SELECT * FROM users WHERE id = ?', [id])
    return row && toUser(row)
  }

  async byEmail(email: string): Promise<StoredUser | undefined> {
    const row = await this.db.get<UserRow>('SELECT * FROM users WHERE email = ?', [
      normalizeEmail(email),
    ])
    return row && toUser(row)
  }

  async list(): Promise<StoredUser[]> {
    const rows = await this.db.all<UserRow>('SELECT * FROM users ORDER BY lower(name), id')
    return rows.map(toUser)
  }

  /** Returns undefined when the email is taken. */
  async create(input: {
    email: string
    name: string
    role: Role
    passwordHash: string | null
  }): Promise<StoredUser | undefined> {
    const id = newId()
    const result = await this.db.run(
      `INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(email) DO NOTHING`,
      [id, normalizeEmail(input.email), input.name, input.role, input.passwordHash, nowIso()],
    )
    return result.changes === 1 ? this.byId(id) : undefined
  }

  async update(
    id: string,
    patch: {
      name?: string
      role?: Role
      active?: boolean
      language?: Language | null
      organization?: string | null
      passwordHash?: string
    },
  ): Promise<StoredUser | undefined> {
    const sets: string[] = []
    const params: (string | number | null)[] = []
    const set = (column: string, value: string | number | null) => {
      sets.push(`${column} = ?`)
      params.push(value)
    }
    if (patch.name !== undefined) set('name', patch.name)
    if (patch.role !== undefined) set('role', patch.role)
    if (patch.active !== undefined) set('active', patch.active ? 1 : 0)
    if (patch.language !== undefined) set('language', patch.language)
    if (patch.organization !== undefined) set('organization', patch.organization || null)
    if (patch.passwordHash !== undefined) set('password_hash', patch.passwordHash)
    if (sets.length > 0)
      await this.db.run(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`, [...params, id])
    return this.byId(id)
  }
}
