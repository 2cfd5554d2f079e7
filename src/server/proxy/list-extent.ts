// How many pages the Braze list took when the proxy last saw its end. A page that knows it asks for all of them at
// once, instead of one request first to see whether Braze answers (a whole round trip to Braze before the others).
// Any failed list page forgets it, so that the next page load tries Braze with one request again.
import { BRAZE_PAGE_SIZE } from '../../providers/braze/paging.ts'

export interface ListExtent {
  /** One list request's pages in order from `firstPage`: each page's segment count, or null for a failed page. */
  observe: (firstPage: number, counts: readonly (number | null)[]) => void
  /** The pages a whole listing takes (the last one short or empty), or null when not known. */
  pages: () => number | null
}

export function createListExtent(): ListExtent {
  /** The lowest page seen short since the list was last seen longer: its end. */
  let lastPage: number | null = null
  return {
    observe(firstPage, counts) {
      if (!counts.every((count) => count !== null)) {
        lastPage = null
        return
      }
      counts.forEach((count, index) => {
        const page = firstPage + index
        // Pages past the end are empty too, so the lowest short page wins; a full page at or past it: the list grew.
        if (count < BRAZE_PAGE_SIZE) lastPage = lastPage === null ? page : Math.min(lastPage, page)
        else if (lastPage !== null && page >= lastPage) lastPage = null
      })
    },
    pages: () => (lastPage === null ? null : lastPage + 1),
  }
}
