import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type { ConnectionState } from './ConnectionState'

/**
 * After this long without a connection, say "offline" rather than "reconnecting": the
 * provider retries every 2.5 s at most, so this is a few failed attempts in a row.
 */
const OFFLINE_AFTER_MS = 4000

/** The connection state shown to the person, from the provider and the browser's online flag. */
export const useConnectionState = (provider: WebsocketProvider | null): ConnectionState => {
  const [connected, setConnected] = useState(false)
  const [wasConnected, setWasConnected] = useState(false)
  const [online, setOnline] = useState(() => navigator.onLine)
  const [downTooLong, setDownTooLong] = useState(false)

  useEffect(() => {
    if (!provider) return
    // Connected means synced: until then the person may not see everyone's text yet.
    const update = () => {
      const now = provider.wsconnected && provider.synced
      setConnected(now)
      if (now) setWasConnected(true)
    }
    update()
    provider.on('status', update)
    provider.on('sync', update)
    return () => {
      provider.off('status', update)
      provider.off('sync', update)
    }
  }, [provider])

  useEffect(() => {
    const update = () => setOnline(navigator.onLine)
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
    return () => {
      window.removeEventListener('online', update)
      window.removeEventListener('offline', update)
    }
  }, [])

  useEffect(() => {
    setDownTooLong(false)
    if (connected) return
    const timer = setTimeout(() => setDownTooLong(true), OFFLINE_AFTER_MS)
    return () => clearTimeout(timer)
  }, [connected])

  if (connected) return 'connected'
  if (!online || downTooLong) return 'offline'
  return wasConnected ? 'reconnecting' : 'connecting'
}
