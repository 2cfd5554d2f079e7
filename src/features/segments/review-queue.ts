// Where a segment stands in a list view, even once a verdict has taken it out of that view (reviewing the Unreviewed):
// the neighbours are the view's rows just before and after its place in the sorted list.
import type { SegmentRow } from './segment-rows'

export interface QueuePlace {
  previous: SegmentRow | undefined
  next: SegmentRow | undefined
  /** 1-based position in the view; for a segment no longer in it, the position of the next one. */
  position: number
  total: number
  /** The segment is still in the view (not taken out of it by its new verdict). */
  inView: boolean
}

export function placeInView(
  sorted: readonly SegmentRow[],
  visible: readonly SegmentRow[],
  key: string,
): QueuePlace | undefined {
  const index = visible.findIndex((row) => row.key === key)
  if (index >= 0)
    return {
      previous: visible[index - 1],
      next: visible[index + 1],
      position: index + 1,
      total: visible.length,
      inView: true,
    }
  const sortedIndex = sorted.findIndex((row) => row.key === key)
  if (sortedIndex < 0) return undefined
  const order = new Map(sorted.map((row, position) => [row.key, position]))
  const after = visible.findIndex((row) => (order.get(row.key) ?? -1) > sortedIndex)
  const before = after === -1 ? visible.length : after
  return {
    previous: visible[before - 1],
    next: visible[before],
    position: before + 1,
    total: visible.length,
    inView: false,
  }
}
