// Entry point: starts loading the interface language and reading the cached data, then mounts the app.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App, createPersistedClient } from './app/app'
import { initI18n } from './app/i18n'

void initI18n()
const client = createPersistedClient()

const root = document.getElementById('root')
if (!root) throw new Error('Missing #root element')
createRoot(root).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
)
