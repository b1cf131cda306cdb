import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/**
 * scrypt at one of OWASP's recommended settings (N=2^15, r=8, p=3: 32 MiB,
 * same cost as N=2^17, p=1 but friendlier to a small server's memory).
 * Parameters are stored with the hash so they can be raised later.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 3 } as const
const KEY_LENGTH = 32

const derive = (password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { N, r, p, maxmem: 256 * N * r * p + 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    )
  })

export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16)
  const key = await derive(password, salt, PARAMS.N, PARAMS.r, PARAMS.p)
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$')
}

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const key = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p))
  return key.length === expected.length && timingSafeEqual(key, expected)
}

let dummyHash: Promise<string> | undefined
/**
 * Spends the same time as a real check, so an unknown account answers no faster
 * than a wrong password.
 */
export const burnPasswordCheck = async (password: string): Promise<void> => {
  dummyHash ??= hashPassword('accord-timing-equaliser')
  await verifyPassword(password, await dummyHash)
}
