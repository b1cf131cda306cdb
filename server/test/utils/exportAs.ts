/** An export as a download client sees it: the status, and for a refusal its code, scope and Retry-After. */
export interface ExportAnswer {
  status: number
  code?: string
  scope?: string
  retryAfter: string | null
}

/** Asks for an export of document `id` with a session cookie, and reads the answer whole. */
export const exportAs = async (
  url: string,
  cookie: string,
  id: string,
  format: string,
): Promise<ExportAnswer> => {
  const res = await fetch(`${url}/api/documents/${id}/export?format=${format}`, {
    headers: { cookie },
  })
  const answer: ExportAnswer = { status: res.status, retryAfter: res.headers.get('retry-after') }
  if (res.status === 200) await res.arrayBuffer()
  else {
    const body = (await res.json()) as { error: { code: string; details?: { scope?: string } } }
    answer.code = body.error.code
    answer.scope = body.error.details?.scope
  }
  return answer
}
