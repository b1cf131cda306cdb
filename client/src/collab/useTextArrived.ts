import { useEffect, useState } from 'react'
import { whenIdle } from '../ui/whenIdle'
import type { CollabDocument } from './useCollabDocument'

/**
 * True once the document's text has arrived from the server (the provider's first sync), or
 * once it will not now (offline, the connection failing and retried, the session stopped:
 * the copy kept on this device is what is shown), the editor is there, and the browser has
 * then drawn a frame and had a moment with nothing to do: the text is drawn and can be typed
 * in. Stays true. The page waits for it before loading the parts that typing does not need,
 * and the service worker before installing, so that the editor's code, the text and its
 * first drawing come first.
 */
export const useTextArrived = (collab: CollabDocument, editorThere: boolean) => {
  const provider = collab.session?.provider ?? null
  const cannotArrive =
    collab.stop !== null || collab.connection === 'offline' || collab.connection === 'reconnecting'
  const [arrived, setArrived] = useState(false)
  const [here, setHere] = useState(false)
  useEffect(() => {
    if (here) return
    if (cannotArrive || provider?.synced) {
      setHere(true)
      return
    }
    if (!provider) return
    const onSync = (synced: boolean) => {
      if (synced) setHere(true)
    }
    provider.on('sync', onSync)
    return () => provider.off('sync', onSync)
  }, [here, cannotArrive, provider])
  useEffect(() => {
    // The socket may have synced before the editor existed: wait for it to draw the text.
    if (here && editorThere && !arrived) return whenIdle(() => setArrived(true))
  }, [here, editorThere, arrived])
  return arrived
}
