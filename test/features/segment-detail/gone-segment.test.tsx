// @vitest-environment jsdom
// A segment's page once its provider no longer lists it (deleted or archived since): named as the audit last knew it
// (its details fetched while it was listed, or the snapshot the Audit page compares with), marked as no longer listed,
// the team's review still there to read and change. Text with a narrow no-break space is checked on textContent.
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { http, HttpResponse } from 'msw'
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

const GONE_BRAZE = '5c1d7a80-0b9e-4f7a-8e2c-6a4f3e2d1c0b'
const GONE_CA = '0BADF00D'
const TAKEN_AT = '2026-03-01T17:00:00.000Z'

const region = (name: string) => screen.getByRole('region', { name })
const heading = (name: string) => screen.findByRole('heading', { level: 1, name }, { timeout: 5000 })
const goneBadge = () => screen.queryByText('No longer listed', { selector: '.badge' })

/** The snapshot kept when the audit started, while the segment was still listed. */
async function keepSnapshot(key: string, name: string): Promise<void> {
  await getBaselineStore().save({
    takenAt: TAKEN_AT,
    source: 'start',
    providers: ['braze', 'commanders-act'],
    segments: [{ key, name, tags: null }],
  })
}

async function onServer(key: string) {
  return (await (await testAuditStore()).listEntries()).entries.find((entry) => entry.key === key)
}

describe('the page of a segment no longer listed', () => {
  it('names a Commanders Act segment from the kept snapshot, says it is gone, and keeps its review changeable', async () => {
    const key = `commanders-act:${GONE_CA}`
    await seedReviews({ key, verdict: 'keep', note: 'Used by the VIP programme', reviewer: 'Dominique' })
    await keepSnapshot(key, 'prospect VIP')
    rememberReviewer('Camille')
    const user = userEvent.setup()
    renderApp(`/segments/commanders-act/${GONE_CA}`)
    expect(await heading('prospect VIP')).toBeInTheDocument()
    expect(document.title).toBe('prospect VIP — Segment Audit')
    expect(goneBadge()).toBeInTheDocument()
    const gone = region('No longer listed by Commanders Act')
    expect(gone).toHaveTextContent(
      `Commanders Act has no segment with the ID ${GONE_CA} any more: it was deleted or archived.`,
    )
    expect(gone).toHaveTextContent('Its name is the last one the audit knew, on March 1, 2026 at 9:00 AM.')
    expect(screen.getByRole('button', { name: 'Copy ID' })).toBeInTheDocument()

    const panel = region('Audit')
    await waitFor(() => expect(within(panel).getByRole('radio', { name: /Keep/ })).toBeChecked())
    const note = within(panel).getByRole('textbox', { name: 'Note' })
    expect(note).toHaveValue('Used by the VIP programme')
    await user.type(note, ' until June')
    await user.tab()
    await user.click(within(panel).getByRole('radio', { name: /Archive/ }))
    await waitFor(async () =>
      expect(await onServer(key)).toMatchObject({
        verdict: 'archive',
        verdictBy: 'Camille',
        note: 'Used by the VIP programme until June',
      }),
    )
  })

  it('names a Braze segment Braze no longer has from its details fetched while it was listed', async () => {
    const { queryClient } = renderApp(`/segments/braze/${GONE_BRAZE}`)
    // Fetched on an earlier visit, and kept in this browser: Braze now answers that it has no such segment.
    act(() => {
      queryClient.setQueryData(
        brazeQueries.details(GONE_BRAZE).queryKey,
        toBrazeSegmentDetails(GONE_BRAZE, { message: 'success', name: 'Anciens clients' }),
        { updatedAt: Date.parse(TAKEN_AT) },
      )
    })
    expect(await heading('Anciens clients')).toBeInTheDocument()
    expect(goneBadge()).toBeInTheDocument()
    expect(region('No longer listed by Braze')).toHaveTextContent(
      `Braze has no segment with the ID ${GONE_BRAZE} any more: it was deleted or archived.`,
    )
    expect(region('Audit')).toBeInTheDocument()
  })

  it('keeps a reviewed segment no name was kept for as "Segment not found", marked gone, with its review', async () => {
    const key = `braze:${GONE_BRAZE}`
    await seedReviews({ key, verdict: 'archive' })
    renderApp(`/segments/braze/${GONE_BRAZE}`)
    expect(await heading('Segment not found')).toBeInTheDocument()
    expect(await screen.findByRole('region', { name: 'No longer listed by Braze' })).toHaveTextContent(
      'The audit kept no name for it.',
    )
    expect(goneBadge()).toBeInTheDocument()
    await waitFor(() => expect(within(region('Audit')).getByText('Archive')).toBeInTheDocument())
  })

  it('says at the top of a Braze page that Braze’s whole list no longer includes it, its details still answered', async () => {
    // An archived segment: Braze still answers for its details, but its list leaves it out.
    server.use(
      http.get('*/api/braze/segments/details', ({ request }) =>
        new URL(request.url).searchParams.get('segment_id') === GONE_BRAZE
          ? HttpResponse.json({ message: 'success', name: 'Soldes d’hiver', description: 'Users who: …' })
          : demo.forwardToBraze(request),
      ),
    )
    renderApp(`/segments/braze/${GONE_BRAZE}`)
    expect(await heading('Soldes d’hiver')).toBeInTheDocument()
    const note = await screen.findByRole('note', {}, { timeout: 5000 })
    expect(note).toHaveTextContent(
      'No longer listed by Braze' +
        'Braze’s segment list does not include this segment any more: it was deleted or archived',
    )
    expect(goneBadge()).toBeInTheDocument()
  })

  it('says nothing is gone on the page of a segment still listed', async () => {
    const listed = demo.data.commandersAct[0] ?? { id: '', label: '' }
    renderApp(`/segments/commanders-act/${listed.id}`)
    expect(await heading(listed.label)).toBeInTheDocument()
    expect(goneBadge()).not.toBeInTheDocument()
    expect(screen.queryByRole('note')).not.toBeInTheDocument()
  })

  it('says it in French', async () => {
    const key = `commanders-act:${GONE_CA}`
    await seedReviews({ key, verdict: 'keep' })
    await keepSnapshot(key, 'prospect VIP')
    await i18next.changeLanguage('fr')
    renderApp(`/segments/commanders-act/${GONE_CA}`)
    expect(await heading('prospect VIP')).toBeInTheDocument()
    expect(screen.getByText('N’est plus dans la liste', { selector: '.badge' })).toBeInTheDocument()
    expect(region('N’est plus dans la liste de Commanders Act').textContent).toBe(
      'N’est plus dans la liste de Commanders Act' +
        `Commanders Act n’a plus aucun segment avec l’ID ${GONE_CA}\u202f: il a été supprimé ou archivé.` +
        'Son nom est le dernier que l’audit connaissait, le 1 mars 2026 à 09:00.' +
        'La revue de l’équipe reste\u202f: son verdict et sa note peuvent toujours être modifiés ici. La page Audit la ' +
        'liste sous «\u202fRevus, qui ne sont plus dans la liste\u202f».',
    )
  })
})
