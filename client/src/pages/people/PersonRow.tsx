import { ROLES, type Role, type User } from '@accord/protocol'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../app/api'
import { useAction } from '../../app/useAction'
import { FormMessage } from '../../ui/FormMessage'

interface PersonRowProps {
  person: User
  /** The signed-in secretariat's own row: no demoting, deactivating or re-inviting oneself. */
  isSelf: boolean
  onChanged: (person: User) => void
  onInvitation: (name: string, url: string) => void
}

/** One account: its role, whether it is active, and a fresh invitation link on request. */
export const PersonRow = ({ person, isSelf, onChanged, onInvitation }: PersonRowProps) => {
  const { t } = useTranslation()
  const roleId = useId()
  const { busy, error, run } = useAction()

  const update = (change: { role?: Role; active?: boolean }) =>
    void run(async () => onChanged((await api.updateUser(person.id, change)).user))
  const invite = () =>
    void run(async () =>
      onInvitation(person.name, (await api.newInvitation(person.id)).invitationUrl),
    )

  return (
    <tr className={person.active ? undefined : 'inactive'}>
      <th scope="row">
        {person.name}
        {isSelf && ` (${t('common.you')})`}
      </th>
      <td>{person.email}</td>
      <td>
        <label htmlFor={roleId} className="visually-hidden">
          {t('people.roleOf', { name: person.name })}
        </label>
        <select
          id={roleId}
          value={person.role}
          disabled={busy || isSelf}
          onChange={(event) => update({ role: event.target.value as Role })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </td>
      <td>{person.active ? t('people.active') : t('people.inactive')}</td>
      <td className="actions">
        {!isSelf && (
          <>
            <button
              type="button"
              className="quiet"
              disabled={busy}
              onClick={() => update({ active: !person.active })}
            >
              {person.active ? t('people.deactivate') : t('people.reactivate')}
            </button>
            <button type="button" className="quiet" disabled={busy} onClick={invite}>
              {t('people.newInvitation')}
            </button>
          </>
        )}
        <FormMessage error={error} />
      </td>
    </tr>
  )
}
