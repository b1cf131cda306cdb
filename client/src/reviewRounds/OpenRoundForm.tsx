import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { inboxApi } from '../app/api'
import { useAction } from '../app/useAction'
import { FormMessage } from '../ui/FormMessage'
import './reviewRounds.css'

/** Where the deadline field starts: a week from now, in local time (datetime-local's format). */
const inAWeek = () => {
  const at = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000)
  at.setMinutes(at.getMinutes() - at.getTimezoneOffset(), 0, 0)
  return at.toISOString().slice(0, 16)
}

/** A coordinator opens a review round: deadline, instructions, who takes part, what comes after. */
export const OpenRoundForm = ({
  documentId,
  onOpened,
  onCancel,
}: {
  documentId: string
  onOpened: () => void
  onCancel: () => void
}) => {
  const { t } = useTranslation()
  const ids = { deadline: useId(), instructions: useId() }
  const [people, setPeople] = useState<{ id: string; name: string }[]>([])
  const [everyone, setEveryone] = useState(true)
  const [chosen, setChosen] = useState<string[]>([])
  const { busy, error, run } = useAction()

  useEffect(() => {
    inboxApi
      .mentionable('', 500)
      .then((r) => setPeople(r.people))
      .catch(() => undefined)
  }, [])

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    void run(async () => {
      await inboxApi.openRound(documentId, {
        deadline: new Date(String(form.get('deadline'))).toISOString(),
        instructions: String(form.get('instructions') ?? ''),
        participants: everyone ? 'everyone' : chosen,
        afterClose: form.get('afterClose') === 'review' ? 'review' : 'draft',
      })
      onOpened()
    })
  }

  return (
    <form className="card open-round" onSubmit={submit} aria-label={t('rounds.open')}>
      <div className="field">
        <label htmlFor={ids.deadline}>{t('rounds.deadline')}</label>
        <input
          id={ids.deadline}
          name="deadline"
          type="datetime-local"
          defaultValue={inAWeek()}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={ids.instructions}>{t('rounds.instructions')}</label>
        <textarea id={ids.instructions} name="instructions" rows={2} maxLength={5000} />
      </div>
      <fieldset>
        <legend>{t('rounds.participants')}</legend>
        <label>
          <input type="radio" checked={everyone} onChange={() => setEveryone(true)} />{' '}
          {t('rounds.everyone')}
        </label>
        <label>
          <input type="radio" checked={!everyone} onChange={() => setEveryone(false)} />{' '}
          {t('rounds.chosen')}
        </label>
        {!everyone &&
          people.map((p) => (
            <label key={p.id} className="round-person">
              <input
                type="checkbox"
                checked={chosen.includes(p.id)}
                onChange={(e) =>
                  setChosen(
                    e.target.checked ? [...chosen, p.id] : chosen.filter((id) => id !== p.id),
                  )
                }
              />{' '}
              {p.name}
            </label>
          ))}
      </fieldset>
      <fieldset>
        <legend>{t('rounds.afterClose')}</legend>
        <label>
          <input type="radio" name="afterClose" value="draft" defaultChecked />{' '}
          {t('rounds.toDraft')}
        </label>
        <label>
          <input type="radio" name="afterClose" value="review" /> {t('rounds.stayReview')}
        </label>
      </fieldset>
      <FormMessage error={error} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {t('rounds.submit')}
        </button>
        <button type="button" className="quiet" onClick={onCancel}>
          {t('rounds.cancel')}
        </button>
      </div>
    </form>
  )
}
