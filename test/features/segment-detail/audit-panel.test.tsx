// @vitest-environment jsdom
// The audit panel on a segment's page: the reviewer's name, a verdict and a note written to IndexedDB, said "Saved" only once written.
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createStore, get } from 'idb-keyval'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { getVerdictStore, resetVerdictStoreForTests, VerdictStore, type AuditEntry } from '../../../src/stores/audit-contract'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'

const demo = createDemoHandlers({ brazeCount: 30, commandersActCount: 10 })
const server = setupServer(...demo.handlers)

const REVIEWER_KEY = 'segment-audit:reviewer:v1'
const SEGMENT = demo.data.braze[0] ?? { id: '', name: '' }
const SEGMENT_KEY = `braze:${SEGMENT.id}`
const SEGMENT_URL = `/segments/braze/${SEGMENT.id}`

let databases = 0
let database = ''

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  // A database whose name the test knows, so what reached the disk can be read back.
  databases += 1
  database = `audit-panel-test-${databases}`
  resetVerdictStoreForTests(new VerdictStore(database))
  localStorage.setItem(REVIEWER_KEY, 'Camille')
})
afterEach(() => {
  server.resetHandlers()
  localStorage.clear()
  sessionStorage.clear()
})
afterAll(() => server.close())

/** What IndexedDB holds for a segment: read straight from the database, not from the store's memory. */
function storedEntry(key = SEGMENT_KEY): Promise<AuditEntry | undefined> {
  return get<AuditEntry>(key, createStore(database, 'verdicts'))
}

function entry(fields: Partial<AuditEntry> = {}): AuditEntry {
  return { key: SEGMENT_KEY, verdict: 'archive', note: 'Duplicate of the spring campaign', reviewer: 'Dominique', reviewedAt: '2025-03-01T10:00:00.000Z', ...fields }
}

const panel = () => screen.getByRole('region', { name: 'Audit' })
const saveStatus = () => within(panel()).getByRole('status')
const noteField = () => within(panel()).getByRole('textbox', { name: 'Note' })
const verdictRadio = (name: string) => within(within(panel()).getByRole('radiogroup', { name: 'Verdict' })).getByRole('radio', { name })

async function openPanel(url = SEGMENT_URL) {
  const view = renderApp(url)
  expect(await screen.findByRole('radiogroup', { name: 'Verdict' }, { timeout: 5000 })).toBeInTheDocument()
  return view
}

describe('Audit panel: the reviewer’s name', () => {
  it('asks for the name once, then remembers it across pages and visits', async () => {
    localStorage.clear()
    const user = userEvent.setup()
    const first = renderApp(SEGMENT_URL)
    const form = await screen.findByRole('form', { name: 'Audit' })
    expect(screen.queryByRole('radiogroup', { name: 'Verdict' })).not.toBeInTheDocument()
    const start = within(form).getByRole('button', { name: 'Start reviewing' })
    expect(start).toBeDisabled()
    await user.type(within(form).getByRole('textbox', { name: 'Your name' }), '   ')
    expect(start).toBeDisabled()
    await user.type(within(form).getByRole('textbox', { name: 'Your name' }), 'Camille ')
    await user.click(start)

    expect(screen.queryByRole('form', { name: 'Audit' })).not.toBeInTheDocument()
    expect(within(panel()).getByText(/Reviewing as Camille\./)).toBeInTheDocument()
    expect(localStorage.getItem(REVIEWER_KEY)).toBe('Camille')

    // The verdict records the name, trimmed.
    await user.click(verdictRadio('Keep'))
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect(await storedEntry()).toMatchObject({ verdict: 'keep', reviewer: 'Camille' })

    // Another segment, then a new visit: no second question.
    const other = demo.data.braze[1] ?? { id: '', name: '' }
    await act(() => first.router.navigate(`/segments/braze/${other.id}`))
    expect(await screen.findByRole('heading', { level: 1, name: other.name })).toBeInTheDocument()
    expect(screen.getByRole('radiogroup', { name: 'Verdict' })).toBeInTheDocument()
    expect(screen.queryByRole('textbox', { name: 'Your name' })).not.toBeInTheDocument()

    first.unmount()
    await openPanel()
    expect(screen.queryByRole('textbox', { name: 'Your name' })).not.toBeInTheDocument()
  })
})

describe('Audit panel: verdicts', () => {
  it('starts Unreviewed with an empty note when nothing is stored', async () => {
    await openPanel()
    expect(verdictRadio('Unreviewed')).toBeChecked()
    expect(noteField()).toHaveValue('')
    expect(saveStatus()).toHaveTextContent('')
  })

  it('writes Archive with the reviewer and the time, then says "Saved" and who decided', async () => {
    const user = userEvent.setup()
    await openPanel()
    const before = Date.now()
    await user.click(verdictRadio('Archive'))

    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect(verdictRadio('Archive')).toBeChecked()
    expect(verdictRadio('Unreviewed')).not.toBeChecked()
    const stored = await storedEntry()
    expect(stored).toMatchObject({ key: SEGMENT_KEY, verdict: 'archive', note: '', reviewer: 'Camille' })
    const reviewedAt = Date.parse(stored?.reviewedAt ?? '')
    expect(reviewedAt).toBeGreaterThanOrEqual(before)
    expect(reviewedAt).toBeLessThanOrEqual(Date.now())
    const byline = within(panel()).getByText(/Archive — by Camille,/)
    expect(byline.querySelector('time')).toHaveAttribute('dateTime', stored?.reviewedAt)
  })

  it('says "Saving…" until the write has completed, and only then "Saved"', async () => {
    const user = userEvent.setup()
    await openPanel()
    const store = getVerdictStore()
    const realSave = store.save.bind(store)
    let finishWrite: () => void = () => {}
    vi.spyOn(store, 'save').mockImplementation(async (given) => {
      await new Promise<void>((resolve) => {
        finishWrite = resolve
      })
      return realSave(given)
    })

    await user.click(verdictRadio('Fix'))
    expect(saveStatus()).toHaveTextContent('Saving…')
    expect(within(panel()).queryByText(/Fix — by/)).not.toBeInTheDocument()
    expect(await storedEntry()).toBeUndefined()

    finishWrite()
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect(verdictRadio('Fix')).toBeChecked()
    expect(await storedEntry()).toMatchObject({ verdict: 'fix' })
  })

  it('sets Keep, Fix and Archive with the keys 1, 2 and 3 when focus is not in a field', async () => {
    const user = userEvent.setup()
    await openPanel()
    for (const [key, label, verdict] of [
      ['2', 'Fix', 'fix'],
      ['1', 'Keep', 'keep'],
      ['3', 'Archive', 'archive'],
    ] as const) {
      await user.keyboard(key)
      await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
      expect(verdictRadio(label)).toBeChecked()
      expect(await storedEntry()).toMatchObject({ verdict, reviewer: 'Camille' })
    }
  })

  it('does not take a "2" typed in the note as a verdict', async () => {
    const user = userEvent.setup()
    await openPanel()
    await user.keyboard('3')
    await waitFor(() => expect(verdictRadio('Archive')).toBeChecked())
    const save = vi.spyOn(getVerdictStore(), 'save')

    await user.type(noteField(), 'Merge 2 and 3')
    expect(noteField()).toHaveValue('Merge 2 and 3')
    await waitFor(() => expect(save).toHaveBeenCalled(), { timeout: 2000 })
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect(save.mock.calls.map(([saved]) => saved.verdict)).toEqual(['archive'])
    expect(verdictRadio('Archive')).toBeChecked()
    expect(await storedEntry()).toMatchObject({ verdict: 'archive', note: 'Merge 2 and 3' })
  })

  it('ignores the keys while the reviewer’s name is asked', async () => {
    localStorage.clear()
    const user = userEvent.setup()
    renderApp(SEGMENT_URL)
    await screen.findByRole('form', { name: 'Audit' })
    await user.keyboard('3')
    expect(getVerdictStore().getSnapshot().has(SEGMENT_KEY)).toBe(false)
    expect(await storedEntry()).toBeUndefined()
  })
})

describe('Audit panel: the note', () => {
  it('saves the note once, after a pause in typing, with the text as typed', async () => {
    const user = userEvent.setup()
    await openPanel()
    const save = vi.spyOn(getVerdictStore(), 'save')
    const text = 'Used by the "welcome" flow — keep until June'

    await user.type(noteField(), text)
    // Every keystroke restarts the wait: nothing is written while the reviewer types.
    expect(save).not.toHaveBeenCalled()
    expect(saveStatus()).not.toHaveTextContent('Saved')

    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'), { timeout: 2000 })
    expect(save).toHaveBeenCalledTimes(1)
    expect(save.mock.calls[0]?.[0]).toMatchObject({ key: SEGMENT_KEY, note: text, verdict: 'unreviewed', reviewer: 'Camille' })
    expect((await storedEntry())?.note).toBe(text)
    expect(noteField()).toHaveValue(text)
  })

  it('saves at once when the note loses focus', async () => {
    const user = userEvent.setup()
    await openPanel()
    const save = vi.spyOn(getVerdictStore(), 'save')

    await user.type(noteField(), 'Owner left the company')
    await user.tab()
    // Written on blur, not 600 ms later.
    expect(save).toHaveBeenCalledTimes(1)
    expect(save.mock.calls[0]?.[0]).toMatchObject({ note: 'Owner left the company' })
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect((await storedEntry())?.note).toBe('Owner left the company')
  })

  it('keeps the note with a verdict chosen afterwards', async () => {
    const user = userEvent.setup()
    await openPanel()
    await user.type(noteField(), 'Same audience as VIP')
    await user.click(verdictRadio('Fix'))
    await waitFor(() => expect(verdictRadio('Fix')).toBeChecked())
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect(await storedEntry()).toMatchObject({ verdict: 'fix', note: 'Same audience as VIP' })
    expect(noteField()).toHaveValue('Same audience as VIP')
  })

  it('writes a pending note when the reviewer clicks back to the list', async () => {
    const user = userEvent.setup()
    const { router } = await openPanel()
    const save = vi.spyOn(getVerdictStore(), 'save')
    await user.type(noteField(), 'Check with CRM team')

    await user.click(screen.getByRole('link', { name: '← Back to the segments' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
    expect(save).toHaveBeenCalled()
    expect(save.mock.calls.every(([saved]) => saved.note === 'Check with CRM team')).toBe(true)
    await waitFor(async () => expect((await storedEntry())?.note).toBe('Check with CRM team'))
  })

  it('writes a pending note when the route changes while the note still has focus', async () => {
    const user = userEvent.setup()
    const { router } = await openPanel()
    const save = vi.spyOn(getVerdictStore(), 'save')
    await user.type(noteField(), 'Rename to VIP - FR')
    expect(noteField()).toHaveFocus()

    // The browser's Back button: no blur, the page just goes away.
    await act(() => router.navigate('/'))
    expect(screen.queryByRole('region', { name: 'Audit' })).not.toBeInTheDocument()
    expect(save).toHaveBeenCalledTimes(1)
    expect(save.mock.calls[0]?.[0]).toMatchObject({ key: SEGMENT_KEY, note: 'Rename to VIP - FR' })
    await waitFor(async () => expect((await storedEntry())?.note).toBe('Rename to VIP - FR'))
  })

  it('writes a pending note when the tab is hidden or closed (pagehide)', async () => {
    const user = userEvent.setup()
    await openPanel()
    const save = vi.spyOn(getVerdictStore(), 'save')
    await user.type(noteField(), 'Closing the laptop')

    act(() => {
      window.dispatchEvent(new Event('pagehide'))
    })
    expect(save).toHaveBeenCalledTimes(1)
    expect(save.mock.calls[0]?.[0]).toMatchObject({ note: 'Closing the laptop' })
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect((await storedEntry())?.note).toBe('Closing the laptop')
  })

  it('says "Not saved" and keeps the typed text when the write fails, and saves on the next try', async () => {
    const user = userEvent.setup()
    await openPanel()
    const save = vi.spyOn(getVerdictStore(), 'save').mockRejectedValue(new Error('The disk is full'))

    await user.type(noteField(), 'Too broad: 2M users')
    await user.tab()
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Not saved: The disk is full. Your text is kept here; try again.'))
    expect(saveStatus()).not.toHaveTextContent(/^Saved/)
    expect(noteField()).toHaveValue('Too broad: 2M users')
    expect(await storedEntry()).toBeUndefined()

    save.mockRestore()
    await user.click(noteField())
    await user.tab()
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect((await storedEntry())?.note).toBe('Too broad: 2M users')
  })

  it('says "Not saved" and keeps the previous verdict when writing a verdict fails', async () => {
    const user = userEvent.setup()
    await openPanel()
    vi.spyOn(getVerdictStore(), 'save').mockRejectedValue(new Error('The disk is full'))

    await user.keyboard('1')
    await waitFor(() => expect(saveStatus()).toHaveTextContent(/^Not saved: The disk is full/))
    expect(verdictRadio('Unreviewed')).toBeChecked()
    expect(verdictRadio('Keep')).not.toBeChecked()
    expect(await storedEntry()).toBeUndefined()
  })
})

describe('Audit panel: what is already stored', () => {
  it('shows the stored verdict, note and reviewer when the page opens', async () => {
    await getVerdictStore().save(entry())
    await openPanel()
    expect(verdictRadio('Archive')).toBeChecked()
    expect(noteField()).toHaveValue('Duplicate of the spring campaign')
    expect(within(panel()).getByText(/Archive — by Dominique,/)).toBeInTheDocument()
  })

  it('fills in the stored entry when the store finishes loading after the panel is shown', async () => {
    const seed = new VerdictStore(database)
    await seed.save(entry())
    // A fresh store on the same database: its entries are still being read when the page first renders.
    const late = new VerdictStore(database)
    resetVerdictStoreForTests(late)
    renderApp(SEGMENT_URL)
    expect(verdictRadio('Unreviewed')).toBeChecked()
    expect(noteField()).toHaveValue('')

    await waitFor(() => expect(verdictRadio('Archive')).toBeChecked())
    expect(noteField()).toHaveValue('Duplicate of the spring campaign')
    expect(within(panel()).getByText(/Archive — by Dominique,/)).toBeInTheDocument()
  })

  it('changes the verdict of a stored entry and keeps its note', async () => {
    const user = userEvent.setup()
    await getVerdictStore().save(entry())
    await openPanel()
    await user.keyboard('1')
    await waitFor(() => expect(verdictRadio('Keep')).toBeChecked())
    expect(await storedEntry()).toMatchObject({ verdict: 'keep', note: 'Duplicate of the spring campaign', reviewer: 'Camille' })
    expect(within(panel()).getByText(/Keep — by Camille,/)).toBeInTheDocument()
  })
})

describe('Audit panel on a Commanders Act segment', () => {
  const COMMANDERS_ACT = demo.data.commandersAct[0] ?? { id: '', label: '' }
  const KEY = `commanders-act:${COMMANDERS_ACT.id}`

  it('records a verdict and a note under the Commanders Act key', async () => {
    const user = userEvent.setup()
    await openPanel(`/segments/commanders-act/${COMMANDERS_ACT.id}`)
    expect(await screen.findByRole('heading', { level: 1, name: COMMANDERS_ACT.label })).toBeInTheDocument()

    await user.click(verdictRadio('Fix'))
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    await user.type(noteField(), 'Label should say FR')
    await user.tab()
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    await waitFor(async () => expect(await storedEntry(KEY)).toMatchObject({ key: KEY, verdict: 'fix', note: 'Label should say FR', reviewer: 'Camille' }))
    expect(await storedEntry(SEGMENT_KEY)).toBeUndefined()
    expect(within(panel()).getByText(/Fix — by Camille,/)).toBeInTheDocument()
  })

  it('shows a stored Commanders Act entry', async () => {
    await getVerdictStore().save(entry({ key: KEY, verdict: 'keep', note: 'Used by the newsletter' }))
    await openPanel(`/segments/commanders-act/${COMMANDERS_ACT.id}`)
    expect(verdictRadio('Keep')).toBeChecked()
    expect(noteField()).toHaveValue('Used by the newsletter')
  })
})
