// Who is reviewing. On a team server behind an authenticating proxy the server says (AUTH_USER_HEADER); otherwise the
// reviewer types a name once, remembered in this browser and sent with each write.
import { useQuery } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import { serverReviewerQuery } from './audit-queries'

const STORAGE_KEY = 'segment-audit:reviewer:v1'

export function readReviewer(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? ''
  } catch {
    return ''
  }
}

export interface ReviewerState {
  /** The name writes are recorded under; empty until known. */
  reviewer: string
  /** The server names the reviewer: the page must not ask for a name. */
  fromServer: boolean
  /** Still asking the server whether it names the reviewer. */
  loading: boolean
  remember: (name: string) => void
}

export function useReviewer(): ReviewerState {
  const server = useQuery(serverReviewerQuery())
  const [typed, setTyped] = useState(readReviewer)
  const remember = useCallback((name: string) => {
    const trimmed = name.trim()
    try {
      localStorage.setItem(STORAGE_KEY, trimmed)
    } catch {
      // Storage disabled: the name still holds for this visit.
    }
    setTyped(trimmed)
  }, [])
  const fromServer = typeof server.data === 'string'
  return { reviewer: fromServer ? (server.data ?? '') : typed, fromServer, loading: server.isPending, remember }
}
