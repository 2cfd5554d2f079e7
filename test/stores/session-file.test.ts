// The session file: a round trip through JSON, and refusals a person understands, with the reason and field the page
// words them from: not JSON, another app's file, a newer version, a bad key, a bad or future date, a bad origin, too
// many entries, too large. (The merge of an accepted file happens on the server: test/server/audit.)
import { describe, expect, it } from 'vitest'
import {
  buildSessionFile,
  parseSessionFile,
  SessionFileError,
  type SessionEntry,
  type SessionFile,
  type SessionSegment,
} from '../../src/stores/session-file'

const BRAZE_1 = 'braze:8b922b25-dcc6-4e4d-b345-f7b06106046c'
const BRAZE_2 = 'braze:0f4c3a1e-57d2-4c0b-9f1e-2d3c4b5a6978'
const CA_42 = 'commanders-act:0000002A'
const CA_43 = 'commanders-act:BBFAC450'
const NOW = new Date('2025-03-02T08:00:00.000Z')
const MINUTE = 60_000
const NOTED = '2025-03-01T10:00:00.000Z'

function entry(fields: Partial<SessionEntry> = {}): SessionEntry {
  return {
    key: BRAZE_1,
    verdict: 'archive',
    note: 'Duplicate of spring',
    reviewer: 'Camille',
    reviewedAt: '2025-03-01T10:00:00.000Z',
    ...fields,
  }
}

const segments: SessionSegment[] = [
  { key: BRAZE_1, name: 'Clients fidèles', tags: ['loyalty', 'vip'] },
  { key: CA_42, name: 'Prospects « été »', tags: null },
  { key: BRAZE_2, name: '', tags: [] },
]

/** A well-formed session file as text, with some of its fields replaced. */
function sessionText(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...buildSessionFile([entry()], segments, ['braze'], NOW), ...fields })
}

/** The error parseSessionFile throws for a text, failing the test if it accepts it or throws something else. */
function refusal(text: string): SessionFileError {
  try {
    parseSessionFile(text, NOW)
  } catch (error) {
    expect(error).toBeInstanceOf(SessionFileError)
    return error as SessionFileError
  }
  throw new Error(`parseSessionFile accepted ${text.slice(0, 200)}`)
}

describe('buildSessionFile → JSON → parseSessionFile', () => {
  it.each([
    { what: 'an empty session', entries: [], segments: [] },
    { what: 'one entry and no segments', entries: [entry()], segments: [] },
    {
      what: 'every verdict, notes with quotes, accents and new lines, and segments with and without tags',
      entries: [
        entry({ key: BRAZE_1, verdict: 'keep', note: '' }),
        entry({ key: BRAZE_2, verdict: 'fix', note: 'Rename to "Clients fidèles"\nthen re-check' }),
        entry({ key: CA_42, verdict: 'archive', reviewer: 'Zoé', reviewedAt: '2025-02-28T23:59:59.999Z' }),
        entry({ key: CA_43, verdict: 'unreviewed', note: 'Ask the CRM team ✉' }),
      ],
      segments,
    },
    {
      what: 'each field with its own author and time, null where never set',
      entries: [
        entry({
          verdictBy: 'Bob',
          verdictAt: '2025-02-27T09:00:00.000Z',
          noteBy: 'Camille',
          noteAt: NOTED,
        }),
        entry({ key: CA_42, verdict: 'unreviewed', verdictBy: null, verdictAt: null, noteBy: 'Léa', noteAt: NOTED }),
      ],
      segments,
    },
  ])('gives back $what unchanged', ({ entries, segments }) => {
    const built = buildSessionFile(entries, segments, ['braze', 'commanders-act'], NOW)
    const expected: SessionFile = {
      format: 'segment-audit-session',
      version: 1,
      exportedAt: '2025-03-02T08:00:00.000Z',
      entries,
      segments,
      snapshotProviders: ['braze', 'commanders-act'],
    }
    expect(built).toEqual(expected)
    expect(parseSessionFile(JSON.stringify(built), NOW)).toEqual(expected)
  })

  it('gives back the workspace and site the file was exported from, and none for a file without them', () => {
    const origin = { braze: 'braze-0123456789abcdef', commandersAct: null }
    const built = buildSessionFile([entry()], segments, ['braze'], NOW, origin)
    expect(parseSessionFile(JSON.stringify(built), NOW).origin).toEqual(origin)
    expect(parseSessionFile(sessionText(), NOW)).not.toHaveProperty('origin')
  })
})

describe('parseSessionFile refusals', () => {
  it.each([
    { what: 'plain text', text: 'hello' },
    { what: 'a CSV export', text: `key,name,verdict\n${BRAZE_1},Clients fidèles,keep\n` },
    { what: 'an empty file', text: '' },
    { what: 'a truncated session', text: sessionText().slice(0, -10) },
  ])('refuses $what as not JSON', ({ text }) => {
    const { message, reason } = refusal(text)
    expect(reason).toBe('not-json')
    expect(message).toBe('This file is not JSON: choose a session exported from Segment Audit (.json).')
  })

  it.each([
    { what: 'an object of another app', text: '{"foo":1}' },
    { what: 'an array', text: '[]' },
    { what: 'null', text: 'null' },
    { what: 'a number', text: '42' },
    { what: 'a string', text: '"segment-audit-session"' },
    { what: 'another format name', text: sessionText({ format: 'segment-audit-export' }) },
    { what: 'a file without a format', text: sessionText({ format: undefined }) },
  ])('refuses $what as not a session', ({ text }) => {
    const { message, reason } = refusal(text)
    expect(reason).toBe('not-session')
    expect(message).toBe('This file is not a Segment Audit session.')
  })

  it.each([
    { what: 'version 2 of a whole session', text: sessionText({ version: 2 }), version: 2 },
    {
      what: 'version 2 with fields this version does not know',
      text: '{"format":"segment-audit-session","version":2,"rows":[]}',
      version: 2,
    },
    { what: 'version 10', text: sessionText({ version: 10 }), version: 10 },
  ])('refuses $what as made by a newer version', ({ text, version }) => {
    const { message, reason, params } = refusal(text)
    expect(reason).toBe('newer-version')
    expect(params).toEqual({ version })
    expect(message).toMatch(/newer version of Segment Audit/)
    expect(message).toContain(`format ${version}`)
  })

  const future = (ms: number) => new Date(NOW.getTime() + ms).toISOString()

  it.each([
    {
      what: 'an entry with the verdict "maybe"',
      fields: { entries: [{ ...entry(), verdict: 'maybe' }] },
      path: 'entries.0.verdict',
    },
    { what: 'an entry without a key', fields: { entries: [{ ...entry(), key: undefined }] }, path: 'entries.0.key' },
    { what: 'an entry with an empty key', fields: { entries: [{ ...entry(), key: '' }] }, path: 'entries.0.key' },
    {
      what: 'an entry keyed constructor:x',
      fields: { entries: [entry({ key: 'constructor:x' })] },
      path: 'entries.0.key',
    },
    { what: 'an entry keyed __proto__:x', fields: { entries: [entry({ key: '__proto__:x' })] }, path: 'entries.0.key' },
    {
      what: 'an entry of another provider',
      fields: { entries: [entry({ key: 'mailchimp:7' })] },
      path: 'entries.0.key',
    },
    {
      what: 'a Braze key that is not a segment id',
      fields: { entries: [entry({ key: 'braze:b-1' })] },
      path: 'entries.0.key',
    },
    {
      what: 'a second entry with reviewedAt a number',
      fields: { entries: [entry(), { ...entry({ key: BRAZE_2 }), reviewedAt: 1740823200000 }] },
      path: 'entries.1.reviewedAt',
    },
    {
      what: 'an entry reviewed at "not a date"',
      fields: { entries: [entry({ reviewedAt: 'not a date' })] },
      path: 'entries.0.reviewedAt',
    },
    {
      what: 'a second entry reviewed 5 minutes and 1 second from now',
      fields: { entries: [entry(), entry({ key: BRAZE_2, reviewedAt: future(5 * MINUTE + 1000) })] },
      path: 'entries.1.reviewedAt',
    },
    {
      what: 'an entry reviewed on 9999-12-31',
      fields: { entries: [entry({ reviewedAt: '9999-12-31T00:00:00Z' })] },
      path: 'entries.0.reviewedAt',
    },
    { what: 'an entry without a note', fields: { entries: [{ ...entry(), note: undefined }] }, path: 'entries.0.note' },
    {
      what: 'a verdict set at "not a date"',
      fields: { entries: [entry({ verdictBy: 'Bob', verdictAt: 'not a date' })] },
      path: 'entries.0.verdictAt',
    },
    {
      what: 'a second entry whose note was written on 9999-12-31',
      fields: { entries: [entry(), entry({ key: BRAZE_2, noteBy: 'Alice', noteAt: '9999-12-31T00:00:00Z' })] },
      path: 'entries.1.noteAt',
    },
    {
      what: 'a note written by a name of 201 characters',
      fields: { entries: [entry({ noteBy: 'A'.repeat(201), noteAt: '2025-03-01T10:00:00.000Z' })] },
      path: 'entries.0.noteBy',
    },
    { what: 'entries that are not a list', fields: { entries: { [BRAZE_1]: entry() } }, path: 'entries' },
    { what: 'segments that are not a list', fields: { segments: BRAZE_1 }, path: 'segments' },
    {
      what: 'a segment keyed constructor:x',
      fields: { segments: [{ key: 'constructor:x', name: 'VIP', tags: [] }] },
      path: 'segments.0.key',
    },
    {
      what: 'a segment with tags that are not text',
      fields: { segments: [{ key: BRAZE_1, name: 'VIP', tags: [1] }] },
      path: 'segments.0.tags.0',
    },
    { what: 'a missing export date', fields: { exportedAt: undefined }, path: 'exportedAt' },
    { what: 'an origin that is not an object', fields: { origin: 'braze-0123' }, path: 'origin' },
    { what: 'an origin without its site', fields: { origin: { braze: 'demo' } }, path: 'origin.commandersAct' },
    { what: 'an older version', fields: { version: 0 }, path: 'version' },
  ])('refuses $what as damaged, naming the field $path', ({ fields, path }) => {
    const { message, reason, params } = refusal(sessionText(fields))
    expect(reason).toBe('damaged')
    expect(params.field).toBe(path)
    expect(message).toMatch(/^This session file is damaged: /)
    expect(message).toContain(`field “${path}”`)
  })

  it.each([
    { what: 'a bad key', fields: { key: 'constructor:x' }, problem: 'is not a Braze or Commanders Act segment key' },
    { what: 'a date that does not parse', fields: { reviewedAt: 'not a date' }, problem: 'is not a date' },
    { what: 'a date in the future', fields: { reviewedAt: '9999-12-31T00:00:00Z' }, problem: 'is in the future' },
  ])('says what is wrong with $what', ({ fields, problem }) => {
    expect(refusal(sessionText({ entries: [entry(fields)] })).params.problem).toBe(problem)
  })

  it.each([
    { what: 'now', at: future(0) },
    { what: '4 minutes ahead (another machine’s clock)', at: future(4 * MINUTE) },
    { what: 'exactly 5 minutes ahead', at: future(5 * MINUTE) },
  ])('accepts a review dated $what', ({ at }) => {
    const file = parseSessionFile(sessionText({ entries: [entry({ reviewedAt: at })] }), NOW)
    expect(file.entries.map((one) => one.reviewedAt)).toEqual([at])
  })

  describe('size', () => {
    const many = (count: number) => Array.from({ length: count }, (_, index) => entry({ note: `${index}` }))

    it('accepts 50,000 entries', () => {
      expect(parseSessionFile(sessionText({ entries: many(50_000) }), NOW).entries).toHaveLength(50_000)
    })

    it('refuses more than 50,000 entries, naming the list', () => {
      const { reason, params } = refusal(sessionText({ entries: many(50_001) }))
      expect(reason).toBe('damaged')
      expect(params.field).toBe('entries')
    })

    it('refuses more than 50,000 segments, naming the list', () => {
      const segment = { key: CA_42, name: 'Visiteurs', tags: null }
      expect(refusal(sessionText({ segments: Array.from({ length: 50_001 }, () => segment) })).params.field).toBe(
        'segments',
      )
    })

    it('refuses a file over 10 MB before reading it, even a well-formed one', () => {
      const text = sessionText().padEnd(10 * 1024 * 1024 + 1, ' ')
      expect(JSON.parse(text)).toMatchObject({ format: 'segment-audit-session' })
      const { message, reason } = refusal(text)
      expect(reason).toBe('too-large')
      expect(message).toBe('This file is larger than 10 MB: a session file is much smaller.')
    })

    it('accepts a well-formed file of 10 MB', () => {
      expect(parseSessionFile(sessionText().padEnd(10 * 1024 * 1024, ' '), NOW).entries).toHaveLength(1)
    })
  })
})
