// The list's first screen, kept beside the query cache: a few dozen rows in localStorage, read at once, where the whole
// cache (12,000 segments in IndexedDB) takes a while to read and parse. Reopening the app paints the rows a marketer
// last saw while that cache comes back; the full list then takes over. Only for the default view (no filter, sorted
// by name), only under the server configuration the rows came from, and never older than the cache may be.
import { z } from 'zod/mini'
import { CACHE_BUSTER, CACHE_MAX_AGE_MS } from '../../providers/cache-policy'
import type { ProviderId } from '../../providers/provider-error'
import { NOT_PROVIDED, segmentKey } from '../../providers/segment'
import { VERDICTS, type AuditEntry } from '../../stores/audit-contract'
import type { SegmentRow } from './segment-rows'

const STORAGE_KEY = 'segment-audit:list-preview'
/** The stored shape: the cache's buster (the Segment model) and this file's own row shape. */
const VERSION = `${CACHE_BUSTER}/preview-1`

/** Enough rows for the first screen of a tall window, with the virtualiser's overscan. */
export const PREVIEW_ROWS = 60

export interface ListPreview {
  rows: readonly SegmentRow[]
  perProvider: Record<ProviderId, number>
  total: number
  reviewed: number
  /** When the older of the two lists was fetched: the preview is as old as its data. */
  asOf: number
}

/** What the page hands over to keep: the first rows of its default view and the counts shown above them. */
export interface ListPreviewSource extends Omit<ListPreview, 'total'> {
  /** The server configuration the lists came from (see connectionIdentity). */
  connection: string
}

const notProvided = z.literal(NOT_PROVIDED)
const storedRowSchema = z.object({
  provider: z.enum(['braze', 'commanders-act']),
  id: z.string(),
  name: z.string(),
  tags: z.union([z.array(z.string()), notProvided]),
  analyticsTracking: z.union([z.boolean(), notProvided]),
  createdAt: z.optional(z.union([z.string(), notProvided])),
  updatedAt: z.optional(z.union([z.string(), notProvided])),
  hasDescription: z.optional(z.union([z.boolean(), notProvided])),
  verdict: z.enum(VERDICTS),
})
type StoredRow = z.infer<typeof storedRowSchema>

const storedPreviewSchema = z.object({
  version: z.literal(VERSION),
  connection: z.string(),
  asOf: z.number(),
  perProvider: z.object({ braze: z.number(), 'commanders-act': z.number() }),
  reviewed: z.number(),
  rows: z.array(storedRowSchema),
})
type StoredPreview = z.infer<typeof storedPreviewSchema>

function toStoredRow(row: SegmentRow): StoredRow {
  const { provider, id, name, tags, analyticsTracking, createdAt, updatedAt, hasDescription, verdict } = row
  return { provider, id, name, tags: tags === NOT_PROVIDED ? tags : [...tags], analyticsTracking, createdAt, updatedAt, hasDescription, verdict }
}

function fromStoredRow(stored: StoredRow): SegmentRow {
  const { provider, id, name, tags, analyticsTracking } = stored
  const segment = { key: segmentKey(provider, id), provider, id, name, tags, analyticsTracking }
  return {
    ...segment,
    segment,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    hasDescription: stored.hasDescription,
    verdict: stored.verdict,
    findings: [],
  }
}

function storageOrNull(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    // Storage disabled (a privacy setting): no preview, the list shows as it loads.
    return null
  }
}

/** The last preview written in this visit, so that an unchanged first screen is not written again. */
let lastWritten: string | undefined

export function writeListPreview(source: ListPreviewSource, storage = storageOrNull()): void {
  const stored: StoredPreview = {
    version: VERSION,
    connection: source.connection,
    asOf: source.asOf,
    perProvider: source.perProvider,
    reviewed: source.reviewed,
    rows: source.rows.slice(0, PREVIEW_ROWS).map(toStoredRow),
  }
  const text = JSON.stringify(stored)
  if (!storage || text === lastWritten) return
  try {
    storage.setItem(STORAGE_KEY, text)
    lastWritten = text
  } catch {
    // Storage full or disabled: the next visit simply has no preview.
  }
}

/**
 * The kept first screen, if it came from this server configuration and is young enough; with each row's verdict as
 * the verdict store now has it (once loaded), else as it was when kept.
 */
export function readListPreview(
  connection: string,
  verdicts: ReadonlyMap<string, AuditEntry>,
  { now = Date.now(), storage = storageOrNull() }: { now?: number; storage?: Storage | null } = {},
): ListPreview | null {
  let raw: string | null = null
  try {
    raw = storage?.getItem(STORAGE_KEY) ?? null
  } catch {
    return null
  }
  if (raw === null) return null
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return null
  }
  const parsed = storedPreviewSchema.safeParse(json)
  if (!parsed.success) return null
  const preview = parsed.data
  if (preview.connection !== connection || now - preview.asOf > CACHE_MAX_AGE_MS || preview.asOf > now) return null
  const rows = preview.rows.map((stored) => {
    const row = fromStoredRow(stored)
    const live = verdicts.get(row.key)?.verdict
    return live === undefined || live === row.verdict ? row : { ...row, verdict: live }
  })
  const perProvider = preview.perProvider
  return { rows, perProvider, total: perProvider.braze + perProvider['commanders-act'], reviewed: preview.reviewed, asOf: preview.asOf }
}

/** Tests: forget what this visit wrote. */
export function resetListPreviewForTests(): void {
  lastWritten = undefined
}
