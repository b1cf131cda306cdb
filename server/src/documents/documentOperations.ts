import type { DocumentEvent } from '@accord/protocol'
import { bindContext } from '../bindContext.js'
import { documentActivity, installationActivity } from './activity/readActivity.js'
import { readAuthors } from './authors/readAuthors.js'
import { createThread } from './comments/createThread.js'
import { deleteMessage } from './comments/deleteMessage.js'
import { editMessage } from './comments/editMessage.js'
import { listThreads } from './comments/listThreads.js'
import { replyToThread } from './comments/replyToThread.js'
import { updateThread } from './comments/updateThread.js'
import type { DocumentsContext } from './DocumentsContext.js'
import { exportCompilation } from './disposition/exportCompilation.js'
import { importCommentTemplate } from './disposition/importCommentTemplate.js'
import { setSuggestionDisposition } from './disposition/setSuggestionDisposition.js'
import { exportDocument } from './export/exportDocument.js'
import { getFinalization, listOpenItems } from './finalize/readOpenItems.js'
import { importDocument } from './import/importDocument.js'
import { addTranslation } from './languages/addTranslation.js'
import { alignTranslation } from './languages/alignTranslation.js'
import { applyStructuralChanges } from './languages/applyStructuralChanges.js'
import { importTranslation } from './languages/importTranslation.js'
import { listLanguages } from './languages/listLanguages.js'
import { markClauseTranslated } from './languages/markClauseTranslated.js'
import { createDocument } from './lifecycle/createDocument.js'
import { getDocument, listDocuments } from './lifecycle/readDocuments.js'
import { updateDocument } from './lifecycle/updateDocument.js'
import { decideSuggestions } from './suggestions/decideSuggestions.js'
import { listSuggestions } from './suggestions/listSuggestions.js'
import { rollOut } from './suggestions/rollOut.js'
import { createVersion } from './versions/createVersion.js'
import { diffVersions } from './versions/diffVersions.js'
import { getVersion, listVersions } from './versions/readVersions.js'
import { restoreVersion } from './versions/restoreVersion.js'
import { readMyWork } from './work/readMyWork.js'

/**
 * Every thing a person does to a document, one operation each (one file each, see the
 * folders): each takes the acting person and a typed request, checks permission, changes
 * what it changes, records its audit entry and publishes its events.
 */
export const documentOperations = (ctx: DocumentsContext) => {
  const bind = <A extends unknown[], R>(op: (c: typeof ctx, ...args: A) => R) =>
    bindContext(ctx, op)
  return {
    list: bind(listDocuments),
    get: bind(getDocument),
    create: bind(createDocument),
    update: bind(updateDocument),
    openItems: bind(listOpenItems),
    finalization: bind(getFinalization),
    listVersions: bind(listVersions),
    getVersion: bind(getVersion),
    diff: bind(diffVersions),
    authors: bind(readAuthors),
    createVersion: bind(createVersion),
    restoreVersion: bind(restoreVersion),
    listSuggestions: bind(listSuggestions),
    myWork: bind(readMyWork),
    decideSuggestions: bind(decideSuggestions),
    rollOut: bind(rollOut),
    listThreads: bind(listThreads),
    createThread: bind(createThread),
    replyToThread: bind(replyToThread),
    updateThread: bind(updateThread),
    editMessage: bind(editMessage),
    deleteMessage: bind(deleteMessage),
    export: bind(exportDocument),
    addLanguage: bind(addTranslation),
    listLanguages: bind(listLanguages),
    alignment: bind(alignTranslation),
    markClauseTranslated: bind(markClauseTranslated),
    applyStructure: bind(applyStructuralChanges),
    import: bind(importDocument),
    importLanguage: bind(importTranslation),
    exportCompilation: bind(exportCompilation),
    importCommentTemplate: bind(importCommentTemplate),
    setSuggestionDisposition: bind(setSuggestionDisposition),
    activity: bind(documentActivity),
    installationActivity: bind(installationActivity),
    /** Follows a document's non-text changes (threads, status, save health) on every instance. */
    watch: (documentId: string, listener: (event: DocumentEvent) => void): (() => void) =>
      ctx.events.subscribe(documentId, listener),
  }
}

export type DocumentOperations = ReturnType<typeof documentOperations>
