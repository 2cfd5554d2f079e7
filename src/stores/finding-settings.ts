// The findings' two settings, chosen on the audit page and read by the list too: staleness in months and the team's
// naming pattern. Remembered in localStorage; one module-level store so every page sees a change at once.
import { useSyncExternalStore } from 'react'
import { z } from 'zod/mini'
import { storedRecord } from '../lib/stored-record'

const STORAGE_KEY = 'segment-audit:finding-settings:v1'

export const STALE_MONTHS_CHOICES = [3, 6, 12, 18, 24, 36] as const

export interface FindingSettingsValue {
  staleMonths: number
  /** A regular expression every name should match; '' for none (the default). */
  namingPattern: string
}

export const DEFAULT_FINDING_SETTINGS: FindingSettingsValue = { staleMonths: 12, namingPattern: '' }

const storedSchema = z.object({
  staleMonths: z.catch(z.number().check(z.int(), z.gte(1), z.lte(120)), DEFAULT_FINDING_SETTINGS.staleMonths),
  namingPattern: z.catch(z.string().check(z.maxLength(500)), DEFAULT_FINDING_SETTINGS.namingPattern),
})

const stored = storedRecord(() => localStorage, STORAGE_KEY, storedSchema)

let current: FindingSettingsValue | undefined
const listeners = new Set<() => void>()

function getSnapshot(): FindingSettingsValue {
  current ??= stored.read() ?? DEFAULT_FINDING_SETTINGS
  return current
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function updateFindingSettings(change: Partial<FindingSettingsValue>): void {
  current = { ...getSnapshot(), ...change }
  // Where storage is full or disabled, the choice still holds for this visit.
  stored.write(current)
  for (const listener of listeners) listener()
}

export function useFindingSettings(): FindingSettingsValue {
  return useSyncExternalStore(subscribe, getSnapshot)
}

/** Tests start each case from what is in localStorage, as a fresh page would. */
export function resetFindingSettingsForTests(): void {
  current = undefined
}
