// Braze's segment list paging, as the browser's listing and the proxy both read it.

/** Braze's fixed list page size: a shorter page is the last one. */
export const BRAZE_PAGE_SIZE = 100
