// Segments by age of their last update, in buckets a marketer reads at a glance; only Braze reports dates. Bucket
// limits are the same cutoff days as the "not updated in N months" finding, so the chart and the finding agree.
import { staleCutoff } from '../../findings/staleness'
import { dateValue } from '../../lib/iso-date'
import { brazeDetailsDate, UNREADABLE_DATE, type BrazeSegmentDetails } from '../../providers/braze/schemas'
import { NOT_PROVIDED, type Segment } from '../../providers/segment'

/** A bucket's id, which also names its label (audit:age.bucket.<id>): the component translates it. */
type AgeBucketId =
  'under-1-month' | '1-to-3-months' | '3-to-6-months' | '6-to-12-months' | '1-to-2-years' | 'over-2-years'

interface AgeBucket {
  id: AgeBucketId
  /** Segments updated within this many months (and not within the previous bucket's). */
  upToMonths: number
  count: number
}

const BUCKETS: readonly Omit<AgeBucket, 'count'>[] = [
  { id: 'under-1-month', upToMonths: 1 },
  { id: '1-to-3-months', upToMonths: 3 },
  { id: '3-to-6-months', upToMonths: 6 },
  { id: '6-to-12-months', upToMonths: 12 },
  { id: '1-to-2-years', upToMonths: 24 },
  { id: 'over-2-years', upToMonths: Number.POSITIVE_INFINITY },
]

export interface UpdateAges {
  buckets: AgeBucket[]
  /** Braze segments whose details (and so dates) are not loaded yet. */
  notLoaded: number
  /** Braze segments whose details are loaded but whose last-update date Braze sent unreadable. */
  unreadable: number
  /** Braze segments whose details are loaded but came without a last-update date. */
  notProvided: number
}

export function updateAges(
  segments: readonly Segment[],
  details: ReadonlyMap<string, BrazeSegmentDetails>,
  now: Date,
): UpdateAges {
  const buckets = BUCKETS.map((bucket) => ({ ...bucket, count: 0 }))
  const limits = buckets.map((bucket) =>
    Number.isFinite(bucket.upToMonths) ? staleCutoff(now, bucket.upToMonths).getTime() : Number.NEGATIVE_INFINITY,
  )
  const ages = { buckets, notLoaded: 0, unreadable: 0, notProvided: 0 }
  for (const segment of segments) {
    if (segment.provider !== 'braze') continue
    const loaded = details.get(segment.id)
    // A segment left out of the buckets is said apart, for the reason it is: waiting for its details is not the same
    // as details with a date Braze sent unreadable, or none.
    if (!loaded) {
      ages.notLoaded += 1
      continue
    }
    const updatedAt = brazeDetailsDate(loaded, 'updatedAt')
    if (updatedAt === NOT_PROVIDED) {
      ages.notProvided += 1
      continue
    }
    const time = updatedAt === UNREADABLE_DATE ? Number.NaN : dateValue(updatedAt)
    if (Number.isNaN(time)) {
      ages.unreadable += 1
      continue
    }
    const index = limits.findIndex((limit) => time >= limit)
    const bucket = buckets[index === -1 ? buckets.length - 1 : index]
    if (bucket) bucket.count += 1
  }
  return ages
}
