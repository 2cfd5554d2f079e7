// Where a details scan under way is marked in localStorage: here apart from the marker's own code (scan-marker.ts),
// which the list's first load does not carry, so that the app can tell it has a scan to resume (src/app/app.tsx).
export const SCAN_MARKER_KEY = 'segment-audit:details-scan:v1'
