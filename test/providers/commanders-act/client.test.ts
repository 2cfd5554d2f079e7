// Commanders Act: the segment list (bare array) and a visitor's segments, read through the proxy paths.
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fetchCommandersActSegments, fetchVisitorSegmentIds } from '../../../src/providers/commanders-act/client'
import { NOT_PROVIDED } from '../../../src/providers/segment'
import { createDemoHandlers } from '../../msw/demo-handlers'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

function answerList(body: unknown) {
  server.use(http.get('*/api/commanders-act/segments/list', () => Response.json(body)))
}

describe('fetchCommandersActSegments', () => {
  it('lists every demo segment as a Segment, tags and tracking not provided', async () => {
    const demo = createDemoHandlers({ brazeCount: 0, commandersActCount: 400 })
    server.use(...demo.handlers)
    const segments = await fetchCommandersActSegments()
    expect(segments.map((segment) => segment.id)).toEqual(demo.data.commandersAct.map((segment) => segment.id))
    expect(segments[0]).toEqual({
      key: `commanders-act:${demo.data.commandersAct[0]?.id}`,
      provider: 'commanders-act',
      id: demo.data.commandersAct[0]?.id,
      name: demo.data.commandersAct[0]?.label,
      tags: NOT_PROVIDED,
      analyticsTracking: NOT_PROVIDED,
    })
  })

  it.each([
    { name: 'extra fields', body: [{ id: 'BBFAC450', label: 'prospect VIP', type: 'engage' }], ids: ['BBFAC450'] },
    { name: 'an id outside the documented format', body: [{ id: 'seg-42', label: 'a' }], ids: ['seg-42'] },
    { name: 'an empty list', body: [], ids: [] },
    {
      name: 'a repeated id (first kept)',
      body: [
        { id: 'A', label: 'one' },
        { id: 'A', label: 'two' },
      ],
      ids: ['A'],
    },
  ])('accepts $name', async ({ body, ids }) => {
    answerList(body)
    const segments = await fetchCommandersActSegments()
    expect(segments.map((segment) => segment.id)).toEqual(ids)
    expect(segments.every((segment) => Object.keys(segment).length === 6)).toBe(true)
  })

  it.each([
    { name: 'an object instead of an array', body: { segments: [] }, field: undefined },
    { name: 'an entry without label', body: [{ id: 'BBFAC450', label: 'ok' }, { id: '3DCC6A0A' }], field: '1.label' },
    { name: 'an empty id', body: [{ id: '', label: 'x' }], field: '0.id' },
    { name: 'a numeric id', body: [{ id: 12, label: 'x' }], field: '0.id' },
  ])('refuses $name, naming Commanders Act and the field', async ({ body, field }) => {
    answerList(body)
    const error = await fetchCommandersActSegments().catch((caught: unknown) => caught)
    expect(error).toMatchObject({ provider: 'commanders-act', reason: 'invalid_response', field })
    expect(String(error)).toContain('Commanders Act')
  })
})

describe('fetchVisitorSegmentIds', () => {
  it('returns the ids the proxy converted from JSONP', async () => {
    const demo = createDemoHandlers({ brazeCount: 0, commandersActCount: 40 })
    server.use(...demo.handlers)
    const listed = new Set(demo.data.commandersAct.map((segment) => segment.id))
    const found: string[] = []
    for (const tcid of ['1', '2', '3', '4', '5', '6', '7', '8']) found.push(...(await fetchVisitorSegmentIds(tcid)))
    expect(found.length).toBeGreaterThan(0)
    expect(found.some((id) => listed.has(id))).toBe(true)
    expect(await fetchVisitorSegmentIds('1')).toEqual(await fetchVisitorSegmentIds('1'))
  })

  it('refuses an answer without segmentIds', async () => {
    server.use(http.get('*/api/commanders-act/segments', () => HttpResponse.json({ ids: [] })))
    await expect(fetchVisitorSegmentIds('42')).rejects.toMatchObject({
      provider: 'commanders-act',
      reason: 'invalid_response',
      field: 'segmentIds',
    })
  })

  it('sends the tcid to the proxy', async () => {
    let tcid: string | null = null
    server.use(
      http.get('*/api/commanders-act/segments', ({ request }) => {
        tcid = new URL(request.url).searchParams.get('tcid')
        return HttpResponse.json({ segmentIds: ['F92C4F26'] })
      }),
    )
    expect(await fetchVisitorSegmentIds('123456')).toEqual(['F92C4F26'])
    expect(tcid).toBe('123456')
  })
})
