// @vitest-environment jsdom
// A verdict or a note a segment's page could not save before the reviewer left it is sent when the audit server next
// answers, wherever the reviewer is then — not only if they come back to that segment — and never over a colleague's.
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAuditHandler } from '../../src/server/audit/routes'
import { AUDIT_POLL_MS, auditKeys } from '../../src/stores/audit-queries'
import { sendLeftDrafts } from '../../src/stores/left-drafts'
import { auditServerDown } from '../msw/audit-down'
import { testAuditStore } from '../msw/audit-handlers'
import { createDemoHandlers } from '../msw/demo-handlers'
import { renderApp } from '../render-app'

const demo = createDemoHandlers({ brazeCount: 30, commandersActCount: 10 })
const server = setupServer(...demo.handlers)
const SEGMENT = demo.data.braze[0] ?? { id: '', name: '' }
const SEGMENT_KEY = `braze:${SEGMENT.id}`
const VERDICT_DRAFT = `segment-audit:verdict-draft:${SEGMENT_KEY}`
const NOTE_DRAFT = `segment-audit:note-draft:${SEGMENT_KEY}`

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  localStorage.setItem('segment-audit:reviewer:v1', 'Camille')
  vi.useFakeTimers({ shouldAdvanceTime: true })
})
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
})
afterAll(() => server.close())

async function stored() {
  return (await (await testAuditStore()).listEntries()).entries.find((entry) => entry.key === SEGMENT_KEY)
}

/** Counts the writes that reach the real audit routes. */
function countWrites(): () => number {
  let writes = 0
  server.use(
    http.post('*/api/audit/writes', () => {
      writes += 1
      return undefined
    }),
  )
  return () => writes
}

const nextPoll = () => act(() => vi.advanceTimersByTimeAsync(AUDIT_POLL_MS))

function openApp(url: string) {
  const view = renderApp(url)
  const stop = sendLeftDrafts(view.queryClient)
  return { ...view, stop }
}

describe('drafts left by a segment’s page', () => {
  it('sends a verdict chosen while the server was down once it answers, with the reviewer on the list', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTimeAsync })
    const { router, stop } = openApp(`/segments/braze/${SEGMENT.id}`)
    const audit = await screen.findByRole('region', { name: 'Audit' }, { timeout: 5000 })
    await waitFor(() => expect(within(audit).getByRole('textbox', { name: 'Note' })).toBeEnabled())
    const down = auditServerDown(server)
    await user.keyboard('2')
    await waitFor(() => expect(within(audit).getByRole('status')).toHaveTextContent('Your Fix is not saved yet'))
    // Back to the list: the write on leaving gets no answer either, and the reviewer does not come back.
    await act(async () => router.navigate('/'))
    await waitFor(() => expect(down.writes()).toBe(2))
    expect(await stored()).toBeUndefined()

    server.resetHandlers()
    await nextPoll()
    await waitFor(async () => expect(await stored()).toMatchObject({ verdict: 'fix', verdictBy: 'Camille' }))
    expect(sessionStorage.getItem(VERDICT_DRAFT)).toBeNull()
    // The list counts it among the team's verdicts.
    await waitFor(() => expect(screen.getByText(/^Reviewed/)).toHaveTextContent('Reviewed 1 of 40'))
    stop()
  })

  it('sends a note left unsaved by an earlier page of this tab, on the version it was typed on', async () => {
    sessionStorage.setItem(NOTE_DRAFT, JSON.stringify({ value: 'Owner left: ask Lea', baseVersion: 0 }))
    const { stop } = openApp('/')
    await waitFor(async () => expect(await stored()).toMatchObject({ note: 'Owner left: ask Lea', noteBy: 'Camille' }))
    expect(sessionStorage.getItem(NOTE_DRAFT)).toBeNull()
    stop()
  })

  it('on a team server that names the reviewer, sends the drafts of a tab that was never asked for a name', async () => {
    localStorage.clear()
    const teamServer = createAuditHandler({
      store: await testAuditStore(),
      authUserHeader: 'X-Forwarded-Email',
      providerCacheTtlMs: 86_400_000,
      log: () => {},
    })
    // The authenticating proxy in front of it names the signed-in user on every request.
    server.use(
      http.all('*/api/audit/*', ({ request }) => {
        const signedIn = new Request(request)
        signedIn.headers.set('X-Forwarded-Email', 'tess@example.com')
        return teamServer(signedIn)
      }),
    )
    sessionStorage.setItem(VERDICT_DRAFT, JSON.stringify({ value: 'fix', baseVersion: 0 }))
    const { stop } = openApp('/')
    await waitFor(async () => expect(await stored()).toMatchObject({ verdict: 'fix', verdictBy: 'tess@example.com' }))
    expect(sessionStorage.getItem(VERDICT_DRAFT)).toBeNull()
    stop()
  })

  it('sends a note the app’s previous version kept in the tab, in its older form', async () => {
    sessionStorage.setItem(NOTE_DRAFT, JSON.stringify({ note: 'Typed before the upgrade', baseVersion: 0 }))
    const { stop } = openApp('/')
    await waitFor(async () => expect(await stored()).toMatchObject({ note: 'Typed before the upgrade' }))
    expect(sessionStorage.getItem(NOTE_DRAFT)).toBeNull()
    stop()
  })

  it('leaves a colleague’s change alone and keeps the draft for the segment’s next visit, never sent over it', async () => {
    const store = await testAuditStore()
    await store.write({ key: SEGMENT_KEY, field: 'verdict', value: 'keep', baseVersion: 0 }, 'Dominique', new Date())
    sessionStorage.setItem(VERDICT_DRAFT, JSON.stringify({ value: 'archive', baseVersion: 0 }))
    const writes = countWrites()
    const { queryClient, stop } = openApp('/')
    // The polled entries show Dominique's change: the server would refuse the draft, so it is not sent.
    await waitFor(() => expect(queryClient.getQueryData(auditKeys.entries())).toBeDefined())
    await nextPoll()
    await nextPoll()
    expect(writes()).toBe(0)
    expect(await stored()).toMatchObject({ verdict: 'keep', verdictBy: 'Dominique' })
    // The segment's page will say why its Archive was not saved.
    expect(sessionStorage.getItem(VERDICT_DRAFT)).not.toBeNull()
    stop()
  })

  it('drops a draft the server already has (its write on leaving got there, its answer did not), sending nothing', async () => {
    const store = await testAuditStore()
    await store.write({ key: SEGMENT_KEY, field: 'note', value: 'Merge with B', baseVersion: 0 }, 'Camille', new Date())
    sessionStorage.setItem(NOTE_DRAFT, JSON.stringify({ value: 'Merge with B', baseVersion: 0 }))
    const writes = countWrites()
    const { stop } = openApp('/')
    await waitFor(() => expect(sessionStorage.getItem(NOTE_DRAFT)).toBeNull())
    expect(writes()).toBe(0)
    stop()
  })

  it('does not send the drafts of the segment whose page is open: that page sends them itself', async () => {
    const writes = countWrites()
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTimeAsync })
    const { stop } = openApp(`/segments/braze/${SEGMENT.id}`)
    const audit = await screen.findByRole('region', { name: 'Audit' }, { timeout: 5000 })
    const note = within(audit).getByRole('textbox', { name: 'Note' })
    await waitFor(() => expect(note).toBeEnabled())
    // A note being typed is a draft the whole time; the page saves it after a pause in typing, once.
    await user.type(note, 'Check with CRM')
    expect(sessionStorage.getItem(NOTE_DRAFT)).not.toBeNull()
    await nextPoll()
    await waitFor(() => expect(within(audit).getByRole('status')).toHaveTextContent(/^Saved$/))
    await nextPoll()
    expect(writes()).toBe(1)
    stop()
  })
})
