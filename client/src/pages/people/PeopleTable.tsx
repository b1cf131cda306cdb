import type { User } from '@accord/protocol'
import { useTranslation } from 'react-i18next'
import { PersonRow } from './PersonRow'

interface PeopleTableProps {
  people: User[]
  selfId: string
  onChanged: (person: User) => void
  onInvitation: (name: string, url: string) => void
}

export const PeopleTable = ({ people, selfId, onChanged, onInvitation }: PeopleTableProps) => {
  const { t } = useTranslation()
  return (
    <div className="table-scroll">
      <table className="people">
        <caption className="visually-hidden">{t('people.listLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('common.name')}</th>
            <th scope="col">{t('common.email')}</th>
            <th scope="col">{t('common.role')}</th>
            <th scope="col">{t('people.state')}</th>
            <th scope="col">{t('people.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <PersonRow
              key={person.id}
              person={person}
              isSelf={person.id === selfId}
              onChanged={onChanged}
              onInvitation={onInvitation}
            />
          ))}
        </tbody>
      </table>
    </div>
  )
}
