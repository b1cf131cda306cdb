import { Role } from '@accord/protocol'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Route, Routes } from 'react-router'
import { useUiLanguage } from '../i18n/useUiLanguage'
import { MyWorkPage } from '../myWork/MyWorkPage'
import { InboxPage } from '../notifications/InboxPage'
import { DocumentsPage } from '../pages/DocumentsPage'
import { ForgotPasswordPage } from '../pages/ForgotPasswordPage'
import { HistoryRedirect } from '../pages/HistoryRedirect'
import { InvitePage } from '../pages/InvitePage'
import { NotFoundPage } from '../pages/NotFoundPage'
import { PeoplePage } from '../pages/PeoplePage'
import { ProfilePage } from '../pages/ProfilePage'
import { ResetPasswordPage } from '../pages/ResetPasswordPage'
import { SetupPage } from '../pages/SetupPage'
import { Progress } from '../ui/Progress'
import { Layout } from './Layout'
import { SignedIn } from './SignedIn'
import { useAuth } from './useAuth'

// The editor (Tiptap, Yjs, providers) is the heaviest part; load it only when a document opens.
const DocumentPage = lazy(() =>
  import('../pages/DocumentPage').then(({ DocumentPage }) => ({ default: DocumentPage })),
)
// Language versions: the list, and a translation beside its source.
const LanguagesPage = lazy(() =>
  import('../translations/LanguagesPage').then(({ LanguagesPage }) => ({ default: LanguagesPage })),
)
const SideBySidePage = lazy(() =>
  import('../translations/SideBySidePage').then(({ SideBySidePage }) => ({
    default: SideBySidePage,
  })),
)
// The glossary is managed now and then; translators see its entries in the side-by-side view.
const GlossaryPage = lazy(() =>
  import('../pages/GlossaryPage').then(({ GlossaryPage }) => ({ default: GlossaryPage })),
)
// Public consultations: opened by the secretariat, moderated by coordinators.
const ConsultationsPage = lazy(() =>
  import('../consultations/ConsultationsPage').then(({ ConsultationsPage }) => ({
    default: ConsultationsPage,
  })),
)
const ActivityPage = lazy(() =>
  import('../pages/ActivityPage').then(({ ActivityPage }) => ({ default: ActivityPage })),
)

/** The routes of the web client. */
export const App = () => {
  const { t } = useTranslation()
  const { user } = useAuth()
  useUiLanguage(user?.language)
  const loading = <Progress label={t('app.loading')} />

  return (
    <Routes>
      <Route element={<Layout />}>
        <Route
          index
          element={
            <SignedIn>
              <DocumentsPage />
            </SignedIn>
          }
        />
        <Route
          path="documents/:id"
          element={
            <SignedIn>
              <Suspense fallback={loading}>
                <DocumentPage />
              </Suspense>
            </SignedIn>
          }
        />
        <Route
          path="documents/:id/history"
          element={
            <SignedIn>
              <HistoryRedirect />
            </SignedIn>
          }
        />
        <Route
          path="documents/:id/languages"
          element={
            <SignedIn>
              <Suspense fallback={loading}>
                <LanguagesPage />
              </Suspense>
            </SignedIn>
          }
        />
        <Route
          path="documents/:id/consultations"
          element={
            <SignedIn>
              <Suspense fallback={loading}>
                <ConsultationsPage />
              </Suspense>
            </SignedIn>
          }
        />
        <Route
          path="documents/:id/side-by-side"
          element={
            <SignedIn>
              <Suspense fallback={loading}>
                <SideBySidePage />
              </Suspense>
            </SignedIn>
          }
        />
        <Route
          path="activity"
          element={
            <SignedIn role={Role.secretariat}>
              <Suspense fallback={loading}>
                <ActivityPage />
              </Suspense>
            </SignedIn>
          }
        />
        <Route
          path="people"
          element={
            <SignedIn role={Role.secretariat}>
              <PeoplePage />
            </SignedIn>
          }
        />
        <Route
          path="profile"
          element={
            <SignedIn>
              <ProfilePage />
            </SignedIn>
          }
        />
        <Route
          path="glossary"
          element={
            <SignedIn>
              <Suspense fallback={loading}>
                <GlossaryPage />
              </Suspense>
            </SignedIn>
          }
        />
        <Route
          path="work"
          element={
            <SignedIn>
              <MyWorkPage />
            </SignedIn>
          }
        />
        <Route
          path="inbox"
          element={
            <SignedIn>
              <InboxPage />
            </SignedIn>
          }
        />
        <Route path="invite/:token" element={<InvitePage />} />
        <Route path="forgot" element={<ForgotPasswordPage />} />
        <Route path="reset/:token" element={<ResetPasswordPage />} />
        <Route path="setup/:token" element={<SetupPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
