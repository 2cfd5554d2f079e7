// @vitest-environment jsdom
// The finding settings store: defaults, a change seen at once by all readers and remembered, bad stored values ignored.
import { act, renderHook } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import {
  DEFAULT_FINDING_SETTINGS,
  resetFindingSettingsForTests,
  STALE_MONTHS_CHOICES,
  updateFindingSettings,
  useFindingSettings,
} from '../../src/stores/finding-settings'

const STORAGE_KEY = 'segment-audit:finding-settings:v1'

/** What a freshly opened page reads, after storing `raw` (a string as is, anything else as JSON). */
function readOnFreshPage(raw: unknown) {
  localStorage.setItem(STORAGE_KEY, typeof raw === 'string' ? raw : JSON.stringify(raw))
  resetFindingSettingsForTests()
  return renderHook(() => useFindingSettings()).result.current
}

describe('finding settings', () => {
  it('defaults to 12 months and no naming pattern', () => {
    expect(renderHook(() => useFindingSettings()).result.current).toEqual({ staleMonths: 12, namingPattern: '' })
  })

  it('offers 12 months among its choices', () => {
    expect(STALE_MONTHS_CHOICES).toContain(DEFAULT_FINDING_SETTINGS.staleMonths)
    expect([...STALE_MONTHS_CHOICES]).toEqual([...STALE_MONTHS_CHOICES].sort((a, b) => a - b))
  })

  it('re-renders every reader on a change, keeping what was not changed', () => {
    const first = renderHook(() => useFindingSettings())
    const second = renderHook(() => useFindingSettings())
    act(() => updateFindingSettings({ staleMonths: 6 }))
    expect(first.result.current).toEqual({ staleMonths: 6, namingPattern: '' })
    expect(second.result.current).toEqual({ staleMonths: 6, namingPattern: '' })
    act(() => updateFindingSettings({ namingPattern: '^\\[(FR|EN)\\] ' }))
    expect(first.result.current).toEqual({ staleMonths: 6, namingPattern: '^\\[(FR|EN)\\] ' })
    expect(second.result.current).toEqual({ staleMonths: 6, namingPattern: '^\\[(FR|EN)\\] ' })
  })

  it('keeps giving the same value while nothing changes', () => {
    const { result, rerender } = renderHook(() => useFindingSettings())
    const before = result.current
    rerender()
    expect(result.current).toBe(before)
  })

  it('remembers a change in localStorage for the next visit', () => {
    act(() => updateFindingSettings({ staleMonths: 18, namingPattern: '^CRM_' }))
    expect(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')).toEqual({ staleMonths: 18, namingPattern: '^CRM_' })
    resetFindingSettingsForTests()
    expect(renderHook(() => useFindingSettings()).result.current).toEqual({ staleMonths: 18, namingPattern: '^CRM_' })
  })

  it.each([
    { stored: { staleMonths: 6, namingPattern: '^CRM_' } },
    { stored: { staleMonths: 1, namingPattern: '' } },
    { stored: { staleMonths: 120, namingPattern: 'x'.repeat(500) } },
    { stored: { staleMonths: 7, namingPattern: '(' } },
  ])('reads back a valid stored value: $stored.staleMonths months', ({ stored }) => {
    expect(readOnFreshPage(stored)).toEqual(stored)
  })

  it.each([
    { what: 'text that is not JSON', raw: '{staleMonths: 6' },
    { what: 'an empty string', raw: '' },
    { what: 'null', raw: 'null' },
    { what: 'a number', raw: '42' },
    { what: 'a string', raw: '"12"' },
    { what: 'an array', raw: '[6, "^CRM_"]' },
  ])('falls back to the defaults for $what', ({ raw }) => {
    expect(readOnFreshPage(raw)).toEqual(DEFAULT_FINDING_SETTINGS)
  })

  it.each([
    { what: '0 months', staleMonths: 0 },
    { what: 'negative months', staleMonths: -6 },
    { what: 'more than 120 months', staleMonths: 121 },
    { what: 'a fraction', staleMonths: 6.5 },
    { what: 'months as text', staleMonths: '6' },
    { what: 'null months', staleMonths: null },
  ])('falls back to 12 months for $what, keeping a valid pattern', ({ staleMonths }) => {
    expect(readOnFreshPage({ staleMonths, namingPattern: '^CRM_' })).toEqual({
      staleMonths: 12,
      namingPattern: '^CRM_',
    })
  })

  it.each([
    { what: 'a pattern longer than 500 characters', namingPattern: 'x'.repeat(501) },
    { what: 'a pattern that is a number', namingPattern: 42 },
    { what: 'a null pattern', namingPattern: null },
  ])('falls back to no pattern for $what, keeping valid months', ({ namingPattern }) => {
    expect(readOnFreshPage({ staleMonths: 24, namingPattern })).toEqual({ staleMonths: 24, namingPattern: '' })
  })

  it('fills in a missing field and ignores unknown ones', () => {
    expect(readOnFreshPage({ staleMonths: 36, extra: true })).toEqual({ staleMonths: 36, namingPattern: '' })
    expect(readOnFreshPage({ namingPattern: '^CRM_' })).toEqual({ staleMonths: 12, namingPattern: '^CRM_' })
  })

  it('keeps a change for this visit when localStorage refuses to store it', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError')
    })
    const { result } = renderHook(() => useFindingSettings())
    act(() => updateFindingSettings({ staleMonths: 3 }))
    expect(setItem).toHaveBeenCalled()
    expect(result.current.staleMonths).toBe(3)
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull()
  })
})
