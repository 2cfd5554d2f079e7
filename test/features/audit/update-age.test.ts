// Braze segments by age of their last update: calendar-month bucket boundaries in local time (run it in several TZs),
// Commanders Act left out; details not loaded, an unreadable date and no date each counted apart.
import { describe, expect, it } from 'vitest'
import { updateAges } from '../../../src/features/audit/update-age'
import type { BrazeSegmentDetails } from '../../../src/providers/braze/schemas'
import { segmentKey } from '../../../src/providers/provider-id'
import { NOT_PROVIDED, type Segment } from '../../../src/providers/segment'

function braze(id: string): Segment {
  return {
    key: segmentKey('braze', id),
    provider: 'braze',
    id,
    name: `Segment ${id}`,
    tags: [],
    analyticsTracking: true,
  }
}

function commandersAct(id: string): Segment {
  return {
    key: segmentKey('commanders-act', id),
    provider: 'commanders-act',
    id,
    name: `Segment ${id}`,
    tags: NOT_PROVIDED,
    analyticsTracking: NOT_PROVIDED,
  }
}

/** The buckets' ids, youngest first (the page shows each under its translated label). */
const IDS = ['under-1-month', '1-to-3-months', '3-to-6-months', '6-to-12-months', '1-to-2-years', 'over-2-years']

/** Local times: the same wall-clock moment one or more calendar months back, whatever DST did in between. */
const local = (year: number, month: number, day: number, hours = 0, minutes = 0) =>
  new Date(year, month - 1, day, hours, minutes)
const MINUTE = 60_000

/** The bucket a segment with these details lands in, or why it is in none. */
function placeOf(details: BrazeSegmentDetails, now: Date): string {
  const ages = updateAges([braze('b-1')], new Map([['b-1', details]]), now)
  if (ages.notLoaded === 1) return 'not loaded'
  if (ages.unreadable === 1) return 'unreadable'
  if (ages.notProvided === 1) return 'not provided'
  const found = ages.buckets.filter((bucket) => bucket.count === 1)
  expect(found).toHaveLength(1)
  return found[0]?.id ?? ''
}

/** The bucket one segment updated at `updatedAt` lands in. */
const bucketOf = (updatedAt: string, now: Date) => placeOf({ id: 'b-1', tags: [], updatedAt }, now)

describe('updateAges', () => {
  // A bucket starts at local midnight of the same calendar day N months back, the day the "not updated in N months"
  // finding uses. Mid-November afternoon: one month back crosses the end of European and American summer time, 12
  // months back crosses it twice; in Auckland one month back is in summer time on both sides.
  const NOW = local(2026, 11, 15)
  const at = (date: Date, offsetMs = 0) => new Date(date.getTime() + offsetMs).toISOString()

  it.each([
    { what: 'a minute ago', updatedAt: at(NOW, -MINUTE), bucket: 'under-1-month' },
    { what: 'later than now (a clock ahead)', updatedAt: at(NOW, 5 * MINUTE), bucket: 'under-1-month' },
    { what: 'just under 1 month ago', updatedAt: at(local(2026, 10, 15), MINUTE), bucket: 'under-1-month' },
    { what: 'exactly 1 month ago', updatedAt: at(local(2026, 10, 15)), bucket: 'under-1-month' },
    { what: 'just over 1 month ago', updatedAt: at(local(2026, 10, 15), -MINUTE), bucket: '1-to-3-months' },
    { what: 'exactly 3 months ago', updatedAt: at(local(2026, 8, 15)), bucket: '1-to-3-months' },
    { what: 'just over 3 months ago', updatedAt: at(local(2026, 8, 15), -MINUTE), bucket: '3-to-6-months' },
    { what: 'just over 6 months ago', updatedAt: at(local(2026, 5, 15), -MINUTE), bucket: '6-to-12-months' },
    { what: 'just under 12 months ago', updatedAt: at(local(2025, 11, 15), MINUTE), bucket: '6-to-12-months' },
    { what: 'exactly 12 months ago', updatedAt: at(local(2025, 11, 15)), bucket: '6-to-12-months' },
    { what: 'just over 12 months ago', updatedAt: at(local(2025, 11, 15), -MINUTE), bucket: '1-to-2-years' },
    { what: 'exactly 2 years ago', updatedAt: at(local(2024, 11, 15)), bucket: '1-to-2-years' },
    { what: 'just over 2 years ago', updatedAt: at(local(2024, 11, 15), -MINUTE), bucket: 'over-2-years' },
    { what: 'ten years ago', updatedAt: at(local(2016, 1, 1)), bucket: 'over-2-years' },
    // Braze's own forms: a UTC timestamp without milliseconds, and one with an offset.
    {
      what: 'a day ago, without milliseconds',
      updatedAt: `${at(NOW, -24 * 60 * MINUTE).slice(0, 19)}Z`,
      bucket: 'under-1-month',
    },
    { what: 'three years ago, with an offset', updatedAt: '2023-06-01T09:00:00+02:00', bucket: 'over-2-years' },
  ])('puts a segment updated $what in "$bucket"', ({ updatedAt, bucket }) => {
    expect(bucketOf(updatedAt, NOW)).toBe(bucket)
  })

  it.each([
    {
      what: 'on 31 March, 29 days back',
      now: local(2026, 3, 31, 12),
      updatedAt: local(2026, 3, 2, 12),
      bucket: 'under-1-month',
    },
    {
      what: 'on 31 March, the last day of February',
      now: local(2026, 3, 31, 12),
      updatedAt: local(2026, 2, 28),
      bucket: 'under-1-month',
    },
    {
      what: 'on 31 March, the day before',
      now: local(2026, 3, 31, 12),
      updatedAt: local(2026, 2, 27, 23, 59),
      bucket: '1-to-3-months',
    },
    {
      what: 'on 29 February 2028, a year back is 28 February 2027',
      now: local(2028, 2, 29, 9),
      updatedAt: local(2027, 2, 28, 18),
      bucket: '6-to-12-months',
    },
  ])('clamps month ends as the finding does: $what', ({ now, updatedAt, bucket }) => {
    expect(bucketOf(updatedAt.toISOString(), now)).toBe(bucket)
  })

  it.each([
    {
      what: 'an update date Braze sent unreadable',
      details: { id: 'b-1', tags: [], malformed: ['updated_at'] },
      place: 'unreadable',
    },
    { what: 'an update date that does not read', details: { id: 'b-1', tags: [], updatedAt: 'last Tuesday' } },
    { what: 'an empty update date', details: { id: 'b-1', tags: [], updatedAt: '' }, place: 'unreadable' },
    { what: 'no update date', details: { id: 'b-1', tags: [] }, place: 'not provided' },
    {
      what: 'no update date and an unreadable creation date',
      details: { id: 'b-1', tags: [], malformed: ['created_at'] },
      place: 'not provided',
    },
  ])('counts a segment whose details have $what as such, in no bucket', ({ details, place = 'unreadable' }) => {
    expect(placeOf(details, NOW)).toBe(place)
  })

  it('counts the Braze segments whose details are not loaded apart, and leaves Commanders Act out entirely', () => {
    const segments = [braze('b-1'), braze('b-2'), braze('b-3'), commandersAct('42'), commandersAct('43')]
    const details = new Map<string, BrazeSegmentDetails>([
      ['b-1', { id: 'b-1', tags: [], updatedAt: at(NOW, -2 * 24 * 60 * MINUTE) }],
      // Commanders Act ids are never looked up, even when a Braze segment shares one.
      ['42', { id: '42', tags: [], updatedAt: at(NOW, -MINUTE) }],
    ])
    const ages = updateAges(segments, details, NOW)
    expect(ages).toMatchObject({ notLoaded: 2, unreadable: 0, notProvided: 0 })
    expect(Object.fromEntries(ages.buckets.map((bucket) => [bucket.id, bucket.count]))).toEqual({
      'under-1-month': 1,
      '1-to-3-months': 0,
      '3-to-6-months': 0,
      '6-to-12-months': 0,
      '1-to-2-years': 0,
      'over-2-years': 0,
    })
  })

  it('lists every bucket, in order, even when empty', () => {
    const ages = updateAges([], new Map(), NOW)
    expect(ages).toEqual({
      buckets: IDS.map((id) => expect.objectContaining({ id, count: 0 })),
      notLoaded: 0,
      unreadable: 0,
      notProvided: 0,
    })
  })

  it('counts many segments across the buckets', () => {
    const ages = [2, 20, 40, 100, 200, 400, 800, 1000].map((days) => at(NOW, -days * 24 * 60 * MINUTE))
    const segments = ages.map((_, index) => braze(`b-${index}`))
    const details = new Map(
      ages.map((updatedAt, index): [string, BrazeSegmentDetails] => [
        `b-${index}`,
        { id: `b-${index}`, tags: [], updatedAt },
      ]),
    )
    expect(updateAges(segments, details, NOW).buckets.map((bucket) => bucket.count)).toEqual([2, 1, 1, 1, 1, 2])
  })
})
