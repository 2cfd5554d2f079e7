// Sets the tab title for a page, "‹subject› — Segment Audit".
import { useEffect } from 'react'

const APP_NAME = 'Segment Audit'

export function useDocumentTitle(subject: string | undefined) {
  useEffect(() => {
    document.title = subject ? `${subject} — ${APP_NAME}` : APP_NAME
  }, [subject])
}
