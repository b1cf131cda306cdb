// First, so that the session check, a document's details and the strings are asked for
// before the page's code (a browser opens six connections to a host at a time).
import './app/earlyRequests'
import { i18nReady } from './i18n/i18n'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { AuthProvider } from './app/AuthProvider'
import { registerServiceWorker } from './offline/registerServiceWorker'
import { AnnouncerProvider } from './ui/Announcer'

registerServiceWorker()

const root = document.getElementById('root')
if (!root) throw new Error('index.html lacks #root')

void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <AuthProvider>
        <AnnouncerProvider>
          <App />
        </AnnouncerProvider>
      </AuthProvider>
    </StrictMode>,
  ),
)
