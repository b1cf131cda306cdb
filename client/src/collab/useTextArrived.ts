import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'

/**
 * True once the document's text has arrived from the server (the provider's first sync), or
 * once `cannotArrive` says it will not now (offline, the connection failing and retried, the
 * session stopped: the copy kept on this device is what is shown). Stays true. The page
 * waits for it before loading the parts that typing does not need, so that the editor's
 * code and the text come first.
 */
export const useTextArrived = (provider: WebsocketProvider | null, cannotArrive: boolean) => {
  const [arrived, setArrived] = useState(false)
  useEffect(() => {
    if (arrived) return
    if (cannotArrive || provider?.synced) {
      setArrived(true)
      return
    }
    if (!provider) return
    const onSync = (synced: boolean) => {
      if (synced) setArrived(true)
    }
    provider.on('sync', onSync)
    return () => provider.off('sync', onSync)
  }, [arrived, cannotArrive, provider])
  return arrived
}
