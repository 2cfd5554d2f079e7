// @vitest-environment jsdom
// The app's start for a team with one provider: the one the server has no variables for is asked once at most (never
// once its status says so), and a normal start does not make a list wait for the status.
import { render, screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { App, createPersistedClient } from '../../src/app/app'
import { held } from '../held'
import { createDemoHandlers, notConfiguredHandler } from '../msw/demo-handlers'

const demo = createDemoHandlers({ brazeCount: 30, commandersActCount: 20 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  server.events.removeAllListeners()
})
afterAll(() => server.close())

const BRAZE_VARIABLES = ['BRAZE_REST_ENDPOINT', 'BRAZE_API_KEY']
const COMMANDERS_ACT_VARIABLES = ['COMMANDERS_ACT_SITE_ID', 'COMMANDERS_ACT_TOKEN']
const notConfigured = (missing: string[]) => ({ configured: false, missing, invalid: [] })

/** The server's status and answers with the variables of one provider only. */
function onlyConfigured(provider: 'braze' | 'commanders-act') {
  server.use(
    http.get('*/api/status', () =>
      HttpResponse.json({
        mode: 'real',
        providers: {
          braze:
            provider === 'braze' ? { configured: true, host: 'rest.fra-01.braze.eu' } : notConfigured(BRAZE_VARIABLES),
          commandersAct:
            provider === 'commanders-act'
              ? { configured: true, host: 'api.commander1.com', site: '1234' }
              : notConfigured(COMMANDERS_ACT_VARIABLES),
        },
      }),
    ),
    provider === 'braze'
      ? notConfiguredHandler('commanders-act', COMMANDERS_ACT_VARIABLES)
      : notConfiguredHandler('braze', BRAZE_VARIABLES),
  )
}

/** The requests made under a path, as they start. */
function requestsUnder(prefix: string): string[] {
  const paths: string[] = []
  server.events.on('request:start', ({ request }) => {
    const { pathname } = new URL(request.url)
    if (pathname.startsWith(prefix)) paths.push(pathname)
  })
  return paths
}

/** The whole app on a first visit (nothing kept in IndexedDB): the lists start before the page mounts. */
function startApp() {
  window.history.replaceState(null, '', '/')
  render(<App client={createPersistedClient()} />)
}

describe('the app started for a team with one provider', () => {
  it('asks Commanders Act, which the server has no variables for, once, even before the server’s status is in', async () => {
    onlyConfigured('braze')
    const status = held()
    server.use(
      http.get('*/api/status', async () => {
        await status.released
        return undefined
      }),
    )
    const asked = requestsUnder('/api/commanders-act/')
    startApp()
    // Its answer says so before the status does: the page, mounted after the app started the lists, asks no more.
    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(
      'Commanders Act is not configured',
    )
    status.release()
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^30 segments · Braze: 30$/), {
      timeout: 5000,
    })
    expect(asked).toEqual(['/api/commanders-act/segments/list'])
  })

  it('never asks Braze, which the status says has no variables, and says what to set', async () => {
    onlyConfigured('commanders-act')
    const asked = requestsUnder('/api/braze/')
    startApp()
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 })
    expect(alert).toHaveTextContent('Braze is not configured')
    expect(alert).toHaveTextContent('BRAZE_REST_ENDPOINT')
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^20 segments · Commanders Act: 20$/), {
      timeout: 5000,
    })
    expect(asked).toEqual([])
  })
})

describe('the app started with both providers', () => {
  it('asks for the Commanders Act list without waiting for the server’s status', async () => {
    const { released, release } = held()
    server.use(
      http.get('*/api/status', async () => {
        await released
        return undefined
      }),
    )
    const asked = requestsUnder('/api/commanders-act/')
    startApp()
    await expect.poll(() => asked, { timeout: 5000 }).toEqual(['/api/commanders-act/segments/list'])
    release()
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^50 segments/), { timeout: 5000 })
  })
})
