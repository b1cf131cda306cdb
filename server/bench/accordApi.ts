/**
 * Calling Accord's HTTP API as a browser would (the page's Origin, the session cookie), for
 * benches that set up accounts and documents on a server, in process or not.
 */
export interface AccordApi {
  /** Throws with the status and body when the answer is not 2xx. */
  call(method: string, route: string, cookie?: string, body?: unknown): Promise<Response>
  /** Signs in; resolves with the `Cookie` value of the session. */
  login(email: string, password: string): Promise<string>
}

export const accordApi = (baseUrl: string, origin: string): AccordApi => {
  const call = async (method: string, route: string, cookie?: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${route}`, {
      method,
      headers: {
        Origin: origin,
        'Content-Type': 'application/json',
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`)
    return res
  }
  return {
    call,
    async login(email, password) {
      const res = await call('POST', '/api/session', undefined, { email, password })
      const setCookie = res.headers.get('set-cookie')
      if (!setCookie) throw new Error('POST /api/session set no cookie')
      return setCookie.split(';')[0] as string
    },
  }
}
