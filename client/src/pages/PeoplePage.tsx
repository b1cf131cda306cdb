import type { CreatedUser, User } from '@accord/protocol'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../app/api'
import { useUser } from '../app/useAuth'
import { useErrorMessage } from '../app/useErrorMessage'
import { usePageTitle } from '../app/usePageTitle'
import { Progress } from '../ui/Progress'
import { CreatePersonForm } from './people/CreatePersonForm'
import { InvitationLink } from './people/InvitationLink'
import { PeopleTable } from './people/PeopleTable'

/** The secretariat's account management: add people, change roles, deactivate, re-invite. */
export const PeoplePage = () => {
  const { t } = useTranslation()
  const self = useUser()
  const errorMessage = useErrorMessage()
  const [people, setPeople] = useState<User[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [invitation, setInvitation] = useState<{ name: string; url: string } | null>(null)
  usePageTitle(t('people.title'))

  useEffect(() => {
    let current = true
    api
      .users()
      .then(({ users }) => current && setPeople(users))
      .catch((failure: unknown) => current && setError(errorMessage(failure)))
    return () => {
      current = false
    }
  }, [errorMessage])

  const replace = (person: User) =>
    setPeople((list) => (list ?? []).map((other) => (other.id === person.id ? person : other)))

  const created = ({ user, invitationUrl }: CreatedUser) => {
    setPeople((list) => [...(list ?? []), user])
    setInvitation(invitationUrl ? { name: user.name, url: invitationUrl } : null)
  }

  return (
    <div className="page">
      <h1>{t('people.title')}</h1>
      <CreatePersonForm onCreated={created} />
      {invitation && <InvitationLink key={invitation.url} {...invitation} />}
      {error && <p role="alert">{error}</p>}
      {people === null ? (
        !error && <Progress label={t('app.loading')} />
      ) : (
        <PeopleTable
          people={people}
          selfId={self.id}
          onChanged={replace}
          onInvitation={(name, url) => setInvitation({ name, url })}
        />
      )}
    </div>
  )
}
