// @vitest-environment jsdom
// The byline under a segment's audit panel: the verdict is credited to whoever set it and the note to whoever wrote
// it, each with its own date, as the server records them (verdictBy/verdictAt, noteBy/noteAt) — not to whoever changed
// the review last.
import { screen, waitFor, within } from '@testing-library/react'
import i18next from 'i18next'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AuditWrite } from '../../../src/stores/audit-contract'
import { testAuditStore } from '../../msw/audit-handlers'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { rememberReviewer } from '../../stores/audit-entries'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 5, commandersActCount: 2 })
const server = setupServer(...demo.handlers)

const SEGMENT = demo.data.braze[0] ?? { id: '' }
const SEGMENT_KEY = `braze:${SEGMENT.id}`

const MONDAY = '2026-03-02T09:00:00.000Z'
const WEDNESDAY = '2026-03-04T15:30:00.000Z'

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => rememberReviewer('Camille'))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

/** One field written by one reviewer at one time, straight to the server, on the version it has. */
async function write(field: AuditWrite['field'], value: string, reviewer: string, at: string) {
  const store = await testAuditStore()
  const current = (await store.listEntries()).entries.find((entry) => entry.key === SEGMENT_KEY)
  const baseVersion = (field === 'verdict' ? current?.verdictVersion : current?.noteVersion) ?? 0
  const outcome = await store.write(
    { key: SEGMENT_KEY, field, value, baseVersion } as AuditWrite,
    reviewer,
    new Date(at),
  )
  expect(outcome.ok).toBe(true)
}

/** The byline: the panel's last line before the history, once the team's reviews have loaded. */
async function openByline(): Promise<HTMLElement> {
  renderApp(`/segments/braze/${SEGMENT.id}`)
  const panel = await screen.findByRole('region', { name: 'Audit' }, { timeout: 5000 })
  await waitFor(() => expect(within(panel).getByRole('textbox')).toBeEnabled())
  const byline = panel.querySelector<HTMLElement>('.small-print')
  if (!byline) throw new Error('No byline under the audit panel')
  return byline
}

/** The part of the byline that starts with `text`, and the instant its date says. */
function part(byline: HTMLElement, text: RegExp): { text: string; dateTime: string | null } {
  const element = within(byline).getByText(text)
  return { text: element.textContent ?? '', dateTime: element.querySelector('time')?.getAttribute('dateTime') ?? null }
}

describe('Audit panel byline', () => {
  it('credits the verdict to who set it and the note to who wrote it, each with its own date', async () => {
    await write('verdict', 'archive', 'Bob', MONDAY)
    await write('note', 'Still used by the spring campaign?', 'Alice', WEDNESDAY)

    const byline = await openByline()
    expect(part(byline, /^Archive — by Bob,/)).toMatchObject({ dateTime: MONDAY })
    expect(part(byline, /^Note by Alice,/)).toMatchObject({ dateTime: WEDNESDAY })
    expect(byline).not.toHaveTextContent(/Archive — by Alice/)
    expect(byline.textContent).toMatch(/^Archive — by Bob, .+ · Note by Alice, .+$/)
  })

  it('keeps the verdict’s author when someone else wrote the note first', async () => {
    await write('note', 'Ask the CRM team', 'Alice', MONDAY)
    await write('verdict', 'keep', 'Bob', WEDNESDAY)

    const byline = await openByline()
    expect(part(byline, /^Keep — by Bob,/)).toMatchObject({ dateTime: WEDNESDAY })
    expect(part(byline, /^Note by Alice,/)).toMatchObject({ dateTime: MONDAY })
  })

  it('with a note and no verdict ever set, names only the note’s writer: no "Unreviewed — by"', async () => {
    await write('note', 'Ask the CRM team', 'Alice QA', MONDAY)

    const byline = await openByline()
    expect(part(byline, /^Note by Alice QA,/)).toMatchObject({ dateTime: MONDAY })
    expect(byline).not.toHaveTextContent(/Unreviewed/)
    expect(byline).not.toHaveTextContent(/ · /)
  })

  it('says it once when the same reviewer set the verdict and wrote the note the same day', async () => {
    await write('verdict', 'fix', 'Bob', MONDAY)
    await write('note', 'Rename it', 'Bob', '2026-03-02T09:05:00.000Z')

    const byline = await openByline()
    expect(part(byline, /^Fix — by Bob,/)).toMatchObject({ dateTime: MONDAY })
    expect(byline).not.toHaveTextContent(/Note/)
  })

  it('adds the note’s part when the same reviewer wrote it on another day', async () => {
    await write('verdict', 'fix', 'Bob', MONDAY)
    await write('note', 'Renamed, to check', 'Bob', WEDNESDAY)

    const byline = await openByline()
    expect(part(byline, /^Note by Bob,/)).toMatchObject({ dateTime: WEDNESDAY })
  })

  it('says who cleared the note', async () => {
    await write('verdict', 'keep', 'Bob', MONDAY)
    await write('note', 'Draft', 'Bob', MONDAY)
    await write('note', '', 'Alice', WEDNESDAY)

    const byline = await openByline()
    expect(part(byline, /^Keep — by Bob,/)).toMatchObject({ dateTime: MONDAY })
    expect(part(byline, /^Note cleared by Alice,/)).toMatchObject({ dateTime: WEDNESDAY })
  })

  it('reads the same in French', async () => {
    await i18next.changeLanguage('fr')
    await write('verdict', 'archive', 'Bob', MONDAY)
    await write('note', 'Encore utilisé ?', 'Alice', WEDNESDAY)

    const byline = await openByline()
    expect(part(byline, /^Archiver — par Bob,/)).toMatchObject({ dateTime: MONDAY })
    expect(part(byline, /^Note écrite par Alice,/)).toMatchObject({ dateTime: WEDNESDAY })
  })
})
