// Whether a verdict moves on to the next segment of the view: on by default, remembered in this browser.
import { useState } from 'react'

const STORAGE_KEY = 'segment-audit:move-on:v1'

function readStored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off'
  } catch {
    return true
  }
}

export function useMoveOn() {
  const [moveOn, setMoveOn] = useState(readStored)
  const remember = (value: boolean) => {
    try {
      localStorage.setItem(STORAGE_KEY, value ? 'on' : 'off')
    } catch {
      // Storage disabled: the choice holds for this visit.
    }
    setMoveOn(value)
  }
  return [moveOn, remember] as const
}
