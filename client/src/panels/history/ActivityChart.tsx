import type { EditsPerDay, VersionInfo } from '@accord/protocol'
import { useTranslation } from 'react-i18next'

const COLORS = [
  '#0b5cad',
  '#b3261e',
  '#1b5e20',
  '#6a1b9a',
  '#8d4e00',
  '#00695c',
  '#ad1457',
  '#37474f',
]
const DAY = 24 * 60 * 60 * 1000
const WIDTH = 560
const HEIGHT = 140
const PAD = 24

/** Days from the first to the last with activity or a version, at most the last 60. */
const daysOf = (edits: EditsPerDay[], versions: VersionInfo[]): string[] => {
  const all = [...edits.map((e) => e.day), ...versions.map((v) => v.createdAt.slice(0, 10))].sort()
  if (all.length === 0) return []
  const last = Date.parse(all.at(-1) as string)
  const first = Math.max(Date.parse(all[0] as string), last - 59 * DAY)
  const days: string[] = []
  for (let at = first; at <= last; at += DAY) days.push(new Date(at).toISOString().slice(0, 10))
  return days
}

/**
 * Edits per day and per member, with the versions marked: when and by whom the draft
 * moved. The same figures are in a table for screen readers.
 */
export const ActivityChart = ({
  edits,
  versions,
}: {
  edits: EditsPerDay[]
  versions: VersionInfo[]
}) => {
  const { t, i18n } = useTranslation()
  const days = daysOf(edits, versions)
  if (days.length === 0) return <p className="empty">{t('history.noActivity')}</p>
  const people = [...new Map(edits.map((e) => [e.userId, e.name])).entries()]
  const colorOf = (userId: string) =>
    COLORS[people.findIndex(([id]) => id === userId) % COLORS.length]
  const perDay = (day: string) => edits.filter((e) => e.day === day)
  const max = Math.max(1, ...days.map((d) => perDay(d).reduce((sum, e) => sum + e.changes, 0)))
  const barWidth = (WIDTH - PAD) / days.length
  const dayLabel = (day: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(new Date(day))

  return (
    <figure className="activity-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + PAD}`} role="img" aria-labelledby="activity-caption">
        <title>{t('history.chartCaption')}</title>
        {days.map((day, i) => {
          let y = HEIGHT
          return (
            <g key={day}>
              {perDay(day).map((e) => {
                const h = (e.changes / max) * (HEIGHT - PAD)
                y -= h
                return (
                  <rect
                    key={e.userId}
                    x={PAD + i * barWidth + 1}
                    y={y}
                    width={Math.max(1, barWidth - 2)}
                    height={h}
                    fill={colorOf(e.userId)}
                  >
                    <title>{`${dayLabel(day)}: ${e.name}, ${e.changes}`}</title>
                  </rect>
                )
              })}
              {versions
                .filter((v) => v.createdAt.startsWith(day) && v.kind === 'named')
                .map((v) => (
                  <g key={v.id}>
                    <line
                      x1={PAD + (i + 0.5) * barWidth}
                      x2={PAD + (i + 0.5) * barWidth}
                      y1={PAD / 2}
                      y2={HEIGHT}
                      className="version-mark"
                    />
                    <title>{v.name}</title>
                  </g>
                ))}
            </g>
          )
        })}
        <line x1={PAD} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} className="axis" />
        <text x={PAD} y={HEIGHT + 16} className="axis-label">
          {dayLabel(days[0] as string)}
        </text>
        <text x={WIDTH} y={HEIGHT + 16} textAnchor="end" className="axis-label">
          {dayLabel(days.at(-1) as string)}
        </text>
      </svg>
      <figcaption id="activity-caption">
        {t('history.chartCaption')}{' '}
        {people.map(([id, name]) => (
          <span key={id} className="legend">
            <span
              className="person-dot"
              style={{ backgroundColor: colorOf(id) }}
              aria-hidden="true"
            />{' '}
            {name}
          </span>
        ))}
      </figcaption>
      <table className="visually-hidden">
        <caption>{t('history.chartCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.day')}</th>
            <th scope="col">{t('history.person')}</th>
            <th scope="col">{t('history.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {edits.map((e) => (
            <tr key={`${e.day}-${e.userId}`}>
              <td>{dayLabel(e.day)}</td>
              <td>{e.name}</td>
              <td>{e.changes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
