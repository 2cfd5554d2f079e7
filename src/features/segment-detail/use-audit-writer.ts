// Sends one field's write and puts the server's answer in the shared audit snapshot at once.
import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { AuditWrite } from '../../stores/audit-contract'
import { sendAuditWrite, type WriteResult } from '../../stores/audit-writes'
import { rememberAuditEntries } from '../../stores/audit-queries'

export type AuditWriter = (write: AuditWrite, options?: { keepalive?: boolean }) => Promise<WriteResult>

export function useAuditWriter(reviewer: string): AuditWriter {
  const queryClient = useQueryClient()
  return useCallback(
    async (write, options) => {
      const result = await sendAuditWrite(write, reviewer, options)
      rememberAuditEntries(queryClient, [result.entry])
      return result
    },
    [queryClient, reviewer],
  )
}
