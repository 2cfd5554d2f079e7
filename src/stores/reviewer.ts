// The reviewer's name, asked once and remembered in this browser, recorded with each verdict.
import { useCallback, useState } from 'react'

const STORAGE_KEY = 'segment-audit:reviewer:v1'

function readReviewer(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? ''
  } catch {
    return ''
  }
}

export function useReviewer() {
  const [reviewer, setReviewer] = useState(readReviewer)
  const remember = useCallback((name: string) => {
    const trimmed = name.trim()
    try {
      localStorage.setItem(STORAGE_KEY, trimmed)
    } catch {
      // Storage disabled: the name still holds for this visit.
    }
    setReviewer(trimmed)
  }, [])
  return [reviewer, remember] as const
}
