import { type ExportModel, exportModel } from '@accord/export/core'
import {
  type DocumentSettings,
  documentSchema,
  numberedClauses,
  settingsOfState,
} from '@accord/schema'
import type { VersionStore } from '../store/VersionStore.js'

/** A consultation's version, read for the public page and for checking comments' clauses. */
export interface VersionText {
  name: string
  settings: DocumentSettings
  /** Every clause and sub-clause id, in text order, with its number. */
  clauses: { id: string; number: string }[]
  numberOf: ReadonlyMap<string, string>
  /** The text as the HTML export reads it (clean: open suggestions left out), made once. */
  model(documentId: string, title: string): ExportModel
}

/**
 * Parsed versions, kept by id: a version never changes, so the public page and each comment
 * do not parse the same JSON again (a 500-clause text takes milliseconds to parse).
 */
export class VersionTexts {
  /** How many parsed versions are kept: a few consultations run at a time. */
  static readonly KEPT = 16

  private readonly kept = new Map<string, VersionText>()

  constructor(private readonly versions: VersionStore) {}

  async get(documentId: string, versionId: string): Promise<VersionText | undefined> {
    const key = `${documentId}/${versionId}`
    const found = this.kept.get(key)
    if (found) return found
    const [info, stored] = await Promise.all([
      this.versions.info(documentId, versionId),
      this.versions.content(documentId, versionId),
    ])
    if (!info || !stored) return undefined
    const clauses = numberedClauses(documentSchema().nodeFromJSON(stored.content)).map((c) => ({
      id: String(c.node.attrs.id ?? ''),
      number: c.number,
    }))
    const settings = settingsOfState(stored.state)
    let model: ExportModel | undefined
    const text: VersionText = {
      name: info.name,
      settings,
      clauses,
      numberOf: new Map(clauses.map((c) => [c.id, c.number])),
      model: (id, title) => {
        model ??= exportModel(stored.content, {
          documentId: id,
          title,
          language: settings.language,
          clauseLabel: settings.clauseLabel,
          versionName: info.name,
          date: new Date(info.createdAt),
        })
        return model
      },
    }
    if (this.kept.size >= VersionTexts.KEPT) {
      const oldest = this.kept.keys().next().value
      if (oldest !== undefined) this.kept.delete(oldest)
    }
    this.kept.set(key, text)
    return text
  }
}
