// @vitest-environment jsdom
// The audit panel on a segment's page, against the server's real audit routes: the reviewer's name, a verdict and a
// note written as separate fields and said "Saved" only once the server has them, conflicts with other reviewers and
// tabs shown rather than overwritten, drafts that survive leaving, others' changes arriving live, and the history.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { delay, getResponse, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AuditEntry } from '../../../src/stores/audit-contract'
import { held } from '../../held'
import { auditServerDown } from '../../msw/audit-down'
import { auditHandlers, testAuditStore } from '../../msw/audit-handlers'
import { createDemoHandlers } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'
import { AUDIT_POLL_MS } from '../../../src/stores/audit-queries'
import { NOTE_DEBOUNCE_MS } from '../../../src/features/segment-detail/use-note-editor'

const demo = createDemoHandlers({ brazeCount: 30, commandersActCount: 10 })
const server = setupServer(...demo.handlers)

const REVIEWER_KEY = 'segment-audit:reviewer:v1'
const SEGMENT = demo.data.braze[0] ?? { id: '', name: '' }
const SEGMENT_KEY = `braze:${SEGMENT.id}`
const SEGMENT_URL = `/segments/braze/${SEGMENT.id}`
const CA_SEGMENT = demo.data.commandersAct[0] ?? { id: '', label: '' }

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => localStorage.setItem(REVIEWER_KEY, 'Camille'))
afterEach(() => {
  server.resetHandlers()
  vi.useRealTimers()
})
afterAll(() => server.close())

/** What the server holds for a segment, read from its store rather than from the page. */
async function stored(key = SEGMENT_KEY): Promise<AuditEntry | undefined> {
  return (await (await testAuditStore()).listEntries()).entries.find((entry) => entry.key === key)
}

/** Another reviewer's write, straight to the server. */
async function othersWrite(
  field: 'verdict' | 'note',
  value: string,
  reviewer = 'Dominique',
  at = new Date('2026-03-01T10:00:00Z'),
) {
  const store = await testAuditStore()
  const current = await stored()
  const baseVersion = field === 'verdict' ? (current?.verdictVersion ?? 0) : (current?.noteVersion ?? 0)
  const write =
    field === 'verdict'
      ? { key: SEGMENT_KEY, field, value: value as AuditEntry['verdict'], baseVersion }
      : { key: SEGMENT_KEY, field, value, baseVersion }
  const outcome = await store.write(write, reviewer, at)
  expect(outcome.ok).toBe(true)
}

const panel = () => screen.getByRole('region', { name: 'Audit' })
const saveStatus = () => within(panel()).getByRole('status')
const noteField = () => within(panel()).getByRole('textbox', { name: 'Note' })
const verdictRadio = (name: string) =>
  within(within(panel()).getByRole('radiogroup', { name: 'Verdict' })).getByRole('radio', { name })

/**
 * On fake timers that also follow the clock: a user whose key presses move them on, and the pause in typing after which
 * a note is saved, passed at once rather than waited for.
 */
function typingOnFakeTime() {
  vi.useFakeTimers({ shouldAdvanceTime: true })
  return {
    user: userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) }),
    pause: () => act(() => vi.advanceTimersByTimeAsync(NOTE_DEBOUNCE_MS)),
  }
}

async function openPanel(url = SEGMENT_URL) {
  const view = renderApp(url)
  expect(await screen.findByRole('radiogroup', { name: 'Verdict' }, { timeout: 5000 })).toBeInTheDocument()
  await waitFor(() => expect(noteField()).toBeEnabled())
  return view
}

/** The form asking the reviewer's name, inside the Audit card, where the controls appear once it is given. */
const NAME_FORM = /^To change the verdict or the note, give your name/

/** The value next to a label in the Audit card's read-only text. */
function auditFact(label: string): HTMLElement {
  const value = within(panel()).getByText(label, { selector: 'dt' }).nextElementSibling
  if (!(value instanceof HTMLElement)) throw new Error(`no value for ${label}`)
  return value
}

describe('Audit panel: the reviewer’s name', () => {
  it('shows the segment’s verdict, byline, note and history before a name is given, and the name form', async () => {
    localStorage.clear()
    await othersWrite('verdict', 'archive', 'Dominique')
    await othersWrite('note', 'Duplicate of the spring segment', 'Dominique')
    renderApp(SEGMENT_URL)
    const form = await screen.findByRole('form', { name: NAME_FORM }, { timeout: 5000 })
    expect(panel()).toContainElement(form)
    expect(within(form).getByRole('textbox', { name: 'Your name' })).toBeInTheDocument()
    await waitFor(() => expect(auditFact('Verdict')).toHaveTextContent('Archive'))
    expect(auditFact('Note')).toHaveTextContent('Duplicate of the spring segment')
    expect(within(panel()).getByText(/^Archive — by Dominique,/)).toHaveTextContent('Mar 1, 2026')
    const history = await within(panel()).findByRole('region', { name: 'History' })
    await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(2))
    expect(within(history).getAllByRole('listitem')[1]).toHaveTextContent('Dominique: verdict Unreviewed → Archive')
    // Read-only until the name is given: nothing to change yet.
    expect(within(panel()).queryByRole('radiogroup', { name: 'Verdict' })).not.toBeInTheDocument()
    expect(within(panel()).queryByRole('textbox', { name: 'Note' })).not.toBeInTheDocument()
  })

  it('names no reviewer while the server is still asked whether it names one', async () => {
    localStorage.clear()
    const answer = held()
    server.use(
      http.get('*/api/audit/reviewer', async ({ request }) => {
        await answer.released
        return getResponse(auditHandlers, request)
      }),
    )
    renderApp(SEGMENT_URL)
    await waitFor(() => expect(within(panel()).getByRole('radiogroup', { name: 'Verdict' })).toBeInTheDocument())
    expect(panel()).not.toHaveTextContent(/Reviewing as/)

    answer.release()
    await screen.findByRole('form', { name: NAME_FORM }, { timeout: 5000 })
  })

  it('keeps showing the verdict and note before a name is given while the polls fail, and says why', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    localStorage.clear()
    await othersWrite('verdict', 'archive', 'Dominique')
    renderApp(SEGMENT_URL)
    await screen.findByRole('form', { name: NAME_FORM }, { timeout: 5000 })
    await waitFor(() => expect(auditFact('Verdict')).toHaveTextContent('Archive'))

    server.use(http.get('*/api/audit/entries', () => HttpResponse.error()))
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    expect(await within(panel()).findByText('The audit server cannot be reached.')).toHaveRole('status')
    expect(auditFact('Verdict')).toHaveTextContent('Archive')
    expect(within(panel()).queryByText('Loading the team’s audit…')).not.toBeInTheDocument()

    server.use(
      http.get('*/api/audit/entries', () =>
        HttpResponse.json({ error: 'store_error', message: 'The audit database failed.' }, { status: 500 }),
      ),
    )
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    expect(await within(panel()).findByText(/^The audit server answers, but its database does not/)).toHaveRole(
      'status',
    )

    server.resetHandlers()
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    await waitFor(() => expect(within(panel()).queryByText(/^The audit server/)).not.toBeInTheDocument())
    expect(auditFact('Verdict')).toHaveTextContent('Archive')
  })

  it('asks for the name once, then records it with each write', async () => {
    localStorage.clear()
    const user = userEvent.setup()
    renderApp(SEGMENT_URL)
    const form = await screen.findByRole('form', { name: NAME_FORM })
    const start = within(form).getByRole('button', { name: 'Start reviewing' })
    expect(start).toBeDisabled()
    await user.type(within(form).getByRole('textbox', { name: 'Your name' }), 'Camille ')
    await user.click(start)

    expect(within(panel()).getByText(/Reviewing as Camille\./)).toBeInTheDocument()
    expect(localStorage.getItem(REVIEWER_KEY)).toBe('Camille')
    await waitFor(() => expect(verdictRadio('Keep')).toBeEnabled())
    await user.click(verdictRadio('Keep'))
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect(await stored()).toMatchObject({ verdict: 'keep', verdictBy: 'Camille' })
  })

  it('takes no longer a name than the server keeps, so the name shown is the name recorded', async () => {
    localStorage.clear()
    const user = userEvent.setup()
    renderApp(SEGMENT_URL)
    const form = await screen.findByRole('form', { name: NAME_FORM })
    const field = within(form).getByRole('textbox', { name: 'Your name' })
    await user.click(field)
    await user.paste(`Camille${'e'.repeat(300)}`)
    const typed = (field as HTMLInputElement).value
    await user.click(within(form).getByRole('button', { name: 'Start reviewing' }))

    await waitFor(() => expect(verdictRadio('Keep')).toBeEnabled())
    await user.click(verdictRadio('Keep'))
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect((await stored())?.verdictBy).toBe(typed)
  })

  it('takes a verdict key pressed before the name to the name field, and says why', async () => {
    localStorage.clear()
    const user = userEvent.setup()
    renderApp(SEGMENT_URL)
    const form = await screen.findByRole('form', { name: NAME_FORM })
    await user.keyboard('3')
    expect(within(form).getByRole('textbox', { name: 'Your name' })).toHaveFocus()
    expect(within(form).getByRole('status')).toHaveTextContent(
      'Enter your name first: each verdict is recorded under it.',
    )
    expect(await stored()).toBeUndefined()
    // The name given, the form makes way for the verdicts: the keyboard goes on to them, not to the page's top.
    await user.keyboard('Camille{Enter}')
    await waitFor(() => expect(verdictRadio('Unreviewed')).toHaveFocus())
  })
})

describe('Audit panel: verdicts', () => {
  it('starts Unreviewed with an empty note when the audit has nothing for the segment', async () => {
    await openPanel()
    expect(verdictRadio('Unreviewed')).toBeChecked()
    expect(noteField()).toHaveValue('')
  })

  it('says "Saving…" until the server has the verdict, then "Saved" and who decided', async () => {
    const user = userEvent.setup()
    let release: () => void = () => {}
    server.use(
      http.post('*/api/audit/writes', async () => {
        await new Promise<void>((resolve) => {
          release = resolve
        })
        return undefined
      }),
    )
    await openPanel()
    await user.click(verdictRadio('Archive'))
    expect(saveStatus()).toHaveTextContent('Saving…')
    expect(await stored()).toBeUndefined()

    release()
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect(verdictRadio('Archive')).toBeChecked()
    const entry = await stored()
    expect(entry).toMatchObject({ verdict: 'archive', verdictBy: 'Camille', note: '' })
    const byline = within(panel()).getByText(/Archive — by Camille,/)
    expect(byline.querySelector('time')).toHaveAttribute('dateTime', entry?.verdictAt)
  })

  it('sets Keep, Fix and Archive with the keys 1, 2 and 3, but not from a "2" typed in the note', async () => {
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
      expect(await stored()).toMatchObject({ verdict })
    }
    await user.type(noteField(), 'Merge 2 and 3')
    await user.tab()
    await waitFor(async () => expect(await stored()).toMatchObject({ verdict: 'archive', note: 'Merge 2 and 3' }))
  })

  it('sets a segment back to Unreviewed with 0 or u', async () => {
    const user = userEvent.setup()
    await othersWrite('verdict', 'fix')
    await openPanel()
    await waitFor(() => expect(verdictRadio('Fix')).toBeChecked())
    await user.keyboard('0')
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect(await stored()).toMatchObject({ verdict: 'unreviewed', verdictBy: 'Camille' })
    await user.keyboard('2')
    await waitFor(() => expect(verdictRadio('Fix')).toBeChecked())
    await user.keyboard('u')
    await waitFor(() => expect(verdictRadio('Unreviewed')).toBeChecked())
    await waitFor(async () => expect(await stored()).toMatchObject({ verdict: 'unreviewed' }))
  })

  it('takes a key pressed while the last verdict is on its way as a change of mind, not a conflict', async () => {
    const user = userEvent.setup()
    // Each write takes a moment, then reaches the real audit routes.
    server.use(http.post('*/api/audit/writes', () => delay(150)))
    await openPanel()
    await user.keyboard('1')
    await user.keyboard('0')
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect(verdictRadio('Unreviewed')).toBeChecked()
    expect(within(panel()).queryByRole('alert')).not.toBeInTheDocument()
    expect(await stored()).toMatchObject({ verdict: 'unreviewed', verdictVersion: 2 })
  })

  it('says the verdict was not saved, in words for a verdict, and puts back the server’s when the server refuses it', async () => {
    const user = userEvent.setup()
    server.use(
      http.post('*/api/audit/writes', () =>
        HttpResponse.json({ error: 'store_error', message: 'The audit database failed' }, { status: 500 }),
      ),
    )
    await openPanel()
    await user.click(verdictRadio('Fix'))
    await waitFor(() =>
      expect(saveStatus()).toHaveTextContent(
        'Verdict not saved: The audit database failed; nothing was changed. Choose it again to retry.',
      ),
    )
    expect(saveStatus()).not.toHaveTextContent(/text|sent when/)
    expect(verdictRadio('Unreviewed')).toBeChecked()
  })

  it('says which field was not saved when both the verdict and the note are refused', async () => {
    const user = userEvent.setup()
    server.use(
      http.post('*/api/audit/writes', () =>
        HttpResponse.json({ error: 'store_error', message: 'The audit database failed' }, { status: 500 }),
      ),
    )
    await openPanel()
    await user.type(noteField(), 'Merge it')
    await user.tab()
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Note not saved: The audit database failed'))
    await user.keyboard('3')
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Verdict not saved: The audit database failed'))
    expect(saveStatus()).toHaveTextContent('Note not saved: The audit database failed')
  })

  it('does not overwrite a verdict another reviewer set meanwhile: it says who, and shows theirs', async () => {
    const user = userEvent.setup()
    await openPanel()
    await othersWrite('verdict', 'keep', 'Dominique')
    await user.click(verdictRadio('Archive'))

    const alert = await within(panel()).findByRole('alert')
    // Their time as a date and a time (02:00 in Los Angeles, the tests' time zone), in a sentence that reads.
    expect(alert).toHaveTextContent(
      'Dominique set this segment to Keep on March 1, 2026 at 2:00 AM, so your Archive was not saved.',
    )
    expect(verdictRadio('Keep')).toBeChecked()
    expect(await stored()).toMatchObject({ verdict: 'keep', verdictBy: 'Dominique' })

    // Chosen again, now knowing theirs, it replaces it.
    await user.click(verdictRadio('Archive'))
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect(await stored()).toMatchObject({ verdict: 'archive', verdictBy: 'Camille' })
  })

  it('says no "Saved" of an earlier note under a verdict that was not saved', async () => {
    const user = userEvent.setup()
    await openPanel()
    await user.type(noteField(), 'Seen')
    await user.tab()
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    await othersWrite('verdict', 'keep', 'Dominique')
    await user.click(verdictRadio('Archive'))
    expect(await within(panel()).findByRole('alert')).toHaveTextContent('so your Archive was not saved')
    expect(saveStatus()).toBeEmptyDOMElement()
  })

  it('says in French, too, on which day and at what time the other reviewer set theirs', async () => {
    const user = userEvent.setup()
    await i18next.changeLanguage('fr')
    try {
      await openPanel()
      await othersWrite('verdict', 'keep', 'Dominique')
      await user.click(within(panel()).getByRole('radio', { name: 'Archiver' }))
      expect(await within(panel()).findByRole('alert')).toHaveTextContent(
        'Dominique a classé ce segment en Garder le 1 mars 2026 à 02:00 : votre choix Archiver n’a donc pas été enregistré.',
      )
    } finally {
      await i18next.changeLanguage('en')
    }
  })
})

describe('Audit panel: the note', () => {
  it('saves after a pause in typing, as typed, and never resets the verdict', async () => {
    const { user, pause } = typingOnFakeTime()
    await othersWrite('verdict', 'fix')
    await openPanel()
    await waitFor(() => expect(verdictRadio('Fix')).toBeChecked())
    const text = 'Used by the "welcome" flow — keep until June'
    await user.type(noteField(), text)
    expect(saveStatus()).not.toHaveTextContent('Saved')
    await pause()
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect(await stored()).toMatchObject({ verdict: 'fix', verdictBy: 'Dominique', note: text, noteBy: 'Camille' })
  })

  it('no longer says "Saved" once a note is typed after a saved verdict, until the note is saved too', async () => {
    const { user, pause } = typingOnFakeTime()
    await openPanel()
    await user.click(verdictRadio('Keep'))
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    await user.type(noteField(), 'Why')
    expect(saveStatus()).not.toHaveTextContent('Saved')
    await pause()
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect(await stored()).toMatchObject({ verdict: 'keep', note: 'Why' })
  })

  it('takes no longer a note than the server keeps, and says how many characters are left near the limit', async () => {
    const user = userEvent.setup()
    await openPanel()
    await user.click(noteField())
    await user.paste('a'.repeat(9_000))
    expect(noteField()).toHaveAccessibleDescription('1,000 characters left')
    await user.paste('b'.repeat(1_001))
    expect(noteField()).toHaveValue(`${'a'.repeat(9_000)}${'b'.repeat(1_000)}`)
    expect(noteField()).toHaveAccessibleDescription('0 characters left')
    await user.tab()
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect((await stored())?.note).toHaveLength(10_000)
  })

  it('says nothing of the length of a short note, and counts in French near the limit', async () => {
    const user = userEvent.setup()
    await openPanel()
    await user.click(noteField())
    await user.paste('a'.repeat(8_999))
    expect(noteField()).not.toHaveAccessibleDescription()
    await i18next.changeLanguage('fr')
    try {
      await user.paste('a'.repeat(189))
      expect(noteField()).toHaveAccessibleDescription('812 caractères restants')
    } finally {
      await i18next.changeLanguage('en')
    }
  })

  it('keeps the reviewer’s text when another reviewer changed the note meanwhile, and lets them choose', async () => {
    const user = userEvent.setup()
    await othersWrite('note', 'Theirs, first')
    await openPanel()
    await waitFor(() => expect(noteField()).toHaveValue('Theirs, first'))
    await user.clear(noteField())
    await user.type(noteField(), 'Mine')
    await othersWrite('note', 'Theirs, changed', 'Dominique')
    await user.tab()

    const alert = await within(panel()).findByRole('alert')
    expect(alert).toHaveTextContent('Dominique changed this note on March 1, 2026 at 2:00 AM while you were typing.')
    expect(alert).toHaveTextContent('Theirs, changed')
    expect(noteField()).toHaveValue('Mine')
    expect(await stored()).toMatchObject({ note: 'Theirs, changed' })

    await user.click(within(alert).getByRole('button', { name: 'Save my note instead' }))
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect(within(panel()).queryByRole('alert')).not.toBeInTheDocument()
    expect(await stored()).toMatchObject({ note: 'Mine', noteBy: 'Camille' })
  })

  it('saves the reviewer’s note at the first click of "Save my note instead", the note field still focused', async () => {
    const { user, pause } = typingOnFakeTime()
    await openPanel()
    await user.type(noteField(), 'Mine')
    await othersWrite('note', 'Theirs')
    await pause()
    // The save after the pause in typing finds their note: the field still has the keyboard.
    const alert = await within(panel()).findByRole('alert')
    expect(noteField()).toHaveFocus()

    await user.click(within(alert).getByRole('button', { name: 'Save my note instead' }))
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect(within(panel()).queryByRole('alert')).not.toBeInTheDocument()
    expect(await stored()).toMatchObject({ note: 'Mine', noteBy: 'Camille' })
  })

  it('can take the other reviewer’s note instead', async () => {
    const user = userEvent.setup()
    await openPanel()
    await user.type(noteField(), 'Mine')
    await othersWrite('note', 'Theirs')
    await user.tab()
    await user.click(await within(panel()).findByRole('button', { name: 'Use their note' }))
    expect(noteField()).toHaveValue('Theirs')
    expect(await stored()).toMatchObject({ note: 'Theirs' })
  })

  it('leaves the note with Escape, keeping and saving it; a second Escape goes back to the list', async () => {
    const user = userEvent.setup()
    const { router } = await openPanel()
    await user.type(noteField(), 'Check with CRM{Escape}')
    expect(noteField()).not.toHaveFocus()
    expect(noteField()).toHaveValue('Check with CRM')
    await waitFor(async () => expect(await stored()).toMatchObject({ note: 'Check with CRM' }))
    expect(router.state.location.pathname).toBe(SEGMENT_URL)
    await user.keyboard('{Escape}')
    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
  })

  it('sends a note typed just before the tab is hidden or closed (pagehide)', async () => {
    const user = userEvent.setup()
    await openPanel()
    await user.type(noteField(), 'Typed, then the tab closed')
    act(() => {
      window.dispatchEvent(new Event('pagehide'))
    })
    await waitFor(async () => expect(await stored()).toMatchObject({ note: 'Typed, then the tab closed' }))
  })

  it('sends a note typed just before going back to the list', async () => {
    const user = userEvent.setup()
    const { router } = await openPanel()
    await user.type(noteField(), 'Typed, then back to the list')
    await act(async () => router.navigate('/'))
    await waitFor(async () => expect(await stored()).toMatchObject({ note: 'Typed, then back to the list' }))
  })

  it('leaves a colleague’s note alone when leaving while the last save is on its way, and shows both next time', async () => {
    const { user, pause } = typingOnFakeTime()
    await othersWrite('note', 'Bob original', 'Bob')
    // The first note write is held on its way; the ones after it go straight through.
    let release: () => void = () => {}
    let sent = 0
    server.use(
      http.post('*/api/audit/writes', async () => {
        sent += 1
        if (sent === 1)
          await new Promise<void>((resolve) => {
            release = resolve
          })
        return undefined
      }),
    )
    const answered: number[] = []
    const onAnswer = ({ request, response }: { request: Request; response: Response }) => {
      if (new URL(request.url).pathname === '/api/audit/writes') answered.push(response.status)
    }
    server.events.on('response:mocked', onAnswer)
    try {
      const { router } = await openPanel()
      await waitFor(() => expect(noteField()).toHaveValue('Bob original'))
      await user.type(noteField(), ' A1')
      await pause()
      await waitFor(() => expect(sent).toBe(1))
      await othersWrite('note', 'Bob edited (must not be lost)', 'Bob')
      await user.type(noteField(), ' A2')
      await act(async () => router.navigate('/'))
      // The write on leaving counted on the held one making the next version; Bob's made it instead.
      await waitFor(() => expect(answered).toContain(409))
      release()
      // The held write is refused too (and the drafts left behind are sent again, and refused, at the next poll).
      await waitFor(() => expect(answered.length).toBeGreaterThanOrEqual(2))
      expect(answered.every((status) => status === 409)).toBe(true)
      expect(await stored()).toMatchObject({ note: 'Bob edited (must not be lost)', noteBy: 'Bob' })

      await act(async () => router.navigate(SEGMENT_URL))
      const alert = await within(panel()).findByRole('alert')
      expect(alert).toHaveTextContent('Bob changed this note')
      expect(alert).toHaveTextContent('Bob edited (must not be lost)')
      expect(noteField()).toHaveValue('Bob original A1 A2')
    } finally {
      release()
      server.events.removeListener('response:mocked', onAnswer)
    }
  })

  it('sends again a draft left by a visit whose write never arrived', async () => {
    sessionStorage.setItem(
      `segment-audit:note-draft:${SEGMENT_KEY}`,
      JSON.stringify({ value: 'Typed before a reload', baseVersion: 0 }),
    )
    await openPanel()
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect(noteField()).toHaveValue('Typed before a reload')
    expect(await stored()).toMatchObject({ note: 'Typed before a reload', noteBy: 'Camille' })
    expect(sessionStorage.getItem(`segment-audit:note-draft:${SEGMENT_KEY}`)).toBeNull()
  })

  it('shows a draft beside a note someone else saved since, rather than overwriting either', async () => {
    await othersWrite('note', 'Saved by Dominique since')
    sessionStorage.setItem(
      `segment-audit:note-draft:${SEGMENT_KEY}`,
      JSON.stringify({ value: 'My draft', baseVersion: 0 }),
    )
    await openPanel()
    expect(await within(panel()).findByRole('alert')).toHaveTextContent('Saved by Dominique since')
    expect(noteField()).toHaveValue('My draft')
    expect(await stored()).toMatchObject({ note: 'Saved by Dominique since' })
  })

  it('says "Not saved" and keeps the text when the server fails, and saves on the next try', async () => {
    const user = userEvent.setup()
    server.use(
      http.post(
        '*/api/audit/writes',
        () => HttpResponse.json({ error: 'store_error', message: 'The audit database failed' }, { status: 500 }),
        { once: true },
      ),
    )
    await openPanel()
    await user.type(noteField(), 'Keep me')
    await user.tab()
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Note not saved: The audit database failed'))
    expect(noteField()).toHaveValue('Keep me')
    await user.type(noteField(), '!')
    await user.tab()
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    expect(await stored()).toMatchObject({ note: 'Keep me!' })
  })
})

/** This tab saves `mine` as the note; then `reviewer` replaces it with `theirs`, which the next poll brings in. */
async function noteSavedThenReplaced(
  user: ReturnType<typeof userEvent.setup>,
  mine: string,
  theirs: string,
  reviewer: string,
) {
  await user.type(noteField(), mine)
  await user.tab()
  await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
  await othersWrite('note', theirs, reviewer)
  await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
  await waitFor(() => expect(noteField()).toHaveValue(theirs))
}

describe('Audit panel: the team', () => {
  it('shows another reviewer’s verdict and note at its next poll, without a reload', async () => {
    // Fake timers skip the wait for the page's next poll rather than sleep through it.
    vi.useFakeTimers({ shouldAdvanceTime: true })
    await openPanel()
    await othersWrite('verdict', 'fix', 'Dominique')
    await othersWrite('note', 'Rename to the team pattern', 'Dominique')
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    await waitFor(() => expect(noteField()).toHaveValue('Rename to the team pattern'))
    expect(verdictRadio('Fix')).toBeChecked()
    expect(within(panel()).getByText(/Fix — by Dominique,/)).toBeInTheDocument()
  })

  it('no longer says "Saved" under a note another reviewer replaced since: it says who and when', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) })
    await openPanel()
    await noteSavedThenReplaced(user, 'Mine', 'Theirs', 'Dominique')
    expect(saveStatus()).not.toHaveTextContent('Saved')
    expect(saveStatus()).toHaveTextContent(
      'Dominique changed this note on March 1, 2026 at 2:00 AM, after yours was saved: yours is in the history.',
    )
    // Typing again is a new note: the line about theirs goes.
    await user.type(noteField(), '!')
    expect(saveStatus()).toBeEmptyDOMElement()
  })

  it('says a note replaced from another tab of the same reviewer was changed there, not "Saved"', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) })
    await openPanel()
    await noteSavedThenReplaced(user, 'Tab A', 'Tab B', 'Camille')
    expect(saveStatus()).toHaveTextContent(
      'You changed this note on March 1, 2026 at 2:00 AM in another tab, after this one was saved: this one is in the ' +
        'history.',
    )
  })

  it('no longer says "Saved" under a verdict another reviewer replaced since, nor an older line about the note', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) })
    await openPanel()
    await noteSavedThenReplaced(user, 'Mine', 'Theirs', 'Dominique')
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Dominique changed this note'))
    await user.click(verdictRadio('Keep'))
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    await othersWrite('verdict', 'fix', 'Dominique')
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    await waitFor(() => expect(verdictRadio('Fix')).toBeChecked())
    expect(saveStatus()).toHaveTextContent(
      /^Dominique set this segment to Fix on March 1, 2026 at 2:00 AM, after your Keep was saved\.$/,
    )
  })

  it('says in French who replaced a saved note and a saved verdict, each in a sentence', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) })
    await i18next.changeLanguage('fr')
    try {
      await openPanel()
      await user.click(within(panel()).getByRole('radio', { name: 'Garder' }))
      await user.type(noteField(), 'La mienne')
      await user.tab()
      await waitFor(() => expect(saveStatus()).toHaveTextContent('Enregistré'))
      await othersWrite('verdict', 'fix', 'Dominique')
      await othersWrite('note', 'La leur', 'Camille')
      await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
      await waitFor(() => expect(noteField()).toHaveValue('La leur'))
      expect(saveStatus()).toHaveTextContent(
        'Dominique a classé ce segment en Corriger le 1 mars 2026 à 02:00, après l’enregistrement de votre choix ' +
          'Garder. Vous avez modifié cette note le 1 mars 2026 à 02:00 dans un autre onglet, après l’enregistrement ' +
          'de celle-ci\u202f: celle-ci est dans l’historique.',
        { normalizeWhitespace: false },
      )
    } finally {
      await i18next.changeLanguage('en')
    }
  })

  it('lists the segment’s history, newest first, with who and where each change came from', async () => {
    const user = userEvent.setup()
    await othersWrite('verdict', 'keep', 'Dominique')
    await openPanel()
    await user.click(verdictRadio('Archive'))
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))
    const history = await within(panel()).findByRole('region', { name: 'History' })
    await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(2))
    const [latest, first] = within(history).getAllByRole('listitem')
    expect(latest).toHaveTextContent(/Camille: verdict Keep → Archive/)
    expect(first).toHaveTextContent(/Dominique: verdict Unreviewed → Keep/)
  })

  it('shows a long note’s version in the history by its first lines, with a button for the whole of it', async () => {
    const user = userEvent.setup()
    const reasons = Array.from({ length: 8 }, (_, line) => `Reason ${line + 1} to keep it`)
    await othersWrite('note', reasons.join('\n'), 'Dominique')
    await othersWrite('note', 'Kept for the spring campaign', 'Dominique')
    await openPanel()
    const history = await within(panel()).findByRole('region', { name: 'History' })
    await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(2))
    const [short, long] = within(history).getAllByRole('listitem') as [HTMLElement, HTMLElement]
    expect(within(short).queryByRole('button')).not.toBeInTheDocument()

    const more = within(long).getByRole('button', { name: 'Show all' })
    expect(more).toHaveAttribute('aria-expanded', 'false')
    more.focus()
    await user.keyboard('{Enter}')
    const less = within(long).getByRole('button', { name: 'Show less' })
    expect(less).toHaveAttribute('aria-expanded', 'true')
    // The version it opens is the note as written, line breaks and all.
    expect(document.getElementById(less.getAttribute('aria-controls') ?? '')).toHaveTextContent(reasons.join('\n'), {
      normalizeWhitespace: false,
    })
    await user.keyboard(' ')
    expect(within(long).getByRole('button', { name: 'Show all' })).toHaveAttribute('aria-expanded', 'false')
  })

  it('writes each history line in the typography of its language', async () => {
    await othersWrite('note', 'À revoir', 'Dominique')
    await i18next.changeLanguage('fr')
    try {
      await openPanel()
      const history = await within(panel()).findByRole('region', { name: 'Historique' })
      expect(await within(history).findByRole('listitem')).toHaveTextContent('Dominique\u202f: note modifiée', {
        normalizeWhitespace: false,
      })
    } finally {
      await i18next.changeLanguage('en')
    }
  })
})

describe('Audit panel on a Commanders Act segment', () => {
  it('records a verdict and a note under the Commanders Act key', async () => {
    const user = userEvent.setup()
    await openPanel(`/segments/commanders-act/${CA_SEGMENT.id}`)
    await user.click(verdictRadio('Fix'))
    await user.type(noteField(), 'Label unclear')
    fireEvent.blur(noteField())
    await waitFor(async () =>
      expect(await stored(`commanders-act:${CA_SEGMENT.id}`)).toMatchObject({ verdict: 'fix', note: 'Label unclear' }),
    )
  })
})

describe('Audit panel while the server is slow or down', () => {
  it('stays editable when a poll fails, says so, and sends the note typed meanwhile when the server answers', async () => {
    const { user, pause } = typingOnFakeTime()
    const { router } = await openPanel()
    await user.type(noteField(), 'Checked with')
    await pause()
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Saved'))

    // The server stops: its next poll, and the note's next save, get no answer.
    let writesTried = 0
    server.use(
      http.all('*/api/audit/*', ({ request }) => {
        if (request.method === 'POST') writesTried += 1
        return HttpResponse.error()
      }),
    )
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    const unreachable = 'The audit server cannot be reached.'
    await waitFor(() => expect(saveStatus()).toHaveTextContent(unreachable))
    expect(noteField()).toBeEnabled()
    expect(noteField()).toHaveFocus()
    expect(verdictRadio('Keep')).toBeEnabled()
    // Still typing in the note: the j of "just" is a letter, not the next segment.
    await user.keyboard(' Bob, just now')
    expect(noteField()).toHaveValue('Checked with Bob, just now')
    expect(router.state.location.pathname).toBe(SEGMENT_URL)
    await pause()
    await waitFor(() => expect(writesTried).toBe(1))
    const noteWaits = `${unreachable} Your note is kept here and sent when it answers.`
    await waitFor(() => expect(saveStatus()).toHaveTextContent(noteWaits))
    expect(saveStatus().textContent).toBe(noteWaits)

    server.resetHandlers()
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    await waitFor(() => expect(saveStatus()).toHaveTextContent(/^Saved$/))
    expect(await stored()).toMatchObject({ note: 'Checked with Bob, just now', noteBy: 'Camille' })
  })

  it('keeps a verdict chosen while the server is down, says it is not saved yet, and sends it when the server answers', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) })
    await openPanel()
    server.use(http.all('*/api/audit/*', () => HttpResponse.error()))
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    await waitFor(() => expect(saveStatus()).toHaveTextContent('The audit server cannot be reached'))
    await user.keyboard('2')
    await waitFor(() =>
      expect(saveStatus()).toHaveTextContent(
        'The audit server cannot be reached. Your Fix is not saved yet: it is kept and sent when the audit server answers.',
      ),
    )
    expect(saveStatus()).not.toHaveTextContent(/Not saved:|try again/)
    expect(verdictRadio('Fix')).toBeChecked()
    expect(await stored()).toBeUndefined()

    server.resetHandlers()
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    await waitFor(() => expect(saveStatus()).toHaveTextContent(/^Saved$/))
    expect(verdictRadio('Fix')).toBeChecked()
    expect(await stored()).toMatchObject({ verdict: 'fix', verdictBy: 'Camille' })
  })

  it('keeps a verdict whose write got no answer while the polls still answer, and sends it at the next poll', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) })
    server.use(http.post('*/api/audit/writes', () => HttpResponse.error(), { once: true }))
    await openPanel()
    await user.click(verdictRadio('Archive'))
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Your Archive is not saved yet'))
    expect(verdictRadio('Archive')).toBeChecked()

    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    await waitFor(async () => expect(await stored()).toMatchObject({ verdict: 'archive', verdictBy: 'Camille' }))
    await waitFor(() => expect(saveStatus()).toHaveTextContent(/^Saved$/))
  })

  it('says in French that a verdict waits for the server', async () => {
    const user = userEvent.setup()
    server.use(http.post('*/api/audit/writes', () => HttpResponse.error()))
    await i18next.changeLanguage('fr')
    try {
      await openPanel()
      await user.click(within(panel()).getByRole('radio', { name: 'Corriger' }))
      await waitFor(() =>
        expect(saveStatus()).toHaveTextContent(
          'Votre choix Corriger n’est pas encore enregistré\u202f: il est conservé et sera envoyé dès que le serveur d’audit répondra.',
          { normalizeWhitespace: false },
        ),
      )
    } finally {
      await i18next.changeLanguage('en')
    }
  })

  it('says the audit’s database, not the server, fails when the server answers its polls with a database failure', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const databaseDown = () =>
      server.use(
        http.get('*/api/audit/entries', () =>
          HttpResponse.json(
            { error: 'store_error', message: 'The audit database failed; nothing was changed.' },
            { status: 500 },
          ),
        ),
      )
    await openPanel()
    databaseDown()
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    const said = 'The audit server answers, but its database does not: what is shown may be out of date.'
    await waitFor(() => expect(saveStatus()).toHaveTextContent(said))
    expect(saveStatus()).not.toHaveTextContent('cannot be reached')
    expect(noteField()).toBeEnabled()

    // Opened while the database is down: the same words, the controls waiting for the audit.
    cleanup()
    renderApp(SEGMENT_URL)
    await screen.findByRole('radiogroup', { name: 'Verdict' }, { timeout: 5000 })
    await waitFor(() => expect(saveStatus()).toHaveTextContent(said))
    expect(saveStatus()).not.toHaveTextContent('does not answer')
    expect(noteField()).toBeDisabled()
  })

  it('names the reason the server gives for refusing the team’s audit', async () => {
    server.use(
      http.get('*/api/audit/entries', () =>
        HttpResponse.json({ error: 'unauthenticated', message: 'Sign in first.' }, { status: 401 }),
      ),
    )
    renderApp(SEGMENT_URL)
    await screen.findByRole('radiogroup', { name: 'Verdict' }, { timeout: 5000 })
    await waitFor(() =>
      expect(saveStatus()).toHaveTextContent(
        'The team’s audit cannot be read: You are not signed in: the audit server does not know who you are.',
      ),
    )
  })

  it('keeps the controls disabled until the team’s audit has loaded, so nothing is based on a guess', async () => {
    server.use(
      http.get('*/api/audit/entries', async () => {
        await delay(300)
        return HttpResponse.json({ revision: 0, entries: [] })
      }),
    )
    renderApp(SEGMENT_URL)
    await screen.findByRole('radiogroup', { name: 'Verdict' }, { timeout: 5000 })
    expect(noteField()).toBeDisabled()
    expect(saveStatus()).toHaveTextContent('Loading the team’s audit…')
    await waitFor(() => expect(noteField()).toBeEnabled())
  })

  it('says the team’s audit cannot be read while its first load fails, and loads it once the server answers', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    server.use(http.get('*/api/audit/entries', () => HttpResponse.error()))
    renderApp(SEGMENT_URL)
    await screen.findByRole('radiogroup', { name: 'Verdict' }, { timeout: 5000 })
    await waitFor(() =>
      expect(saveStatus()).toHaveTextContent('The team’s audit cannot be read: the audit server does not answer.'),
    )
    expect(noteField()).toBeDisabled()

    server.resetHandlers()
    await vi.advanceTimersByTimeAsync(AUDIT_POLL_MS)
    await waitFor(() => expect(noteField()).toBeEnabled())
    expect(saveStatus()).not.toHaveTextContent('cannot be read')
  })
})

describe('Audit panel: a verdict not saved yet when the page is left', () => {
  const VERDICT_DRAFT = `segment-audit:verdict-draft:${SEGMENT_KEY}`

  /** The audit server takes writes again, but the page's polls still get no answer, so only leaving sends. */
  function writesOnly() {
    server.resetHandlers()
    server.use(http.get('*/api/audit/entries', () => HttpResponse.error()))
  }

  /** Chooses Fix while the audit server does not answer, and waits for the card to say it is kept. */
  async function fixWhileDown(user: ReturnType<typeof userEvent.setup>) {
    await user.keyboard('2')
    await waitFor(() => expect(saveStatus()).toHaveTextContent('Your Fix is not saved yet: it is kept'))
    expect(await stored()).toBeUndefined()
  }

  /** Fix chosen with the server down, then the page closed (a reload): its write on leaving gets no answer either. */
  async function fixAndCloseWhileDown() {
    const user = userEvent.setup()
    const view = await openPanel()
    const down = auditServerDown(server)
    await fixWhileDown(user)
    view.unmount()
    await waitFor(() => expect(down.writes()).toBe(2))
    server.resetHandlers()
  }

  it('sends it on going back to the list when the server answers by then', async () => {
    const user = userEvent.setup()
    const { router } = await openPanel()
    server.use(http.post('*/api/audit/writes', () => HttpResponse.error()))
    await fixWhileDown(user)

    // The server takes writes again, but no poll has answered since: nothing has sent the verdict again yet.
    writesOnly()
    await act(async () => router.navigate('/'))
    await waitFor(async () => expect(await stored()).toMatchObject({ verdict: 'fix', verdictBy: 'Camille' }))
    expect(sessionStorage.getItem(VERDICT_DRAFT)).toBeNull()
  })

  it('sends it when the tab is hidden or closed (pagehide)', async () => {
    const user = userEvent.setup()
    await openPanel()
    server.use(http.post('*/api/audit/writes', () => HttpResponse.error()))
    await fixWhileDown(user)
    writesOnly()
    act(() => {
      window.dispatchEvent(new Event('pagehide'))
    })
    await waitFor(async () => expect(await stored()).toMatchObject({ verdict: 'fix', verdictBy: 'Camille' }))
  })

  it('keeps it when the server still does not answer on leaving, and the next visit sends it', async () => {
    const user = userEvent.setup()
    const { router } = await openPanel()
    const down = auditServerDown(server)
    await fixWhileDown(user)
    await act(async () => router.navigate('/'))
    // The write on leaving got no answer either.
    await waitFor(() => expect(down.writes()).toBe(2))

    server.resetHandlers()
    await act(async () => router.navigate(SEGMENT_URL))
    await waitFor(() => expect(saveStatus()).toHaveTextContent(/^Saved$/))
    expect(verdictRadio('Fix')).toBeChecked()
    expect(await stored()).toMatchObject({ verdict: 'fix', verdictBy: 'Camille', verdictVersion: 1 })
    expect(sessionStorage.getItem(VERDICT_DRAFT)).toBeNull()
  })

  it('sends it after a reload', async () => {
    await fixAndCloseWhileDown()
    await openPanel()
    await waitFor(() => expect(saveStatus()).toHaveTextContent(/^Saved$/))
    expect(verdictRadio('Fix')).toBeChecked()
    expect(await stored()).toMatchObject({ verdict: 'fix', verdictBy: 'Camille' })
  })

  it('does not overwrite a colleague’s verdict set in between: the next visit shows it as a conflict', async () => {
    await fixAndCloseWhileDown()
    await othersWrite('verdict', 'keep', 'Dominique')

    await openPanel()
    expect(await within(panel()).findByRole('alert')).toHaveTextContent(
      'Dominique set this segment to Keep on March 1, 2026 at 2:00 AM, so your Fix was not saved.',
    )
    expect(verdictRadio('Keep')).toBeChecked()
    expect(await stored()).toMatchObject({ verdict: 'keep', verdictBy: 'Dominique' })
    // Said once: the next visit has nothing more to send.
    expect(sessionStorage.getItem(VERDICT_DRAFT)).toBeNull()
  })
})

describe('Audit panel: the reviewer’s own earlier verdict', () => {
  it('writes Archive pressed just after a Keep the server saved but whose answer was lost, with no conflict', async () => {
    const user = userEvent.setup()
    // The first write reaches the real audit routes, but its answer never comes back (a proxy timeout, a reset).
    const first = held()
    server.use(
      http.post(
        '*/api/audit/writes',
        async ({ request }) => {
          await first.released
          await getResponse(auditHandlers, request)
          return HttpResponse.error()
        },
        { once: true },
      ),
    )
    await openPanel()
    await user.keyboard('1')
    await user.keyboard('3')
    first.release()

    await waitFor(() => expect(saveStatus()).toHaveTextContent(/^Saved$/))
    expect(within(panel()).queryByRole('alert')).not.toBeInTheDocument()
    expect(verdictRadio('Archive')).toBeChecked()
    expect(await stored()).toMatchObject({ verdict: 'archive', verdictBy: 'Camille', verdictVersion: 2 })
  })

  it('says in words for oneself when the verdict in the way is the reviewer’s own, from an earlier visit', async () => {
    await othersWrite('verdict', 'keep', 'Camille')
    sessionStorage.setItem(
      `segment-audit:verdict-draft:${SEGMENT_KEY}`,
      JSON.stringify({ value: 'archive', baseVersion: 0 }),
    )
    await openPanel()
    expect(await within(panel()).findByRole('alert')).toHaveTextContent(
      'Your earlier verdict Keep was saved on March 1, 2026 at 2:00 AM, so your Archive was not saved. ' +
        'Choose again to replace it.',
    )
    expect(within(panel()).getByRole('alert')).not.toHaveTextContent('Camille')
    expect(verdictRadio('Keep')).toBeChecked()
    expect(await stored()).toMatchObject({ verdict: 'keep', verdictVersion: 1 })
  })

  it('says in words for oneself when the note in the way is the reviewer’s own, from another tab', async () => {
    const user = userEvent.setup()
    await openPanel()
    await user.type(noteField(), 'Typed here')
    await othersWrite('note', 'Typed in the other tab', 'Camille')
    await user.tab()

    const alert = await within(panel()).findByRole('alert')
    expect(alert).toHaveTextContent(
      'You changed this note on March 1, 2026 at 2:00 AM, in another tab or an earlier visit, while you were typing ' +
        'here. That note:',
    )
    expect(alert).toHaveTextContent('Typed in the other tab')
    expect(alert).not.toHaveTextContent('Camille')
    await user.click(within(alert).getByRole('button', { name: 'Use that note' }))
    expect(noteField()).toHaveValue('Typed in the other tab')
  })

  it('says so in French too', async () => {
    await othersWrite('verdict', 'keep', 'Camille')
    sessionStorage.setItem(
      `segment-audit:verdict-draft:${SEGMENT_KEY}`,
      JSON.stringify({ value: 'archive', baseVersion: 0 }),
    )
    await i18next.changeLanguage('fr')
    try {
      await openPanel()
      expect(await within(panel()).findByRole('alert')).toHaveTextContent(
        'Votre choix précédent, Garder, a été enregistré le 1 mars 2026 à 02:00\u202f: votre choix Archiver n’a donc ' +
          'pas été enregistré. Choisissez de nouveau pour le remplacer.',
        { normalizeWhitespace: false },
      )
    } finally {
      await i18next.changeLanguage('en')
    }
  })
})
