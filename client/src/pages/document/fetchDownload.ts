import { type ErrorBody, ErrorCode } from '@accord/protocol'
import { ApiError, NETWORK_ERROR } from '../../app/api'
import { downloadFileName } from './downloadFileName'

export interface DownloadProgress {
  /** Bytes received so far. */
  loaded: number
  /** The file's size, when the server says it; null while unknown. */
  total: number | null
}

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Partial<ErrorBody>).error?.code === 'string'

/**
 * Fetches a file (same origin, session cookie) as a blob, reporting progress, so the page can
 * show how far it is and a translated error instead of a browser error page. Failures are
 * ApiErrors with the server's error code.
 */
export const fetchDownload = async (
  url: string,
  onProgress: (progress: DownloadProgress) => void,
): Promise<{ blob: Blob; fileName: string | null }> => {
  let response: Response
  try {
    response = await fetch(url, { credentials: 'same-origin' })
  } catch (cause) {
    throw new ApiError(0, NETWORK_ERROR, cause instanceof Error ? cause.message : String(cause))
  }
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => undefined)
    if (isErrorBody(payload))
      throw new ApiError(response.status, payload.error.code, payload.error.message)
    throw new ApiError(
      response.status,
      response.status >= 500 ? ErrorCode.internal : NETWORK_ERROR,
      `HTTP ${response.status}`,
    )
  }
  const total = Number(response.headers.get('content-length')) || null
  const type = response.headers.get('content-type') ?? 'application/octet-stream'
  const fileName = downloadFileName(response.headers.get('content-disposition'))
  const reader = response.body?.getReader()
  if (!reader) return { blob: await response.blob(), fileName }
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let loaded = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    loaded += value.byteLength
    onProgress({ loaded, total })
  }
  return { blob: new Blob(chunks, { type }), fileName }
}
