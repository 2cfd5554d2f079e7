// What the app does once its cache is back, loaded apart from the first screen: it resumes a details scan that a
// reload interrupted, whatever page the app opened on, and fills in the Braze details the team's scans kept.
import type { QueryClient } from '@tanstack/react-query'
import { localScanMarkerStore } from '../features/audit/scan-marker'
import { loadTeamDetails } from '../stores/team-details'

export function afterRestore(queryClient: QueryClient): void {
  // The scan's code loads only when there is a scan to resume.
  if (localScanMarkerStore.read())
    void import('../features/audit/details-scan').then(({ detailsScanFor }) =>
      detailsScanFor(queryClient).resumeInterrupted(),
    )
  void loadTeamDetails(queryClient)
}
