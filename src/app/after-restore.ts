// What the app may have to do once its cache is back, loaded apart (app.tsx loads it only when one of these has
// something to do): it resumes a details scan that a reload interrupted, whatever page the app opened on, fills in the
// Braze details the team's scans kept, and sends the verdicts and notes segment pages left unsaved in this tab as soon
// as the audit server answers.
import type { QueryClient } from '@tanstack/react-query'
import { localScanMarkerStore } from '../features/audit/scan-marker'
import { sendLeftDrafts } from '../stores/left-drafts'
import { loadTeamDetails } from '../stores/team-details'

export function afterRestore(queryClient: QueryClient): void {
  // The scan's code loads only when there is a scan to resume.
  if (localScanMarkerStore.read())
    void import('../features/audit/details-scan').then(({ detailsScanFor }) =>
      detailsScanFor(queryClient).resumeInterrupted(),
    )
  void loadTeamDetails(queryClient)
  sendLeftDrafts(queryClient)
}
