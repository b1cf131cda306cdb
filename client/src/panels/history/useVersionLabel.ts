import type { VersionInfo } from '@accord/protocol'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'

type Named = Pick<VersionInfo, 'id' | 'name' | 'kind' | 'createdAt'> &
  Partial<Pick<VersionInfo, 'origin' | 'originOf'>>

/**
 * A version's name in the viewer's language: automatic ones by their time, the server's own
 * ("Before restore of …", "Final") from their `origin`, people's names as they wrote them.
 * `known` finds the version a restore brought back, to name it the same way.
 */
export const useVersionLabel = (known: readonly VersionInfo[]) => {
  const { t, i18n } = useTranslation()
  const label = useCallback(
    (version: Named, depth = 0): string => {
      if (version.kind === 'auto') {
        const time = new Intl.DateTimeFormat(i18n.language, {
          dateStyle: 'medium',
          timeStyle: 'short',
        }).format(new Date(version.createdAt))
        return t('historyPanel.automaticOf', { time })
      }
      if (version.origin === 'final') return t('historyPanel.final')
      if (version.origin === 'beforeRestore' && version.originOf) {
        const of = known.find((v) => v.id === version.originOf?.id) ?? version.originOf
        // A restore of a restore of …: two levels say enough.
        const name = depth < 2 ? label(of, depth + 1) : of.name
        return t('historyPanel.beforeRestore', { name })
      }
      return version.name
    },
    [t, i18n.language, known],
  )
  return label
}
