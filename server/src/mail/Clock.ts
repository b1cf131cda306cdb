/** The time as the server sees it; tests hand in one they can move (digests, deadlines). */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }
