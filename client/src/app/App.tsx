import { Role } from '@accord/protocol'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Route, Switch } from 'wouter'
import { withMoreStrings } from '../i18n/i18n'
import { useUiLanguage } from '../i18n/useUiLanguage'
import { HistoryRedirect } from '../pages/HistoryRedirect'
import { NotFoundPage } from '../pages/NotFoundPage'
import { Progress } from '../ui/Progress'
import { openingDocument } from './earlyRequests'
import { Layout } from './Layout'
import { preloadablePage } from './preloadablePage'
import { SignedIn } from './SignedIn'
import { useAuth } from './useAuth'

// Every page is its own chunk, so a document opened from a link loads the editor and
// nothing of the other pages. The editor (Tiptap, Yjs, providers) is the heaviest part.
const DocumentsPage = lazy(
  withMoreStrings(() =>
    import('../pages/DocumentsPage').then(({ DocumentsPage }) => ({ default: DocumentsPage })),
  ),
)
const InboxPage = lazy(
  withMoreStrings(() =>
    import('../notifications/InboxPage').then(({ InboxPage }) => ({ default: InboxPage })),
  ),
)
const PeoplePage = lazy(
  withMoreStrings(() =>
    import('../pages/PeoplePage').then(({ PeoplePage }) => ({ default: PeoplePage })),
  ),
)
const ProfilePage = lazy(
  withMoreStrings(() =>
    import('../pages/ProfilePage').then(({ ProfilePage }) => ({ default: ProfilePage })),
  ),
)
const InvitePage = lazy(
  withMoreStrings(() =>
    import('../pages/InvitePage').then(({ InvitePage }) => ({ default: InvitePage })),
  ),
)
const ForgotPasswordPage = lazy(
  withMoreStrings(() =>
    import('../pages/ForgotPasswordPage').then(({ ForgotPasswordPage }) => ({
      default: ForgotPasswordPage,
    })),
  ),
)
const ResetPasswordPage = lazy(
  withMoreStrings(() =>
    import('../pages/ResetPasswordPage').then(({ ResetPasswordPage }) => ({
      default: ResetPasswordPage,
    })),
  ),
)
const SetupPage = lazy(
  withMoreStrings(() =>
    import('../pages/SetupPage').then(({ SetupPage }) => ({ default: SetupPage })),
  ),
)
const { Page: DocumentPage, preload: loadDocumentPage } = preloadablePage(() =>
  import('../pages/DocumentPage').then(({ DocumentPage }) => DocumentPage),
)
// Language versions: the list, and a translation beside its source.
const LanguagesPage = lazy(
  withMoreStrings(() =>
    import('../translations/LanguagesPage').then(({ LanguagesPage }) => ({
      default: LanguagesPage,
    })),
  ),
)
const { Page: SideBySidePage, preload: loadSideBySidePage } = preloadablePage(
  withMoreStrings(() =>
    import('../translations/SideBySidePage').then(({ SideBySidePage }) => SideBySidePage),
  ),
)

// A document opened from a link or a reload: its code is fetched at once, while the session
// and the details are still on their way, and the page then renders without suspending. After
// a microtask: the strings' request, queued by now, goes out before the page's dozen scripts.
// A failure here is the page's to show: it asks again when it renders.
const ignore = () => undefined
if (openingDocument) queueMicrotask(() => void loadDocumentPage().catch(ignore))
if (/^\/documents\/[^/]+\/side-by-side\/?$/.test(window.location.pathname))
  void loadSideBySidePage().catch(ignore)

const MyWorkPage = lazy(
  withMoreStrings(() =>
    import('../myWork/MyWorkPage').then(({ MyWorkPage }) => ({ default: MyWorkPage })),
  ),
)
// The glossary is managed now and then; translators see its entries in the side-by-side view.
const GlossaryPage = lazy(
  withMoreStrings(() =>
    import('../pages/GlossaryPage').then(({ GlossaryPage }) => ({ default: GlossaryPage })),
  ),
)
// Public consultations: opened by the secretariat, moderated by coordinators.
const ConsultationsPage = lazy(
  withMoreStrings(() =>
    import('../consultations/ConsultationsPage').then(({ ConsultationsPage }) => ({
      default: ConsultationsPage,
    })),
  ),
)
const ActivityPage = lazy(
  withMoreStrings(() =>
    import('../pages/ActivityPage').then(({ ActivityPage }) => ({ default: ActivityPage })),
  ),
)

/** The routes of the web client. */
export const App = () => {
  const { t } = useTranslation()
  const { user } = useAuth()
  useUiLanguage(user?.language)
  const loading = <Progress label={t('app.loading')} />

  return (
    <Layout>
      <Switch>
        <Route path="/">
          <SignedIn>
            <Suspense fallback={loading}>
              <DocumentsPage />
            </Suspense>
          </SignedIn>
        </Route>
        <Route path="/documents/:id">
          <SignedIn>
            <DocumentPage />
          </SignedIn>
        </Route>
        <Route path="/documents/:id/history">
          <SignedIn>
            <HistoryRedirect />
          </SignedIn>
        </Route>
        <Route path="/documents/:id/languages">
          <SignedIn>
            <Suspense fallback={loading}>
              <LanguagesPage />
            </Suspense>
          </SignedIn>
        </Route>
        <Route path="/documents/:id/consultations">
          <SignedIn>
            <Suspense fallback={loading}>
              <ConsultationsPage />
            </Suspense>
          </SignedIn>
        </Route>
        <Route path="/documents/:id/side-by-side">
          <SignedIn>
            <SideBySidePage />
          </SignedIn>
        </Route>
        <Route path="/activity">
          <SignedIn role={Role.secretariat}>
            <Suspense fallback={loading}>
              <ActivityPage />
            </Suspense>
          </SignedIn>
        </Route>
        <Route path="/people">
          <SignedIn role={Role.secretariat}>
            <Suspense fallback={loading}>
              <PeoplePage />
            </Suspense>
          </SignedIn>
        </Route>
        <Route path="/profile">
          <SignedIn>
            <Suspense fallback={loading}>
              <ProfilePage />
            </Suspense>
          </SignedIn>
        </Route>
        <Route path="/glossary">
          <SignedIn>
            <Suspense fallback={loading}>
              <GlossaryPage />
            </Suspense>
          </SignedIn>
        </Route>
        <Route path="/work">
          <SignedIn>
            <Suspense fallback={loading}>
              <MyWorkPage />
            </Suspense>
          </SignedIn>
        </Route>
        <Route path="/inbox">
          <SignedIn>
            <Suspense fallback={loading}>
              <InboxPage />
            </Suspense>
          </SignedIn>
        </Route>
        <Route path="/invite/:token">
          <Suspense fallback={loading}>
            <InvitePage />
          </Suspense>
        </Route>
        <Route path="/forgot">
          <Suspense fallback={loading}>
            <ForgotPasswordPage />
          </Suspense>
        </Route>
        <Route path="/reset/:token">
          <Suspense fallback={loading}>
            <ResetPasswordPage />
          </Suspense>
        </Route>
        <Route path="/setup/:token">
          <Suspense fallback={loading}>
            <SetupPage />
          </Suspense>
        </Route>
        <Route>
          <NotFoundPage />
        </Route>
      </Switch>
    </Layout>
  )
}
