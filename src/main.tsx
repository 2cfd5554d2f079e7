// Entry point: starts reading the cached data, loads the interface language, then mounts the app.
// First: its reads start before the rest of the app is evaluated.
import './app/early-reads'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App, createPersistedClient } from './app/app'
import { initI18n } from './app/i18n'
import { handOverFirstScreen } from './app/first-screen'

handOverFirstScreen()

// Made while the interface language still loads, rather than during the first render.
const client = createPersistedClient()

function render() {
  const root = document.getElementById('root')
  if (!root) throw new Error('Missing #root element')
  createRoot(root).render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  )
}

// The first render waits for the interface language (started by early-reads.ts, so usually there already): the page
// then renders whole at once, rather than a loading frame first and the page once its words arrive. If they cannot
// load, the app renders anyway and its loading frame stays until they do.
void initI18n().then(render, render)
