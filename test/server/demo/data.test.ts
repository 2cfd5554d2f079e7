// The demo data: reproducible, well-formed, and holding every awkward case the app must survive.
import { describe, it, expect } from 'vitest'
import { generateDemoData } from '../../../src/server/demo/data'

const NOW = new Date('2026-11-01T00:00:00.000Z')
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/
const small = generateDemoData({ brazeCount: 50, commandersActCount: 20, seed: 1, now: NOW })
const large = generateDemoData({ brazeCount: 10_000, commandersActCount: 2_000, seed: 1, now: NOW })

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim()
const share = (count: number, total: number) => count / total

describe('generateDemoData', () => {
  it('gives the same data for the same options and different data for another seed', () => {
    const options = { brazeCount: 300, commandersActCount: 60, seed: 42, now: NOW }
    expect(generateDemoData(options)).toEqual(generateDemoData(options))
    expect(generateDemoData({ ...options, seed: 43 }).braze[0]?.id).not.toBe(generateDemoData(options).braze[0]?.id)
  })

  it('is pure without options for seed and now', () => {
    expect(generateDemoData({ brazeCount: 20, commandersActCount: 5 })).toEqual(
      generateDemoData({ brazeCount: 20, commandersActCount: 5 }),
    )
  })

  it('generates the requested counts, including none', () => {
    expect(large.braze).toHaveLength(10_000)
    expect(large.commandersAct).toHaveLength(2_000)
    expect(generateDemoData({ brazeCount: 0, commandersActCount: 0 })).toEqual({ braze: [], commandersAct: [] })
    expect(() => generateDemoData({ brazeCount: -1, commandersActCount: 0 })).toThrow(/brazeCount/)
  })

  it('gives unique ids in each provider format', () => {
    expect(new Set(large.braze.map((s) => s.id)).size).toBe(10_000)
    expect(new Set(large.commandersAct.map((s) => s.id)).size).toBe(2_000)
    expect(large.braze.every((s) => UUID_V4.test(s.id))).toBe(true)
    expect(large.commandersAct.every((s) => /^[0-9A-F]{8}$/.test(s.id))).toBe(true)
  })

  it('orders Braze segments by creation, over about four years, with updates never before creation', () => {
    const created = large.braze.map((s) => Date.parse(s.createdAt))
    expect(created.every((time, i) => i === 0 || time > (created[i - 1] ?? Infinity))).toBe(true)
    expect(NOW.getTime() - (created[0] ?? 0)).toBeGreaterThan(3.5 * 365 * 86_400_000)
    const malformed = large.braze.filter(
      (s) =>
        !ISO.test(s.createdAt) ||
        !ISO.test(s.updatedAt) ||
        Date.parse(s.updatedAt) < Date.parse(s.createdAt) ||
        Date.parse(s.updatedAt) > NOW.getTime(),
    )
    expect(malformed).toEqual([])
    const withMillis = large.braze.filter((s) => s.createdAt.includes('.')).length
    expect(share(withMillis, 10_000)).toBeGreaterThan(0.3)
    expect(share(withMillis, 10_000)).toBeLessThan(0.9)
    const staleForYears = large.braze.filter((s) => NOW.getTime() - Date.parse(s.updatedAt) > 2 * 365 * 86_400_000)
    expect(staleForYears.length).toBeGreaterThan(100)
  })

  it('makes index 0 of each provider an ordinary, complete segment', () => {
    for (const data of [small, large]) {
      const [braze] = data.braze
      expect(braze).toMatchObject({ analyticsTrackingEnabled: true, teams: ['CRM'] })
      expect(braze?.tags?.length).toBeGreaterThan(0)
      expect(braze?.tags).not.toContain(null)
      expect(braze?.textDescription).toMatch(/\w/)
      expect(braze?.baseSize).toBeGreaterThan(0)
      for (const name of [braze?.name, data.commandersAct[0]?.label]) {
        expect(name).toMatch(/^[^=+\-@<\s].{2,119}$/u)
        expect(name).not.toMatch(/test|tmp|copy of|[<>]/i)
      }
    }
  })

  it('holds every awkward Braze case within 50 segments', () => {
    const names = small.braze.map((s) => s.name)
    expect(small.braze.some((s) => s.tags === undefined)).toBe(true)
    expect(small.braze.some((s) => s.tags?.includes(null))).toBe(true)
    expect(small.braze.some((s) => s.tags?.length === 0)).toBe(true)
    expect(small.braze.some((s) => s.textDescription === undefined)).toBe(true)
    expect(small.braze.some((s) => s.textDescription === null)).toBe(true)
    expect(small.braze.some((s) => s.textDescription === '')).toBe(true)
    expect(small.braze.some((s) => s.textDescription?.includes('https://'))).toBe(true)
    expect(small.braze.some((s) => s.teams === undefined)).toBe(true)
    expect(small.braze.some((s) => !s.analyticsTrackingEnabled)).toBe(true)
    expect(small.braze.some((s) => s.baseSize === 0)).toBe(true)
    expect(names).toContain('<img src=x onerror=alert(1)>')
    expect(names).toContain('<b>VIP</b>')
    expect(names).toEqual(
      expect.arrayContaining(['=HYPERLINK("http://x","y")', '+33 leads', '-10% promo', '@mention segment']),
    )
    expect(names).toEqual(expect.arrayContaining(['test', 'TMP - do not use']))
    expect(names.some((name) => name.startsWith('Copy of '))).toBe(true)
    expect(names.some((name) => name.length > 120)).toBe(true)
    expect(new Set(names).size).toBeLessThan(names.length)
    expect(
      small.braze.every((s) => s.description.startsWith('Users who:\n  - ') || s.description === 'All users'),
    ).toBe(true)
  })

  it('holds the awkward Commanders Act labels within 20 segments, and matches across providers', () => {
    const labels = small.commandersAct.map((s) => s.label)
    expect(labels).toContain('<img src=x onerror=alert(1)>')
    expect(labels).toContain('test')
    expect(new Set(labels).size).toBeLessThan(labels.length)
    const brazeNames = small.braze.map((s) => s.name)
    expect(brazeNames).toContain('Clients fidèles')
    expect(labels).toContain('clients fideles')
    expect(labels.some((label) => brazeNames.includes(label))).toBe(true)
  })

  it('keeps realistic proportions at scale', () => {
    const count = (test: (s: (typeof large.braze)[number]) => boolean) => share(large.braze.filter(test).length, 10_000)
    expect(count((s) => s.tags === undefined)).toBeGreaterThan(0.03)
    expect(count((s) => s.tags === undefined)).toBeLessThan(0.08)
    expect(count((s) => s.tags?.includes(null) === true)).toBeGreaterThan(0.015)
    expect(count((s) => s.tags?.includes(null) === true)).toBeLessThan(0.045)
    expect(count((s) => s.tags?.length === 0)).toBeGreaterThan(0.05)
    expect(count((s) => s.analyticsTrackingEnabled)).toBeGreaterThan(0.65)
    expect(count((s) => s.analyticsTrackingEnabled)).toBeLessThan(0.75)
    expect(count((s) => s.name.length > 120)).toBeGreaterThan(0)
    expect(count((s) => /[éèàçîô]/.test(s.name))).toBeGreaterThan(0.2)
    expect(count((s) => /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(s.name))).toBeGreaterThan(0.02)
    // Plausible variety: duplicates exist but stay a small minority.
    expect(share(new Set(large.braze.map((s) => s.name)).size, 10_000)).toBeGreaterThan(0.9)
    const tags = new Set(large.braze.flatMap((s) => s.tags ?? []))
    expect([...tags]).toEqual(
      expect.arrayContaining(['newsletter', 'crm', 'fr', 'vip', 'retention', 'airbyte', 'test', null]),
    )
  })

  it('lets a good share of Commanders Act labels match a Braze name once case and accents are folded', () => {
    const brazeNames = new Set(large.braze.map((s) => fold(s.name)))
    const matching = large.commandersAct.filter((s) => brazeNames.has(fold(s.label))).length
    expect(share(matching, 2_000)).toBeGreaterThan(0.1)
    expect(share(matching, 2_000)).toBeLessThan(0.5)
  })
})
