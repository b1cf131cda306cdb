import type { RoundSummary } from '@accord/protocol'
import type { Database } from '../store/Database.js'

interface ActivityRow {
  action: string
  user_id: string | null
  name: string | null
  details: string | null
}

/**
 * What happened on the document during a round, from its activity records: who took part
 * (commented, replied or edited), how much, and the suggestions decided.
 */
export const roundSummary = async (
  db: Database,
  documentId: string,
  afterAuditId: number,
): Promise<RoundSummary> => {
  const rows = await db.all<ActivityRow>(
    `SELECT a.action, a.user_id, u.name, a.details FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
     WHERE a.document_id = ? AND a.id > ? AND a.action IN
       ('comment.created', 'comment.replied', 'document.edited', 'suggestion.accepted', 'suggestion.rejected', 'suggestion.rollout')`,
    [documentId, afterAuditId],
  )
  const people = new Map<string, RoundSummary['participants'][number]>()
  const summary: RoundSummary = {
    participants: [],
    comments: 0,
    replies: 0,
    edits: 0,
    decisions: { accepted: 0, rejected: 0 },
  }
  for (const r of rows) {
    const details = r.details ? (JSON.parse(r.details) as Record<string, unknown>) : {}
    const count = (key: string) =>
      Array.isArray(details[key]) ? (details[key] as unknown[]).length : 0
    if (r.action === 'suggestion.accepted') summary.decisions.accepted += count('suggestions')
    else if (r.action === 'suggestion.rejected') summary.decisions.rejected += count('suggestions')
    else if (r.action === 'suggestion.rollout') {
      summary.decisions.accepted += count('accepted')
      summary.decisions.rejected += count('rejected')
    } else if (r.user_id) {
      const person = people.get(r.user_id) ?? {
        id: r.user_id,
        name: r.name ?? '',
        comments: 0,
        edits: 0,
      }
      people.set(r.user_id, person)
      if (r.action === 'document.edited') {
        const changes = Number(details.changes ?? 1)
        person.edits += changes
        summary.edits += changes
      } else {
        person.comments += 1
        if (r.action === 'comment.created') summary.comments += 1
        else summary.replies += 1
      }
    }
  }
  summary.participants = [...people.values()].sort((a, b) => a.name.localeCompare(b.name))
  return summary
}
