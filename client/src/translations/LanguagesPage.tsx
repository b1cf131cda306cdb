import {
  atLeast,
  DOCUMENT_LANGUAGES,
  documentLanguageInfo,
  type LanguagesResponse,
  Role,
} from '@accord/protocol'
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'wouter'
import { api } from '../app/api'
import { useAction } from '../app/useAction'
import { useUser } from '../app/useAuth'
import { useErrorMessage } from '../app/useErrorMessage'
import { usePageTitle } from '../app/usePageTitle'
import { useDocumentEvents } from '../collab/useDocumentEvents'
import { FormMessage } from '../ui/FormMessage'
import { Progress } from '../ui/Progress'
import { useAnnouncer } from '../ui/useAnnouncer'
import { ImportLanguageForm } from './ImportLanguageForm'
import { LanguageSelect } from './LanguageSelect'

/**
 * `/documents/:id/languages`: the source and its language versions with their counts (up to
 * date, outdated, untranslated); coordinators add a version here.
 */
export const LanguagesPage = () => {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const user = useUser()
  const errorMessage = useErrorMessage()
  const announce = useAnnouncer()
  const [data, setData] = useState<LanguagesResponse | null>(null)
  const [error, setError] = useState<unknown>(null)
  const action = useAction()
  const titleId = useId()
  const fillId = useId()
  usePageTitle(data ? t('translations.pageTitle', { title: data.source.title }) : '')

  const load = useCallback(() => {
    api.languages(id).then(setData, setError)
  }, [id])
  useEffect(load, [load])
  useDocumentEvents(data?.source.id ?? id, (event) => event.type === 'languages' && load(), load)

  if (error) return <p role="alert">{errorMessage(error)}</p>
  if (!data) return <Progress label={t('app.loading')} />
  const taken = new Set([
    data.source.language,
    ...data.translations.map((v) => v.document.language),
  ])
  const free = DOCUMENT_LANGUAGES.filter((language) => !taken.has(language))

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const language = DOCUMENT_LANGUAGES.find((value) => value === form.get('language'))
    const fill = form.get('fill') === 'source' ? 'source' : 'empty'
    if (!language) return
    void action.run(async () => {
      await api.addLanguage(data.source.id, { language, fill })
      announce(t('translations.added', { language: documentLanguageInfo(language).nativeName }))
      load()
    })
  }

  return (
    <article className="page languages-page" aria-labelledby={titleId}>
      <h1 id={titleId}>{t('translations.pageTitle', { title: data.source.title })}</h1>
      <table>
        <caption className="visually-hidden">{t('translations.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('translations.language')}</th>
            <th scope="col">{t('translations.document')}</th>
            <th scope="col">{t('translations.state.upToDate')}</th>
            <th scope="col">{t('translations.state.outdated')}</th>
            <th scope="col">{t('translations.state.untranslated')}</th>
            <th scope="col">{t('translations.actions')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row" lang={data.source.language}>
              {documentLanguageInfo(data.source.language).nativeName}
            </th>
            <td>
              <Link to={`/documents/${encodeURIComponent(data.source.id)}`}>
                {data.source.title}
              </Link>{' '}
              ({t('translations.source')})
            </td>
            <td />
            <td />
            <td />
            <td />
          </tr>
          {data.translations.map(({ document, counts }) => (
            <tr key={document.id}>
              <th scope="row" lang={document.language}>
                {documentLanguageInfo(document.language).nativeName}
              </th>
              <td>
                <Link to={`/documents/${encodeURIComponent(document.id)}`}>{document.title}</Link>
              </td>
              <td>{counts.upToDate}</td>
              <td>{counts.outdated}</td>
              <td>{counts.untranslated}</td>
              <td>
                <Link to={`/documents/${encodeURIComponent(document.id)}/side-by-side`}>
                  {t('translations.openSideBySide', {
                    language: documentLanguageInfo(document.language).nativeName,
                  })}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {atLeast(user.role, Role.coordinator) && free.length > 0 && (
        <form className="add-language" onSubmit={add}>
          <h2>{t('translations.addHeading')}</h2>
          <LanguageSelect languages={free} />
          <div className="field">
            <label htmlFor={fillId}>{t('translations.fill')}</label>
            <select id={fillId} name="fill" defaultValue="empty">
              <option value="empty">{t('translations.fillEmpty')}</option>
              <option value="source">{t('translations.fillSource')}</option>
            </select>
          </div>
          <FormMessage error={action.error} />
          <button type="submit" disabled={action.busy}>
            {t('translations.add')}
          </button>
        </form>
      )}
      {atLeast(user.role, Role.coordinator) && free.length > 0 && (
        <ImportLanguageForm sourceId={data.source.id} free={free} />
      )}
    </article>
  )
}
