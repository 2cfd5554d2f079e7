// Duplicate names within a provider: groups of segments whose names match once normalised, never across providers.
import { describe, expect, it } from 'vitest'
import { findDuplicateNames, type DuplicateNameGroup } from '../../src/findings/duplicates'
import type { Segment } from '../../src/providers/segment'
import { braze, commandersAct } from './segments'

/** Each group as provider, normalised name and member keys, in a stable order. */
const summary = (groups: readonly DuplicateNameGroup[]) =>
  groups
    .map((group) => ({
      provider: group.provider,
      normalisedName: group.normalisedName,
      keys: group.segments.map((segment) => segment.key).sort(),
    }))
    .sort((a, b) => (a.provider + a.normalisedName < b.provider + b.normalisedName ? -1 : 1))

describe('findDuplicateNames', () => {
  it.each([
    { what: 'case', a: 'Clients VIP', b: 'clients vip' },
    { what: 'accents', a: 'Clients fidèles', b: 'Clients fideles' },
    { what: 'ligatures', a: 'Œuvres', b: 'oeuvres' },
    { what: 'punctuation', a: 'Clients: VIP!', b: 'Clients VIP' },
    { what: 'dashes', a: 'Clients – VIP — Lyon', b: 'Clients - VIP - Lyon' },
    { what: 'spacing', a: '  Clients   VIP ', b: 'Clients VIP' },
    { what: 'an emoji', a: 'Clients VIP 🎉', b: 'Clients VIP' },
    { what: 'underscores', a: 'clients_vip', b: 'Clients VIP' },
  ])('groups two Braze names differing only by $what', ({ a, b }) => {
    const first = braze('b1', a)
    const second = braze('b2', b)
    const groups = findDuplicateNames([first, braze('b3', 'Prospects été'), second])
    expect(groups).toHaveLength(1)
    expect(groups[0]?.provider).toBe('braze')
    expect(groups[0]?.segments).toEqual([first, second])
  })

  it('groups Commanders Act names the same way', () => {
    const groups = findDuplicateNames([
      commandersAct('1', 'Visiteurs page prix'),
      commandersAct('2', 'visiteurs  page-prix'),
      commandersAct('3', 'Inscrits'),
    ])
    expect(summary(groups)).toEqual([
      {
        provider: 'commanders-act',
        normalisedName: 'visiteurs page prix',
        keys: ['commanders-act:1', 'commanders-act:2'],
      },
    ])
  })

  it('keeps the segments of a group in list order and names the group by its normalised name', () => {
    const segments = [
      braze('b9', 'CLIENTS FIDÈLES'),
      braze('b2', 'Prospects'),
      braze('b5', 'clients fideles'),
      braze('b1', 'Clients fidèles!'),
    ]
    const [group, ...others] = findDuplicateNames(segments)
    expect(others).toEqual([])
    expect(group?.normalisedName).toBe('clients fideles')
    expect(group?.segments.map((segment) => segment.id)).toEqual(['b9', 'b5', 'b1'])
  })

  it('reports a three-member group once, with every member', () => {
    const groups = findDuplicateNames([
      braze('b1', 'Newsletter'),
      braze('b2', 'newsletter'),
      braze('b3', 'NEWSLETTER ✉'),
      braze('b4', 'Newsletters'),
    ])
    expect(summary(groups)).toEqual([
      { provider: 'braze', normalisedName: 'newsletter', keys: ['braze:b1', 'braze:b2', 'braze:b3'] },
    ])
  })

  it('does not call the same name in both providers a duplicate', () => {
    expect(findDuplicateNames([braze('b1', 'Clients fidèles'), commandersAct('1', 'clients fideles')])).toEqual([])
  })

  it('groups each provider separately when both have duplicates of one name', () => {
    const segments = [
      braze('b1', 'VIP'),
      commandersAct('1', 'vip'),
      braze('b2', 'Prospects'),
      commandersAct('2', 'VIP'),
      braze('b3', 'Vip'),
    ]
    expect(summary(findDuplicateNames(segments))).toEqual([
      { provider: 'braze', normalisedName: 'vip', keys: ['braze:b1', 'braze:b3'] },
      { provider: 'commanders-act', normalisedName: 'vip', keys: ['commanders-act:1', 'commanders-act:2'] },
    ])
  })

  it('ignores names that are empty or only punctuation and emoji', () => {
    const segments = [
      braze('b1', ''),
      braze('b2', ''),
      braze('b3', '—'),
      braze('b4', '!!!'),
      braze('b5', '🎉'),
      commandersAct('1', ''),
      commandersAct('2', ' '),
    ]
    expect(findDuplicateNames(segments)).toEqual([])
  })

  it.each([
    { what: 'a plural', a: 'Engaged users', b: 'Engaged user' },
    { what: 'a typo', a: 'Abonnés newsletter', b: 'Abonnés newsleter' },
    { what: 'a different number', a: 'Clients VIP 2024', b: 'Clients VIP 2025' },
    { what: 'a word order', a: 'VIP clients', b: 'Clients VIP' },
  ])('does not group names differing by $what', ({ a, b }) => {
    expect(findDuplicateNames([braze('b1', a), braze('b2', b)])).toEqual([])
  })

  it('reports several groups and nothing for unique names', () => {
    const segments: Segment[] = [
      braze('b1', 'Clients fidèles'),
      braze('b2', 'Prospects été'),
      braze('b3', 'clients fideles'),
      braze('b4', 'Prospects ete'),
      braze('b5', 'Unique'),
      commandersAct('1', 'Unique'),
    ]
    expect(summary(findDuplicateNames(segments))).toEqual([
      { provider: 'braze', normalisedName: 'clients fideles', keys: ['braze:b1', 'braze:b3'] },
      { provider: 'braze', normalisedName: 'prospects ete', keys: ['braze:b2', 'braze:b4'] },
    ])
  })

  it('uses the names it is given when a nameOf is passed', () => {
    const groups = findDuplicateNames([braze('b1', 'A'), braze('b2', 'B'), braze('b3', 'C')], (segment) =>
      segment.id === 'b3' ? 'other' : 'same',
    )
    expect(summary(groups)).toEqual([{ provider: 'braze', normalisedName: 'same', keys: ['braze:b1', 'braze:b2'] }])
  })

  it('finds nothing in an empty list', () => {
    expect(findDuplicateNames([])).toEqual([])
  })
})
