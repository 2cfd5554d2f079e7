// @vitest-environment jsdom
// The Audit page says what it does not know, in English and in French: a provider whose list failed shows its error
// rather than zeros (no count, no chart, no scan), a finding that needs details reads "not scanned yet" until the scan
// covered them, and the last scan's end and result are still said after a reload, in the same plain words; the
// session file is picked with a button in the page's language.
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { computeFindings } from '../../../src/findings/findings'
import { fetchBrazeSegmentDetails } from '../../../src/providers/braze/client'
import { brazeQueries } from '../../../src/providers/braze/queries'
import { held } from '../../held'
import { createDemoHandlers, listedSegments, notConfiguredHandler } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'
import { rememberReviewer } from '../../stores/audit-entries'

const demo = createDemoHandlers({ brazeCount: 12, commandersActCount: 6 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const LISTED = listedSegments(demo.data)
const BRAZE = LISTED.filter((segment) => segment.provider === 'braze')

/** Braze refuses the key: the list, or the details, answer 401 (the proxy's own error, as for a real Braze). */
const refuseBraze = (endpoint: 'list' | 'details') =>
  server.use(
    http.get(`*/api/braze/segments/${endpoint}`, () =>
      HttpResponse.json({ error: 'unauthorized', provider: 'braze', status: 401 }, { status: 401 }),
    ),
  )

const LANGUAGES = [
  {
    language: 'en',
    progress: 'Progress',
    perProvider: 'Verdicts per provider',
    findings: 'Findings',
    noDescription: 'No description',
    inBoth: 'In both providers',
    pairs: 'In both providers',
    lastUpdated: 'Last updated',
    scan: 'Details scan',
    scanButton: 'Scan details',
    refused: 'Braze rejected the credentials',
    listFailed: 'List did not load',
    listLoading: 'List loading…',
    waitingList: 'Waiting for the Braze list…',
    upToDate: /up to date/,
    notChecked: 'Not checked: the Braze list did not load',
    pairsFailed: 'Pairs need both lists, and the Braze list did not load.',
    ageFailed: 'The Braze list did not load: there are no dates to show.',
    needsList: 'The scan needs the Braze list',
    notScanned: (checked: number, total: number) => `Not scanned yet (${checked} of ${total} checked)`,
    soFar: (count: number) => `${count} so far`,
    complete: (total: number) => `Scan complete: ${total} of ${total} fetched`,
    lastDone: /^Last scan \(kept in this browser\) finished on .*2\d{3}.*: (\d+) of \1 fetched$/,
    stopped: 'Scan stopped',
    importHeading: 'Import a session',
    sessionFile: 'Session file (.json)',
    choose: 'Choose a file…',
    noFile: 'No file chosen',
    lastFailed: /^Last scan \(kept in this browser\) stopped by an error on .*\. Braze rejected the credentials\. /,
  },
  {
    language: 'fr',
    progress: 'Progression',
    perProvider: 'Verdicts par fournisseur',
    findings: 'Constats',
    noDescription: 'Sans description',
    inBoth: 'Dans les deux fournisseurs',
    pairs: 'Dans les deux fournisseurs',
    lastUpdated: 'Dernière mise à jour',
    scan: 'Analyse des détails',
    scanButton: 'Analyser les détails',
    refused: 'Braze a refusé les identifiants',
    listFailed: 'Liste non chargée',
    listLoading: 'Liste en cours de chargement…',
    waitingList: 'En attente de la liste Braze…',
    upToDate: /à jour/,
    notChecked: 'Non vérifié : la liste Braze n’a pas pu être chargée',
    pairsFailed: 'Il faut les deux listes pour trouver les paires, et la liste Braze n’a pas pu être chargée.',
    ageFailed: 'La liste Braze n’a pas pu être chargée : aucune date à afficher.',
    needsList: 'L’analyse a besoin de la liste Braze',
    notScanned: (checked: number, total: number) =>
      `Pas encore analysé (${checked} ${checked > 1 ? 'vérifiés' : 'vérifié'} sur ${total})`,
    soFar: (count: number) => `${count} pour l’instant`,
    complete: (total: number) => `Analyse terminée : ${total} sur ${total} récupérés`,
    lastDone: /^Dernière analyse \(gardée dans ce navigateur\) terminée le .*2\d{3}.* : (\d+) sur \1 récupérés$/,
    stopped: 'Analyse arrêtée',
    importHeading: 'Importer une session',
    sessionFile: 'Fichier de session (.json)',
    choose: 'Choisir un fichier…',
    noFile: 'Aucun fichier choisi',
    lastFailed:
      /^Dernière analyse \(gardée dans ce navigateur\) arrêtée par une erreur le .*\. Braze a refusé les identifiants\. /,
  },
] as const

const region = (name: string) => screen.getByRole('region', { name })
const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim()

/** A finding's row: its count and what was checked, as read. */
function finding(table: HTMLElement, label: string) {
  const header = within(table).getByRole('rowheader', { name: new RegExp(`^${label}`) })
  const [count, checked] = [...(header.closest('tr')?.querySelectorAll('td') ?? [])].map(text)
  return { count, checked, link: within(header).queryByRole('link') }
}

describe.each(LANGUAGES)('Audit page states ($language)', (words) => {
  beforeEach(async () => {
    await i18next.changeLanguage(words.language)
  })

  it('shows a failed Braze list as its error, never as zeros: no count, no pairs, no chart, no scan', async () => {
    refuseBraze('list')
    renderApp('/audit')
    expect(await within(region(words.progress)).findByRole('alert')).toHaveTextContent(words.refused)

    const braze = within(screen.getByRole('table', { name: words.perProvider })).getByRole('row', { name: /^Braze/ })
    // One cell that says so, rather than a count per verdict.
    expect(within(braze).getAllByRole('cell').map(text)).toEqual([words.listFailed])

    const findings = await screen.findByRole('table', { name: words.findings })
    for (const label of [words.noDescription, words.inBoth])
      expect(finding(findings, label)).toEqual({ count: '—', checked: words.notChecked, link: null })

    expect(within(region(words.pairs)).getByText(words.pairsFailed)).toBeInTheDocument()
    expect(within(region(words.lastUpdated)).getByText(words.ageFailed)).toBeInTheDocument()
    expect(within(region(words.lastUpdated)).queryByRole('table')).not.toBeInTheDocument()

    const scan = region(words.scan)
    expect(within(scan).queryByRole('button', { name: words.scanButton })).not.toBeInTheDocument()
    const needsList = within(scan).getByRole('note')
    expect(within(needsList).getByText(words.needsList)).toBeInTheDocument()
    expect(needsList).toHaveTextContent(`${words.refused}. `)
  })

  it('says a Braze list being retried is loading: no row of zeros, no "up to date" scan', async () => {
    // The first page answers 500; the retry is held: the list is between its attempts, as for a Braze that is down.
    const retried = held()
    const answered = held()
    let calls = 0
    server.use(
      http.get('*/api/braze/segments/list', async () => {
        calls += 1
        if (calls === 1) {
          answered.release()
          return HttpResponse.json({ error: 'upstream_error', provider: 'braze', status: 500 }, { status: 500 })
        }
        await retried.released
        return HttpResponse.json({ error: 'upstream_error', provider: 'braze', status: 500 }, { status: 500 })
      }),
    )
    renderApp('/audit')
    await answered.released
    const table = await screen.findByRole('table', { name: words.perProvider })
    // Commanders Act's list is in: the page is past its first render, and Braze is still unknown.
    await waitFor(() =>
      expect(within(table).getByRole('row', { name: /^Commanders Act/ })).not.toHaveTextContent(words.listLoading),
    )
    const braze = within(table).getByRole('row', { name: /^Braze/ })
    expect(within(braze).getAllByRole('cell').map(text)).toEqual([words.listLoading])

    const scan = region(words.scan)
    expect(scan).toHaveTextContent(words.waitingList)
    expect(scan).not.toHaveTextContent(words.upToDate)
    retried.release()
  })

  it('says a finding that needs details is not scanned yet, its count so far, until every detail is in', async () => {
    const { queryClient } = renderApp('/audit')
    const findings = await screen.findByRole('table', { name: words.findings })
    expect(finding(findings, words.noDescription)).toMatchObject({
      count: '—',
      checked: words.notScanned(0, BRAZE.length),
    })

    const some = BRAZE.slice(0, 3)
    const details = new Map(
      await Promise.all(some.map(async (segment) => [segment.id, await fetchBrazeSegmentDetails(segment.id)] as const)),
    )
    act(() => {
      for (const [id, loaded] of details) queryClient.setQueryData(brazeQueries.details(id).queryKey, loaded)
    })
    const found = computeFindings(
      { segments: LISTED, details, sizes: new Map() },
      { staleMonths: 12, namingPattern: null },
      new Date(),
    ).counts['no-description'].count
    await waitFor(() =>
      expect(finding(findings, words.noDescription)).toMatchObject({
        count: words.soFar(found),
        checked: words.notScanned(some.length, BRAZE.length),
      }),
    )
  })

  it('keeps the last scan’s end and result, and says them after a reload', async () => {
    const user = userEvent.setup()
    const first = renderApp('/audit')
    await user.click(await within(region(words.scan)).findByRole('button', { name: words.scanButton }))
    await waitFor(() =>
      expect(within(region(words.scan)).getByRole('status')).toHaveTextContent(words.complete(BRAZE.length)),
    )
    first.unmount()

    renderApp('/audit')
    const scan = await screen.findByRole('region', { name: words.scan })
    expect(await within(scan).findByText(words.lastDone)).toHaveTextContent(String(BRAZE.length))
  })

  it('says a scan stopped by an error in plain words, then and after a reload', async () => {
    refuseBraze('details')
    const user = userEvent.setup()
    const first = renderApp('/audit')
    await user.click(await within(region(words.scan)).findByRole('button', { name: words.scanButton }))
    const alert = await within(region(words.scan)).findByRole('alert')
    expect(within(alert).getByText(words.stopped)).toBeInTheDocument()
    expect(alert).toHaveTextContent(`${words.refused}. `)
    expect(alert).not.toHaveTextContent(/HTTP|401/)
    first.unmount()

    renderApp('/audit')
    const scan = await screen.findByRole('region', { name: words.scan })
    expect(await within(scan).findByText(words.lastFailed)).toBeInTheDocument()
    expect(scan).not.toHaveTextContent(/HTTP|401/)
  })

  it('picks the session file with a button in the interface language, and names the file chosen', async () => {
    rememberReviewer('Dan')
    const user = userEvent.setup()
    renderApp('/audit')
    const input = await screen.findByLabelText(words.sessionFile)
    // The browser's own "Choose File" is hidden; the button says it in the page's language.
    expect(within(region(words.importHeading)).getByText(words.choose)).toBeVisible()
    expect(input).toHaveAccessibleDescription(words.noFile)

    const file = new File(['not a session'], 'notes-mars.json', { type: 'application/json' })
    // jsdom's File cannot be read: it reads as a browser's would.
    Object.defineProperty(file, 'arrayBuffer', {
      value: () => Promise.resolve(new TextEncoder().encode('not a session').buffer),
    })
    await user.upload(input, file)
    await waitFor(() => expect(input).toHaveAccessibleDescription('notes-mars.json'))
  })
})

describe('Audit page with both lists failed', () => {
  it('does not say the counts cover the other provider, which failed too', async () => {
    refuseBraze('list')
    server.use(
      http.get('*/api/commanders-act/segments/list', () =>
        HttpResponse.json({ error: 'unauthorized', provider: 'commanders-act', status: 401 }, { status: 401 }),
      ),
    )
    renderApp('/audit')
    const progress = await screen.findByRole('region', { name: 'Progress' })
    await waitFor(() => expect(within(progress).getAllByRole('alert')).toHaveLength(2))
    for (const alert of within(progress).getAllByRole('alert')) expect(alert).not.toHaveTextContent(/other provider/)
  })

  it('says so while the other provider’s list is in', async () => {
    refuseBraze('list')
    renderApp('/audit')
    const progress = await screen.findByRole('region', { name: 'Progress' })
    expect(await within(progress).findByRole('alert')).toHaveTextContent(
      'Counts and exports cover the other provider only.',
    )
  })
})

describe('Audit page with Braze’s list empty', () => {
  it.each([
    { language: 'en', heading: 'Last updated', text: /^There is no Braze segment to date: Braze’s list is empty\.$/ },
    {
      language: 'fr',
      heading: 'Dernière mise à jour',
      text: /^Il n’y a aucun segment Braze à dater\s: la liste de Braze est vide\.$/,
    },
  ])('says the age chart has no segment to date rather than showing an empty card ($language)', async (words) => {
    await i18next.changeLanguage(words.language)
    server.use(...createDemoHandlers({ brazeCount: 0, commandersActCount: 5 }).handlers)
    renderApp('/audit')
    const card = await screen.findByRole('region', { name: words.heading })
    expect(await within(card).findByText(words.text)).toBeInTheDocument()
  })

  it('says nothing of an empty list while the Braze list is still arriving', async () => {
    const { released, release } = held()
    server.use(
      http.get('*/api/braze/segments/list', async () => {
        await released
        return HttpResponse.json({ segments: [], message: 'success' })
      }),
      http.get('*/api/braze/segments/list/pages', async () => {
        await released
        return HttpResponse.json({ pages: [] })
      }),
    )
    renderApp('/audit')
    const progress = await screen.findByRole('region', { name: 'Progress' })
    await waitFor(() => expect(within(progress).getByRole('status')).toHaveTextContent('Loading the segment lists…'))
    expect(region('Last updated')).not.toHaveTextContent('list is empty')
    release()
  })
})

/** The server has no variables for a provider (a team that uses the other one only): every call to it answers 503. */
const notConfigured = (provider: 'braze' | 'commanders-act', missing: string[]) =>
  server.use(notConfiguredHandler(provider, missing))

describe.each([
  {
    language: 'en',
    provider: 'braze',
    missing: ['BRAZE_REST_ENDPOINT', 'BRAZE_API_KEY'],
    name: /^Braze/,
    alert: [
      'Braze is not configured',
      'On the server, set BRAZE_REST_ENDPOINT and BRAZE_API_KEY (in .env.local or the environment), then restart.',
      'Counts and exports cover the other provider only.',
    ],
    notConfigured: 'Not configured',
    notChecked: 'Not checked: Braze is not configured',
    pairs: 'Pairs need both providers, and Braze is not configured.',
    age: 'Braze is not configured: there are no dates to show.',
    scan: 'The scan needs Braze, which is not configured.',
  },
  {
    language: 'fr',
    provider: 'braze',
    missing: ['BRAZE_REST_ENDPOINT', 'BRAZE_API_KEY'],
    name: /^Braze/,
    alert: [
      'Braze n’est pas configuré',
      'Sur le serveur, définissez BRAZE_REST_ENDPOINT et BRAZE_API_KEY (dans .env.local ou l’environnement), puis redémarrez.',
    ],
    notConfigured: 'Non configuré',
    notChecked: 'Non vérifié : Braze n’est pas configuré',
    pairs: 'Il faut les deux fournisseurs pour trouver les paires, et Braze n’est pas configuré.',
    age: 'Braze n’est pas configuré : aucune date à afficher.',
    scan: 'L’analyse a besoin de Braze, qui n’est pas configuré.',
  },
  {
    language: 'en',
    provider: 'commanders-act',
    missing: ['COMMANDERS_ACT_SITE_ID', 'COMMANDERS_ACT_TOKEN'],
    name: /^Commanders Act/,
    alert: [
      'Commanders Act is not configured',
      'On the server, set COMMANDERS_ACT_SITE_ID and COMMANDERS_ACT_TOKEN (in .env.local or the environment), then restart.',
      'Counts and exports cover the other provider only.',
    ],
    notConfigured: 'Not configured',
    notChecked: undefined,
    pairs: 'Pairs need both providers, and Commanders Act is not configured.',
    age: undefined,
    scan: undefined,
  },
] as const)('Audit page for a team without $provider configured ($language)', (words) => {
  beforeEach(async () => {
    await i18next.changeLanguage(words.language)
  })

  it('says once that it is not configured and what to set, with no Retry and no list that "did not load"', async () => {
    notConfigured(words.provider, [...words.missing])
    renderApp('/audit')
    const progress = await screen.findByRole('region', { name: words.language === 'en' ? 'Progress' : 'Progression' })
    const alert = await within(progress).findByRole('alert', {}, { timeout: 5000 })
    for (const part of words.alert) expect(alert).toHaveTextContent(part)
    // The findings are worked out once both lists have answered: the page is whole.
    await screen.findByRole('table', { name: words.language === 'en' ? 'Findings' : 'Constats' })

    // Said once: no other alert, no Retry (the variables are read as the server starts), no list "did not load".
    expect(screen.getAllByRole('alert')).toEqual([alert])
    expect(screen.queryByRole('button', { name: /Retry|Réessayer/ })).not.toBeInTheDocument()
    expect(document.body).not.toHaveTextContent(/did not load|pas pu être chargée|non chargée/)

    const table = screen.getByRole('table', {
      name: words.language === 'en' ? 'Verdicts per provider' : 'Verdicts par fournisseur',
    })
    const row = within(table).getByRole('row', { name: words.name })
    expect(within(row).getAllByRole('cell').map(text)).toEqual([words.notConfigured])
    expect(document.body).toHaveTextContent(words.pairs)
    if (words.notChecked) {
      const findings = screen.getByRole('table', { name: words.language === 'en' ? 'Findings' : 'Constats' })
      const label = words.language === 'en' ? 'No description' : 'Sans description'
      expect(finding(findings, label)).toEqual({ count: '—', checked: words.notChecked, link: null })
    }
    if (words.age) expect(document.body).toHaveTextContent(words.age)
    if (words.scan) expect(document.body).toHaveTextContent(words.scan)
  })
})
