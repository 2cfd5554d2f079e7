// @vitest-environment jsdom
// The Audit page in French, as a French-speaking marketer sees it: headings, the review's progress with French
// numbers, the verdicts and findings under their French names, the settings and the scan, what changed since the last
// session, an imported and a refused session file, and the CSV report written in French (its dates stay ISO).
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import i18next from 'i18next'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import Papa from 'papaparse'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { computeFindings, type FindingId } from '../../../src/findings/findings'
import { formatDateTime } from '../../../src/lib/format'
import type { Segment } from '../../../src/providers/segment'
import { getBaselineStore } from '../../../src/stores/audit-baseline'
import type { Verdict } from '../../../src/stores/audit-contract'
import { buildSessionFile, type SessionEntry } from '../../../src/stores/session-file'
import { createDemoHandlers, listedSegments } from '../../msw/demo-handlers'
import { renderApp } from '../../render-app'
import { rememberReviewer, seedReviews } from '../../stores/audit-entries'
import { formatSpreadsheetDateTime } from '../../../src/lib/format'

// Over a thousand segments, so the totals need a thousands separator.
const demo = createDemoHandlers({ brazeCount: 1000, commandersActCount: 200 })
const server = setupServer(...demo.handlers)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(async () => {
  await i18next.changeLanguage('fr')
})
afterEach(() => {
  server.resetHandlers()
  vi.restoreAllMocks()
})
afterAll(() => server.close())

/** French writes thousands and the space before a colon with a narrow no-break space. */
const NNBSP = '\u202f'
const TOTAL = demo.data.braze.length + demo.data.commandersAct.length

const LISTED: readonly Segment[] = listedSegments(demo.data)

/** The findings as a French-speaking user reads them (12 months for the staleness one). */
const FRENCH_FINDINGS: Record<FindingId, string> = {
  'no-description': 'Sans description',
  'no-tags': 'Sans tag',
  stale: 'Pas mis à jour depuis 12 mois',
  'tracking-off': 'Suivi analytique désactivé',
  'size-zero': 'Taille 0 sur 30 jours',
  leftover: 'Test ou temporaire',
  naming: 'Hors convention de nommage',
  'duplicate-name': 'Nom en double',
  'cross-provider': 'Dans les deux fournisseurs',
  malformed: 'Réponse mal formée',
}

const region = (name: string) => screen.getByRole('region', { name })
const progress = () => region('Progression')
const text = (element: HTMLElement) => element.textContent?.trim() ?? ''

function entry(key: string, verdict: Verdict, fields: Partial<SessionEntry> = {}): SessionEntry {
  return { key, verdict, note: '', reviewer: 'Camille', reviewedAt: '2025-03-01T10:00:00.000Z', ...fields }
}

/** A segment no longer listed. */
const REMOVED_ID = '5c1d7a80-0b9e-4f7a-8e2c-6a4f3e2d1c0b'

/** A session file as chosen in the file picker (the import reads it with Blob.text(), which jsdom lacks). */
function chosenFile(content: string): File {
  const file = new File([content], 'session.json', { type: 'application/json' })
  Object.defineProperty(file, 'text', { value: () => Promise.resolve(content) })
  return file
}

function brazeKey(index: number): string {
  const segment = demo.data.braze[index]
  if (!segment) throw new Error(`the demo data has no Braze segment ${index}`)
  return `braze:${segment.id}`
}

async function renderInFrench(reviewed: number) {
  const view = renderApp('/audit')
  expect(await screen.findByRole('heading', { level: 1, name: 'Session d’audit' })).toBeInTheDocument()
  // Both lists in full: "2 segments revus sur 1 200", with French spaces; the same words as on the list.
  await waitFor(
    () =>
      expect(within(progress()).getByRole('status')).toHaveTextContent(
        `${reviewed} ${reviewed > 1 ? 'segments revus' : 'segment revu'} sur 1${NNBSP}200`,
        { normalizeWhitespace: false },
      ),
    { timeout: 10_000 },
  )
  return view
}

/** A blob's text as a browser's FileReader would read it (jsdom's Blob has no text()), a leading BOM kept. */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () =>
      resolve(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(reader.result as ArrayBuffer)))
    reader.onerror = () => reject(reader.error ?? new Error('unreadable blob'))
    reader.readAsArrayBuffer(blob)
  })
}

/** jsdom neither makes object URLs nor downloads: keep each file's content and name instead. */
function captureDownloads() {
  const files: { blob: Blob; name: string }[] = []
  let pending: Blob | undefined
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    if (blob instanceof Blob) pending = blob
    return 'blob:audit-report'
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    if (pending) files.push({ blob: pending, name: this.download })
    pending = undefined
  })
  return files
}

describe('Audit page in French', () => {
  it('speaks French: headings, progress with French numbers, verdicts, findings, settings and the scan', async () => {
    await seedReviews(entry(brazeKey(0), 'keep'), entry(brazeKey(1), 'archive'))
    await renderInFrench(2)
    expect(document.title).toBe('Audit — Segment Audit')

    for (const heading of [
      'Progression',
      'Analyse des détails',
      'Constats',
      'Dans les deux fournisseurs',
      'Dernière mise à jour',
      'Modifié depuis le dernier audit',
      'Exporter la session',
      'Importer une session',
    ]) {
      expect(screen.getByRole('heading', { level: 2, name: heading })).toBeInTheDocument()
    }

    // The legend: each verdict's French name links to the list filtered on it, with its count in French.
    const legend = (name: string) => within(progress()).getByRole('link', { name }).closest('li')
    expect(legend('Garder')).toHaveTextContent('Garder 1')
    expect(legend('Archiver')).toHaveTextContent('Archiver 1')
    expect(legend('Corriger')).toHaveTextContent('Corriger 0')
    expect(text(legend('Non revu') as HTMLElement)).toBe(`Non revu 1${NNBSP}198`)
    expect(within(progress()).getByRole('img')).toHaveAccessibleName(
      /^Garder\s: 1, Corriger\s: 0, Archiver\s: 1, Non revu\s: 1\s198$/,
    )
    const perProvider = screen.getByRole('table', { name: 'Verdicts par fournisseur' })
    expect(within(perProvider).getAllByRole('columnheader').map(text)).toEqual([
      'Fournisseur',
      'Garder',
      'Corriger',
      'Archiver',
      'Non revu',
      'Répartition',
    ])

    // A finding under its French name, with the count the page computes from the same lists.
    const findings = computeFindings(
      { segments: LISTED, details: new Map(), sizes: new Map() },
      { staleMonths: 12, namingPattern: null },
      new Date(),
    )
    const findingsTable = screen.getByRole('table', { name: 'Constats' })
    expect(within(findingsTable).getAllByRole('columnheader').map(text)).toEqual([
      'Constat',
      'Segments',
      'Vérification',
    ])
    const duplicates = within(findingsTable)
      .getByRole('rowheader', { name: /^Nom en double/ })
      .closest('tr')
    if (!duplicates) throw new Error('no "Nom en double" row')
    const [count, checked] = [...duplicates.querySelectorAll('td')].map(text)
    expect(count).toBe(new Intl.NumberFormat('fr').format(findings.counts['duplicate-name'].count))
    expect(checked).toBe(`Les 1${NNBSP}200 sont vérifiés`)
    expect(within(findingsTable).getByRole('link', { name: 'Pas mis à jour depuis 12 mois' })).toBeInTheDocument()
    const noDescription = within(findingsTable)
      .getByRole('rowheader', { name: /^Sans description/ })
      .closest('tr')
    expect(noDescription).toHaveTextContent(`Pas encore analysé (0 vérifié sur 1 000)`)

    // The settings.
    const months = screen.getByRole('combobox', { name: 'Pas mis à jour depuis' })
    expect(within(months).getByRole('option', { name: '12 mois' })).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Motif de nommage' })).toHaveAccessibleDescription(
      /^Une expression régulière que chaque nom de segment doit respecter\s; laissez vide pour n’en imposer aucune\.$/,
    )

    // No update age known yet, and the scan not started yet.
    expect(region('Dernière mise à jour')).toHaveTextContent(
      '1 000 segments Braze sur 1 000 ne sont pas encore comptés',
    )
    expect(within(region('Analyse des détails')).getAllByRole('button').map(text)).toEqual(['Analyser les détails'])
    expect(screen.getByRole('button', { name: 'Exporter en CSV' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Exporter en JSON' })).toBeEnabled()
    expect(region('Exporter la session')).toHaveTextContent('(2 revus ou annotés)')
  })

  it('runs the details scan in French: buttons, status and counts', async () => {
    // Details answers held until the end, so the scan stays where the test looks at it.
    let release = () => {}
    const released = new Promise<void>((resolve) => {
      release = resolve
    })
    server.use(
      http.get('*/api/braze/segments/details', async ({ request }) => {
        await released
        return demo.forwardToBraze(request)
      }),
    )
    const user = userEvent.setup()
    await renderInFrench(0)
    const scan = region('Analyse des détails')
    const buttons = () => within(scan).getAllByRole('button').map(text)
    await user.click(within(scan).getByRole('button', { name: 'Analyser les détails' }))
    await waitFor(() => expect(buttons()).toEqual(['Pause', 'Annuler']))
    expect(within(scan).getByRole('progressbar', { name: 'Analyse des détails' })).toBeInTheDocument()

    await user.click(within(scan).getByRole('button', { name: 'Pause' }))
    expect(buttons()).toEqual(['Reprendre', 'Annuler'])
    expect(text(within(scan).getByRole('status'))).toBe(`En pause${NNBSP}: 0 sur 1${NNBSP}000 récupéré`)

    await user.click(within(scan).getByRole('button', { name: 'Annuler' }))
    expect(text(within(scan).getByRole('status'))).toBe(`Analyse annulée${NNBSP}: 0 sur 1${NNBSP}000 récupéré`)
    expect(buttons()).toEqual(['Relancer l’analyse'])
    release()
  })

  it('compares with the previous session in French, its date written in French', async () => {
    const takenAt = '2025-03-01T10:00:00.000Z'
    await getBaselineStore().save({
      takenAt,
      source: 'export',
      providers: ['braze', 'commanders-act'],
      segments: [
        ...LISTED.map((segment) => ({ key: segment.key, name: segment.name, tags: null })),
        { key: `braze:${REMOVED_ID}`, name: 'Anciens clients', tags: null },
      ],
    })
    await renderInFrench(0)
    const changes = region('Modifié depuis le dernier audit')
    await waitFor(() =>
      expect(changes).toHaveTextContent(
        `Comparé à la session exportée le ${formatDateTime(takenAt, 'fr').replace(/\s+/g, ' ')}, pour Braze et Commanders Act.`,
      ),
    )
    expect(
      [...changes.querySelectorAll<HTMLElement>('details.change-group > summary, p.change-group')].map((group) =>
        text(group).replace(/\s+/g, ' '),
      ),
    ).toEqual(['Nouveaux 0', 'Disparus 1', 'Renommés 0', 'Tags modifiés 0'])
  })

  it('says in French what an import changed', async () => {
    await seedReviews(entry(brazeKey(0), 'keep', { reviewedAt: '2025-03-05T16:30:00.000Z' }))
    rememberReviewer('Camille')
    const user = userEvent.setup()
    await renderInFrench(1)
    const session = buildSessionFile(
      [entry(brazeKey(0), 'archive'), entry(brazeKey(1), 'fix', { reviewer: 'Léa' })],
      [],
      [],
      new Date(),
    )
    await user.upload(screen.getByLabelText('Fichier de session (.json)'), chosenFile(JSON.stringify(session)))
    const importRegion = region('Importer une session')
    await waitFor(() =>
      expect(within(importRegion).getByRole('status')).toHaveTextContent(
        '1 ajouté, 0 mis à jour, 1 conservé (la revue de l’audit était aussi récente ou plus récente), 0 déjà identique.',
      ),
    )
    expect(within(importRegion).getByRole('note')).toHaveTextContent('session.json importé')
    await waitFor(() =>
      expect(within(progress()).getByRole('status')).toHaveTextContent(`2 segments revus sur 1${NNBSP}200`, {
        normalizeWhitespace: false,
      }),
    )
  })

  it('says in French why a session file is refused, and changes nothing', async () => {
    rememberReviewer('Camille')
    const user = userEvent.setup()
    await renderInFrench(0)
    await user.upload(
      screen.getByLabelText('Fichier de session (.json)'),
      chosenFile('{"format":"other-app","version":1}'),
    )
    const alert = await within(region('Importer une session')).findByRole('alert')
    expect(alert).toHaveTextContent('session.json n’a pas été importé')
    expect(alert).toHaveTextContent('Ce fichier n’est pas une session Segment Audit. Rien n’a été modifié.')
    expect(within(progress()).getByRole('status')).toHaveTextContent(`0 segment revu sur 1${NNBSP}200`, {
      normalizeWhitespace: false,
    })
  })

  it('exports the CSV report in French: ";" between cells, header, verdicts, findings, placeholders, local times', async () => {
    const reviewedAt = '2025-03-05T16:30:00.000Z'
    await seedReviews(
      entry(brazeKey(0), 'fix', { reviewedAt }),
      entry(`braze:${REMOVED_ID}`, 'archive', { reviewedAt }),
    )
    const user = userEvent.setup()
    const files = captureDownloads()
    await renderInFrench(1)

    await user.click(screen.getByRole('button', { name: 'Exporter en CSV' }))
    const [file] = files
    if (!file) throw new Error('nothing was exported')
    const csv = await blobText(file.blob)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    // French spreadsheets expect ";" between cells.
    expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFFournisseur;ID;Nom;/)
    const { data, errors } = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', newline: '\r\n' })
    expect(errors).toEqual([])
    const [header, ...rows] = data
    expect(header).toEqual([
      'Fournisseur',
      'ID',
      'Nom',
      'Tags',
      'Création',
      'Mise à jour',
      'Description présente',
      'Constats',
      'Verdict',
      'Note',
      'Revu par',
      'Revu le',
    ])
    expect(rows).toHaveLength(TOTAL + 1)

    const fixed = rows.find((row) => `braze:${row[1]}` === brazeKey(0))
    expect(fixed?.slice(4, 7)).toEqual(['non chargé', 'non chargé', 'non chargé'])
    expect(fixed?.slice(8)).toEqual(['Corriger', '', 'Camille', formatSpreadsheetDateTime(reviewedAt)])
    const commandersAct = rows.find((row) => row[0] === 'Commanders Act')
    expect(commandersAct?.slice(3, 7)).toEqual(['non fourni', 'non fourni', 'non fourni', 'non fourni'])
    expect(commandersAct?.[8]).toBe('Non revu')
    expect(rows.at(-1)).toEqual([
      'Braze',
      REMOVED_ID,
      '(n’est plus dans la liste)',
      '',
      '',
      '',
      '',
      '',
      'Archiver',
      '',
      'Camille',
      formatSpreadsheetDateTime(reviewedAt),
    ])
    // Findings under their French names.
    const findings = computeFindings(
      { segments: LISTED, details: new Map(), sizes: new Map() },
      { staleMonths: 12, namingPattern: null },
      new Date(),
    )
    const [withFindings, ids = []] = [...findings.bySegment].find(([key]) => key.startsWith('commanders-act:')) ?? []
    if (!withFindings) throw new Error('the demo data has no Commanders Act finding')
    const row = rows.find((one) => `commanders-act:${one[1]}` === withFindings && one[0] === 'Commanders Act')
    expect(row?.[7]).toBe(ids.map((id) => FRENCH_FINDINGS[id]).join('; '))
  })
})
