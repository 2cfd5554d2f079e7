// The Braze details and size series the team's scans kept on the server, put into this browser's query cache as the
// app opens: a colleague's new browser shows Last updated, Description, Teams, Size and the findings without a scan.
import { notifyManager, type QueryClient, type QueryKey } from '@tanstack/react-query'
import { z } from 'zod/mini'
import { apiUrl } from '../lib/api-url'
import { brazeKeys } from '../providers/braze/queries'
import type { Segment } from '../providers/segment'
import {
  brazeDataSeriesSchema,
  brazeSegmentDetailsSchema,
  toBrazeSegmentDetails,
  toBrazeSizeSeries,
} from '../providers/braze/schemas'
import { headers, parsed } from './audit-client'

/** The envelope only: each body is read below as the queries read Braze's answer, one bad body skipped on its own. */
const keptAnswersSchema = z.object({
  details: z.array(z.object({ id: z.string(), fetchedAt: z.iso.datetime(), body: z.unknown() })),
  series: z.array(z.object({ id: z.string(), days: z.number(), fetchedAt: z.iso.datetime(), body: z.unknown() })),
})

const loaded = new WeakSet<QueryClient>()

/** Resolves once the Braze list is not loading: the kept answers, megabytes for a large workspace, wait for it. */
function listSettled(queryClient: QueryClient): Promise<void> {
  const loading = () => queryClient.getQueryState(brazeKeys.list())?.fetchStatus === 'fetching'
  return new Promise((resolve) => {
    if (!loading()) return resolve()
    const stop = queryClient.getQueryCache().subscribe(() => {
      if (loading()) return
      stop()
      resolve()
    })
  })
}

/** Whether the cache lacks data under that key, or holds data older than `updatedAt`. */
function olderThan(queryClient: QueryClient, key: QueryKey, updatedAt: number): boolean {
  const state = queryClient.getQueryState(key)
  return state?.data === undefined || state.dataUpdatedAt < updatedAt
}

interface KeptAnswer {
  key: QueryKey
  fetchedAt: string
  /** The answer as its query holds it, read by the query's own schema and converter; undefined if it does not read. */
  read: () => unknown
}

/** Reading 10,000 segments' answers takes about half a second: the page gets a turn every 30 ms of it. */
const SLICE_MS = 30

/**
 * Once per page load, after the Braze list has loaded, if a listed segment's details are missing: asks the
 * server for every fresh kept answer and fills in what this browser lacks or holds older. A failure changes
 * nothing: the details scan is still there.
 */
export async function loadTeamDetails(queryClient: QueryClient): Promise<void> {
  if (loaded.has(queryClient)) return
  loaded.add(queryClient)
  try {
    await listSettled(queryClient)
    // A browser that holds every listed segment's details (any reload after the first) has no use for megabytes more.
    const listed = queryClient.getQueryData<readonly Segment[]>(brazeKeys.list()) ?? []
    if (listed.every(({ id }) => queryClient.getQueryData(brazeKeys.details(id)) !== undefined)) return
    const response = await fetch(apiUrl('/api/audit/kept-answers'), { headers: headers() })
    const kept = await parsed(response, keptAnswersSchema)
    const answers: KeptAnswer[] = [
      ...kept.details.map(({ id, fetchedAt, body }) => ({
        key: brazeKeys.details(id),
        fetchedAt,
        read: () => {
          const answer = brazeSegmentDetailsSchema.safeParse(body)
          return answer.success ? { ...toBrazeSegmentDetails(id, answer.data), keptAt: fetchedAt } : undefined
        },
      })),
      ...kept.series.map(({ id, days, fetchedAt, body }) => ({
        key: brazeKeys.dataSeries(id, days),
        fetchedAt,
        read: () => {
          const answer = brazeDataSeriesSchema.safeParse(body)
          return answer.success ? toBrazeSizeSeries(answer.data) : undefined
        },
      })),
    ]
    const found: { key: QueryKey; data: unknown; updatedAt: number }[] = []
    let sliceStart = performance.now()
    for (const { key, fetchedAt, read } of answers) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve))
        sliceStart = performance.now()
      }
      // What this browser already holds as recent (a reload: all of it) is not even read.
      const updatedAt = Date.parse(fetchedAt)
      const data = olderThan(queryClient, key, updatedAt) ? read() : undefined
      if (data !== undefined) found.push({ key, data, updatedAt })
    }
    // In one go, so the list and the findings change once; a detail fetched meanwhile is newer and stays.
    notifyManager.batch(() => {
      for (const { key, data, updatedAt } of found)
        if (olderThan(queryClient, key, updatedAt)) queryClient.setQueryData(key, data, { updatedAt })
    })
  } catch {
    // The page works as before: the details load as a detail view or a scan asks for them.
  }
}
