import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

interface InvitationLinkProps {
  /** Whose invitation this is. */
  name: string
  url: string
}

/** A one-time invitation link to hand over, with a copy button. */
export const InvitationLink = ({ name, url }: InvitationLinkProps) => {
  const { t } = useTranslation()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState(false)
  // The server may answer with a path; people need the whole address.
  const href = new URL(url, window.location.origin).href

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(href)
      setCopied(true)
    } catch {
      // No clipboard access (e.g. an insecure origin): select the text for a manual copy.
      input.current?.select()
    }
  }

  return (
    <div className="card invitation" role="status">
      <p>{t('people.invitationFor', { name })}</p>
      <div className="inline-form">
        <div className="field grow">
          <label htmlFor={id}>{t('people.invitationLabel')}</label>
          <input
            id={id}
            className="invitation-url"
            ref={input}
            value={href}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            data-testid="invitation-url"
          />
        </div>
        <button type="button" onClick={copy}>
          {copied ? t('common.copied') : t('common.copy')}
        </button>
      </div>
    </div>
  )
}
