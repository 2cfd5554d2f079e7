// @vitest-environment jsdom
// The Audit page's reviews of segments no longer listed (deleted or archived in their provider since): a card of their
// own, each named as the audit last knew it, with its verdict, note and reviewers and a link to its page; Progress,
// that card and the export card counting them alike.
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { brazeQueries } from '../../../src/providers/braze/queries'
import { toBrazeSegmentDetails } from '../../../src/providers/braze/schemas'
import { getBaselineStore } from '../../../src/stores/audit-baseline'
import { testAuditStore } from '../../msw/audit-handlers'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'
import { rememberReviewer, seedReviews } from '../../stores/audit-entries'

const demo = createDemoHandlers({ brazeCount: 12, commandersActCount: 6 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const TOTAL = demo.data.braze.length + demo.data.commandersAct.length
const LISTED = `braze:${demo.data.braze[0]?.id ?? ''}`

/** Deleted in Braze after its review; the snapshot kept when the audit started still names it. */
const ARCHIVED_ID = '5c1d7a80-0b9e-4f7a-8e2c-6a4f3e2d1c0b'
/** Deleted in Braze after someone wrote a note on it; its details, fetched while it was listed, name it. */
const NOTED_ID = '0e7c9a52-31f4-4c1e-9d0a-7b2e6f4a8c13'
/** Deleted in Commanders Act; no name was ever kept for it. */
const UNNAMED_ID = '0BADF00D'
const ARCHIVED = `braze:${ARCHIVED_ID}`
const NOTED = `braze:${NOTED_ID}`
const UNNAMED = `commanders-act:${UNNAMED_ID}`

const REVIEWED_AT = '2026-03-02T10:00:00.000Z'
const NOTED_AT = '2026-03-04T15:00:00.000Z'

async function seedGone(): Promise<void> {
  await seedReviews(
    { key: LISTED, verdict: 'keep', reviewedAt: REVIEWED_AT },
    { key: ARCHIVED, verdict: 'archive', note: 'Spring sale is over', reviewedAt: REVIEWED_AT },
    { key: NOTED, note: 'Ask the CRM team\nbefore deleting', reviewer: 'Léa', reviewedAt: NOTED_AT },
    { key: UNNAMED, verdict: 'keep', reviewer: 'Dominique', reviewedAt: REVIEWED_AT },
  )
  await getBaselineStore().save({
    takenAt: '2026-03-01T09:00:00.000Z',
    source: 'start',
    providers: ['braze', 'commanders-act'],
    segments: [{ key: ARCHIVED, name: 'Anciens clients – printemps', tags: ['crm'] }],
  })
}

/** Puts the details fetched while the segment was listed into the page's cache, as the segment's page left them. */
function keepDetails(queryClient: ReturnType<typeof renderApp>['queryClient']): void {
  act(() => {
    queryClient.setQueryData(
      brazeQueries.details(NOTED_ID).queryKey,
      toBrazeSegmentDetails(NOTED_ID, { message: 'success', name: 'VIP – relance' }),
    )
  })
}

const region = (name: string) => screen.getByRole('region', { name })
const progressStatus = () => within(region('Progress')).getByRole('status')

/** Each entry of the card as its lines of text. */
function goneEntries(name = 'Reviewed, no longer listed'): string[][] {
  return within(within(region(name)).getByRole('list'))
    .getAllByRole('listitem')
    .map((item) => [...item.querySelectorAll('p')].map((line) => line.textContent?.trim() ?? ''))
}

describe('Audit page: reviews of segments no longer listed', () => {
  it('lists them in a card of their own, named from what the audit kept, each with its review and a link', async () => {
    await seedGone()
    const { queryClient } = renderApp('/audit')
    keepDetails(queryClient)
    await waitFor(() => expect(progressStatus()).toHaveTextContent(`Reviewed 1 of ${TOTAL}`))
    const card = await screen.findByRole('region', { name: 'Reviewed, no longer listed' })
    expect(card).toHaveTextContent(
      '3 segments reviewed by the team are no longer listed by their provider: deleted or archived since (Keep 1, ' +
        'Archive 1, Unreviewed 1). Progress does not count them, as it counts the segments listed now;',
    )
    expect(goneEntries()).toEqual([
      [
        'Anciens clients – printemps · Braze',
        'Archive, set by Camille on Mar 2, 2026 · note by Camille on Mar 2, 2026',
        'Spring sale is over',
      ],
      ['VIP – relance · Braze', 'Unreviewed · note by Léa on Mar 4, 2026', 'Ask the CRM team\nbefore deleting'],
      [`${UNNAMED_ID} · Commanders Act · no name kept`, 'Keep, set by Dominique on Mar 2, 2026'],
    ])
    expect(within(card).getByRole('link', { name: 'Anciens clients – printemps' })).toHaveAttribute(
      'href',
      `/segments/braze/${ARCHIVED_ID}`,
    )
    expect(within(card).getByRole('link', { name: 'VIP – relance' })).toHaveAttribute(
      'href',
      `/segments/braze/${NOTED_ID}`,
    )
    expect(within(card).getByRole('link', { name: UNNAMED_ID })).toHaveAttribute(
      'href',
      `/segments/commanders-act/${UNNAMED_ID}`,
    )
    // Progress, this card and the export card count them alike.
    expect(region('Progress')).toHaveTextContent(
      'Not counted here: 3 reviews of segments no longer listed, shown under “Reviewed, no longer listed”.',
    )
    expect(region('Export the session')).toHaveTextContent(
      'They hold 4 reviews: 1 reviewed as in Progress and 3 of segments no longer listed.',
    )
  })

  it('opens a segment’s page from the card: named as kept, said to be no longer listed, its review still changeable', async () => {
    await seedGone()
    rememberReviewer('Camille')
    const user = userEvent.setup()
    const { router } = renderApp('/audit')
    const card = await screen.findByRole('region', { name: 'Reviewed, no longer listed' })
    await user.click(within(card).getByRole('link', { name: 'Anciens clients – printemps' }))
    expect(router.state.location.pathname).toBe(`/segments/braze/${ARCHIVED_ID}`)
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Anciens clients – printemps' }, { timeout: 5000 }),
    ).toBeInTheDocument()
    expect(screen.getByText('No longer listed', { selector: '.badge' })).toBeInTheDocument()
    expect(region('No longer listed by Braze')).toHaveTextContent(
      `Braze has no segment with the ID ${ARCHIVED_ID} any more: it was deleted or archived.`,
    )
    const panel = region('Audit')
    await waitFor(() => expect(within(panel).getByRole('radio', { name: /Archive/ })).toBeChecked())
    expect(within(panel).getByRole('textbox', { name: 'Note' })).toHaveValue('Spring sale is over')
    await user.click(within(panel).getByRole('radio', { name: /Keep/ }))
    await waitFor(async () =>
      expect((await testAuditStore()).listEntries()).resolves.toMatchObject({
        entries: expect.arrayContaining([expect.objectContaining({ key: ARCHIVED, verdict: 'keep' })]),
      }),
    )
  })

  it('says nothing of them while every reviewed segment is still listed', async () => {
    await seedReviews({ key: LISTED, verdict: 'keep' })
    renderApp('/audit')
    await waitFor(() => expect(progressStatus()).toHaveTextContent(`Reviewed 1 of ${TOTAL}`))
    expect(screen.queryByRole('region', { name: 'Reviewed, no longer listed' })).not.toBeInTheDocument()
    expect(region('Progress')).not.toHaveTextContent('Not counted here')
  })

  it('leaves out the reviews of a provider whose list failed: whether they are still listed is not known', async () => {
    await seedGone()
    server.use(
      http.get('*/api/commanders-act/segments/list', () => Response.json({ error: 'invalid token' }, { status: 401 })),
    )
    const { queryClient } = renderApp('/audit')
    keepDetails(queryClient)
    expect(await screen.findByRole('alert')).toHaveTextContent('Commanders Act rejected the credentials')
    const card = await screen.findByRole('region', { name: 'Reviewed, no longer listed' })
    expect(card).toHaveTextContent(
      '1 other review is of a segment whose list is not loaded: whether it is still listed is not known yet.',
    )
    expect(within(card).queryByRole('link', { name: UNNAMED_ID })).not.toBeInTheDocument()
    expect(region('Progress')).toHaveTextContent('Not counted here: 2 reviews of segments no longer listed')
    expect(region('Export the session')).toHaveTextContent(
      '2 of segments no longer listed, and 1 of a segment whose list is not loaded.',
    )
  })

  it('says the same in French', async () => {
    await seedGone()
    await i18next.changeLanguage('fr')
    const { queryClient } = renderApp('/audit')
    keepDetails(queryClient)
    // French puts a narrow no-break space before a colon and inside « » (the text matcher reads it as a space).
    const card = await screen.findByRole('region', { name: 'Revus, qui ne sont plus dans la liste' })
    expect(card).toHaveTextContent(
      '3 segments revus par l’équipe ne sont plus dans la liste de leur fournisseur : supprimés ou archivés ' +
        'depuis (Garder 1, Archiver 1, Non revu 1).',
    )
    expect(goneEntries('Revus, qui ne sont plus dans la liste').map((lines) => lines.slice(0, 2))).toEqual([
      [
        'Anciens clients – printemps · Braze',
        'Archiver, donné par Camille le 2 mars 2026 · note écrite par Camille le 2 mars 2026',
      ],
      ['VIP – relance · Braze', 'Non revu · note écrite par Léa le 4 mars 2026'],
      [`${UNNAMED_ID} · Commanders Act · aucun nom gardé`, 'Garder, donné par Dominique le 2 mars 2026'],
    ])
    expect(region('Progression')).toHaveTextContent(
      'Non comptées ici : 3 revues de segments qui ne sont plus dans la liste, affichées sous ' +
        '« Revus, qui ne sont plus dans la liste ».',
    )
  })
})
