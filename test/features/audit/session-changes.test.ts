// "Changed since the last audit": new, gone, renamed and re-tagged segments against the previous session's snapshot,
// only for the providers whose whole list is known on both sides.
import { describe, expect, it } from 'vitest'
import { compareWithBaseline, type SessionChanges } from '../../../src/features/audit/session-changes'
import { segmentKey, type ProviderId } from '../../../src/providers/provider-id'
import { NOT_PROVIDED, type Segment } from '../../../src/providers/segment'
import type { AuditBaseline } from '../../../src/stores/audit-baseline'
import type { SessionSegment } from '../../../src/stores/session-file'
import { commandersAct } from '../../findings/segments'

function braze(id: string, name: string, tags: Segment['tags'] = []): Segment {
  return { key: segmentKey('braze', id), provider: 'braze', id, name, tags, analyticsTracking: true }
}

/** A segment as a snapshot keeps it. */
function was(segment: Segment, changes: Partial<SessionSegment> = {}): SessionSegment {
  return {
    key: segment.key,
    name: segment.name,
    tags: segment.tags === NOT_PROVIDED ? null : [...segment.tags],
    ...changes,
  }
}

function baseline(segments: SessionSegment[], providers: ProviderId[] = ['braze', 'commanders-act']): AuditBaseline {
  return { takenAt: '2025-03-01T10:00:00.000Z', source: 'export', segments, providers }
}

const BOTH: ProviderId[] = ['braze', 'commanders-act']

/** The changes by key, to compare without repeating whole segments. */
function summary(changes: SessionChanges) {
  return {
    providers: changes.providers,
    added: changes.added.map((segment) => segment.key),
    gone: changes.gone.map((segment) => segment.key),
    renamed: changes.renamed.map(({ segment, previousName }) => [segment.key, previousName, segment.name]),
    retagged: changes.retagged.map(({ segment, added, removed }) => [segment.key, added, removed]),
  }
}

const NOTHING = { providers: BOTH, added: [], gone: [], renamed: [], retagged: [] }

const LOYAL = braze('b-1', 'Clients fidèles', ['vip', 'crm'])
const LAPSED = braze('b-2', 'Lapsed users', [])
const OLD = braze('b-3', 'Old workspace segment', NOT_PROVIDED)
const PROSPECTS = commandersAct('42', 'Prospects été')

describe('compareWithBaseline', () => {
  it.each<{ what: string; before: SessionSegment[]; now: Segment[]; expected: Partial<ReturnType<typeof summary>> }>([
    {
      what: 'nothing when nothing changed',
      before: [was(LOYAL), was(LAPSED), was(PROSPECTS)],
      now: [LOYAL, LAPSED, PROSPECTS],
      expected: {},
    },
    {
      what: 'a segment listed now and not then as new',
      before: [was(LOYAL)],
      now: [LOYAL, LAPSED, PROSPECTS],
      expected: { added: [LAPSED.key, PROSPECTS.key] },
    },
    {
      what: 'a segment listed then and not now as gone',
      before: [was(LOYAL), was(LAPSED), was(PROSPECTS)],
      now: [LOYAL],
      expected: { gone: [LAPSED.key, PROSPECTS.key] },
    },
    {
      what: 'a new name on the same id as renamed, not as gone and new',
      before: [was(LOYAL, { name: 'Clients fideles' }), was(PROSPECTS, { name: 'Prospects' })],
      now: [LOYAL, PROSPECTS],
      expected: {
        renamed: [
          [LOYAL.key, 'Clients fideles', 'Clients fidèles'],
          [PROSPECTS.key, 'Prospects', 'Prospects été'],
        ],
      },
    },
    {
      what: 'a tag added as re-tagged',
      before: [was(LOYAL, { tags: ['vip'] })],
      now: [LOYAL],
      expected: { retagged: [[LOYAL.key, ['crm'], []]] },
    },
    {
      what: 'a tag removed as re-tagged',
      before: [was(LOYAL, { tags: ['vip', 'crm', 'promo'] })],
      now: [LOYAL],
      expected: { retagged: [[LOYAL.key, [], ['promo']]] },
    },
    {
      what: 'tags added and removed at once',
      before: [was(LOYAL, { tags: ['vip', 'été'] }), was(LAPSED, { tags: ['old'] })],
      now: [LOYAL, LAPSED],
      expected: {
        retagged: [
          [LOYAL.key, ['crm'], ['été']],
          [LAPSED.key, [], ['old']],
        ],
      },
    },
    {
      what: 'nothing for the same tags in another order',
      before: [was(LOYAL, { tags: ['crm', 'vip'] })],
      now: [LOYAL],
      expected: {},
    },
    {
      what: 'a segment both renamed and re-tagged in both lists',
      before: [was(LOYAL, { name: 'Fidèles', tags: [] })],
      now: [LOYAL],
      expected: { renamed: [[LOYAL.key, 'Fidèles', 'Clients fidèles']], retagged: [[LOYAL.key, ['vip', 'crm'], []]] },
    },
    // Unknown tags on either side (an old workspace, or Commanders Act) say nothing about a change.
    {
      what: 'nothing for tags unknown then and known now',
      before: [was(LOYAL, { tags: null })],
      now: [LOYAL],
      expected: {},
    },
    {
      what: 'nothing for tags known then and unknown now',
      before: [was(OLD, { tags: ['vip'] })],
      now: [OLD],
      expected: {},
    },
    { what: 'nothing for Commanders Act, which has no tags', before: [was(PROSPECTS)], now: [PROSPECTS], expected: {} },
    { what: 'nothing for an empty list then and now', before: [], now: [], expected: {} },
    // A name that did not read (a malformed answer) is not a rename, either way.
    {
      what: 'nothing for a name that did not read now',
      before: [was(LOYAL)],
      now: [{ ...LOYAL, name: '' }],
      expected: {},
    },
    {
      what: 'nothing for a name that did not read then',
      before: [was(LOYAL, { name: '' })],
      now: [LOYAL],
      expected: {},
    },
  ])('reports $what', ({ before, now, expected }) => {
    expect(summary(compareWithBaseline(baseline(before), now, BOTH))).toEqual({ ...NOTHING, ...expected })
  })

  it('keeps the segments themselves: the new ones as listed, the gone ones as the snapshot had them', () => {
    const changes = compareWithBaseline(baseline([was(LAPSED, { name: 'Lapsed users (old)' })]), [LOYAL], BOTH)
    expect(changes.added).toEqual([LOYAL])
    expect(changes.gone).toEqual([{ key: LAPSED.key, name: 'Lapsed users (old)', tags: [] }])
  })

  it.each<{ what: string; snapshotOf: ProviderId[]; completeNow: ProviderId[]; compared: ProviderId[] }>([
    { what: 'both providers complete on both sides', snapshotOf: BOTH, completeNow: BOTH, compared: BOTH },
    { what: 'Commanders Act missing from the snapshot', snapshotOf: ['braze'], completeNow: BOTH, compared: ['braze'] },
    { what: 'Commanders Act failing now', snapshotOf: BOTH, completeNow: ['braze'], compared: ['braze'] },
    {
      what: 'Braze missing from the snapshot',
      snapshotOf: ['commanders-act'],
      completeNow: BOTH,
      compared: ['commanders-act'],
    },
    { what: 'Braze failing now', snapshotOf: BOTH, completeNow: ['commanders-act'], compared: ['commanders-act'] },
    {
      what: 'each side complete for a different provider',
      snapshotOf: ['braze'],
      completeNow: ['commanders-act'],
      compared: [],
    },
  ])('compares only the providers complete on both sides: $what', ({ snapshotOf, completeNow, compared }) => {
    // Every kind of change, in both providers: only the compared providers' show.
    const NEW_BRAZE = braze('b-9', 'Nouveaux clients')
    const NEW_COMMANDERS_ACT = commandersAct('77', 'Nouveaux visiteurs')
    const before = [
      was(LOYAL, { name: 'Fidèles', tags: ['vip'] }),
      was(LAPSED),
      was(PROSPECTS, { name: 'Prospects' }),
      was(commandersAct('43', 'Anciens')),
    ]
    const now = [LOYAL, NEW_BRAZE, PROSPECTS, NEW_COMMANDERS_ACT]
    const comparesBraze = compared.includes('braze')
    const comparesCommandersAct = compared.includes('commanders-act')
    // A failing list has no segments now: what it had must not read as gone.
    const listedNow = now.filter((segment) => completeNow.includes(segment.provider))

    expect(summary(compareWithBaseline(baseline(before, snapshotOf), listedNow, completeNow))).toEqual({
      providers: compared,
      added: [...(comparesBraze ? [NEW_BRAZE.key] : []), ...(comparesCommandersAct ? [NEW_COMMANDERS_ACT.key] : [])],
      gone: [...(comparesBraze ? [LAPSED.key] : []), ...(comparesCommandersAct ? ['commanders-act:43'] : [])],
      renamed: [
        ...(comparesBraze ? [[LOYAL.key, 'Fidèles', LOYAL.name]] : []),
        ...(comparesCommandersAct ? [[PROSPECTS.key, 'Prospects', PROSPECTS.name]] : []),
      ],
      retagged: comparesBraze ? [[LOYAL.key, ['crm'], []]] : [],
    })
  })

  it('ignores a provider missing from the snapshot even when the snapshot holds segments of it', () => {
    // A snapshot taken while Commanders Act was still arriving would list a part of it: none of it is gone now.
    const changes = compareWithBaseline(
      baseline([was(LOYAL), was(PROSPECTS), was(commandersAct('43', 'Anciens'))], ['braze']),
      [LOYAL, commandersAct('77', 'Nouveaux')],
      BOTH,
    )
    expect(summary(changes)).toEqual({ ...NOTHING, providers: ['braze'] })
  })

  it('ignores a provider failing now even though its list is empty, so nothing of it is gone', () => {
    const changes = compareWithBaseline(baseline([was(LOYAL), was(LAPSED), was(PROSPECTS)]), [LOYAL, LAPSED], ['braze'])
    expect(summary(changes)).toEqual({ ...NOTHING, providers: ['braze'] })
  })
})
