// The naming pattern as typed: blank is none, a valid expression applies as is, an invalid one says why and stays off.
import { describe, expect, it } from 'vitest'
import { compileNamingPattern } from '../../src/findings/naming-pattern'

/** The compiled pattern, failing the test when the source is refused. */
function compiled(source: string): RegExp | null {
  const result = compileNamingPattern(source)
  if (!result.ok) throw new Error(`refused ${source}: ${result.problem}`)
  return result.pattern
}

describe('compileNamingPattern', () => {
  it.each(['', ' ', '   ', '\t\n'])('takes a blank source (%j) as no convention', (source) => {
    expect(compileNamingPattern(source)).toEqual({ ok: true, pattern: null })
  })

  it.each([
    {
      source: '^\\[(FR|EN)\\] ',
      matches: ['[FR] Clients fidèles', '[EN] Cart Abandoners'],
      breaks: ['Clients fidèles', '[DE] Kunden', 'x [FR] y'],
    },
    {
      source: '^[A-Z]{2,4}_',
      matches: ['CRM_Clients', 'BF_Acheteurs'],
      breaks: ['crm_clients', 'C_Clients', 'Clients'],
    },
    { source: '^\\p{Lu}', matches: ['Élodie fans', 'Clients'], breaks: ['élodie fans', '42 clients'] },
    {
      source: ' - (web|app)$',
      matches: ['Onboarding - web', 'Onboarding - app'],
      breaks: ['Onboarding - email', 'Onboarding - web only'],
    },
    // Not anchored: the expression may match anywhere in the name, as JavaScript does.
    { source: 'VIP', matches: ['Clients VIP Lyon', 'VIP'], breaks: ['Clients vip'] },
  ])('compiles $source and tests names with it', ({ source, matches, breaks }) => {
    const pattern = compiled(source)
    expect(pattern).toBeInstanceOf(RegExp)
    for (const name of matches) expect(pattern?.test(name), name).toBe(true)
    for (const name of breaks) expect(pattern?.test(name), name).toBe(false)
  })

  it('gives the same answer every time it tests a name (no state between calls)', () => {
    const pattern = compiled('^CRM_')
    expect([1, 2, 3].map(() => pattern?.test('CRM_Clients'))).toEqual([true, true, true])
  })

  it.each([
    { source: 'FR\\_', name: 'FR_Clients', other: 'FR-Clients' },
    { source: '^CRM\\-', name: 'CRM-Relance', other: 'CRM_Relance' },
  ])('reads an escape Unicode mode refuses ($source) literally', ({ source, name, other }) => {
    expect(compiled(source)?.test(name)).toBe(true)
    expect(compiled(source)?.test(other)).toBe(false)
  })

  it('keeps the source text as typed', () => {
    expect(compiled('^[A-Z]{2}_ ')?.source).toBe('^[A-Z]{2}_ ')
  })

  it.each([
    { what: 'an unclosed group', source: '^(FR|EN' },
    { what: 'an unclosed class', source: '^[A-Z' },
    { what: 'a quantifier with nothing before it', source: '*VIP' },
    { what: 'a reversed range', source: '[z-a]' },
    { what: 'a trailing backslash', source: 'VIP\\' },
  ])('refuses $what ($source) and says why', ({ source }) => {
    const result = compileNamingPattern(source)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.problem.length).toBeGreaterThan(0)
      expect(result).not.toHaveProperty('pattern')
    }
  })
})
