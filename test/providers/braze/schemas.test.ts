// Braze answer parsing: lenient where Braze varies, and a clear error naming Braze and the field otherwise.
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fetchBrazeDataSeries, fetchBrazeSegmentDetails } from '../../../src/providers/braze/client'
import { fetchBrazeSegmentPages } from '../../../src/providers/braze/list-pages'
import { ProviderError } from '../../../src/providers/provider-error'
import { NOT_PROVIDED } from '../../../src/providers/segment'
import { brazeListPagesHandler, createDemoHandlers } from '../../msw/demo-handlers'

const server = setupServer(brazeListPagesHandler)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const ID = '8b922b25-dcc6-4e4d-b345-f7b06106046c'

function answer(path: string, body: unknown) {
  server.use(http.get(`*/api/braze/segments/${path}`, () => Response.json(body)))
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`)
  return error
}

const segment = { id: ID, name: 'Engaged Recent Users', analytics_tracking_enabled: true, tags: ['airbyte', 'test'] }

// A list page comes through the proxy's multi-page route: fields are named from its `pages` array.
describe('segments list page', () => {
  it.each([
    {
      name: 'tags omitted (old accounts)',
      item: { id: ID, name: 'A', analytics_tracking_enabled: false },
      tags: NOT_PROVIDED,
    },
    { name: 'tags null', item: { ...segment, tags: null }, tags: NOT_PROVIDED },
    { name: 'null among the tags', item: { ...segment, tags: ['crm', null, 'vip'] }, tags: ['crm', 'vip'] },
    { name: 'extra fields', item: { ...segment, archived: false, created_by: 'x' }, tags: ['airbyte', 'test'] },
    {
      name: 'another key order',
      item: { tags: ['a'], analytics_tracking_enabled: true, name: 'A', id: ID },
      tags: ['a'],
    },
  ])('accepts $name', async ({ item, tags }) => {
    answer('list', { segments: [item], message: 'success' })
    const [parsed] = (await fetchBrazeSegmentPages(0, 1)).pages.get(0) ?? []
    expect(parsed).toEqual({
      key: `braze:${ID}`,
      provider: 'braze',
      id: ID,
      name: item.name,
      tags,
      analyticsTracking: item.analytics_tracking_enabled,
    })
    expect(Object.keys(parsed ?? {}).sort()).toEqual(['analyticsTracking', 'id', 'key', 'name', 'provider', 'tags'])
  })

  it.each([
    { name: 'a name that is not a string', row: { ...segment, name: 42 }, shown: { name: '' }, field: 'name' },
    {
      name: 'no name',
      row: { id: ID, analytics_tracking_enabled: true, tags: [] },
      shown: { name: '' },
      field: 'name',
    },
    // "true" and "false" in the wrong type are still a plain yes or no: read as such, and the oddity named.
    {
      name: 'tracking as the text "true"',
      row: { ...segment, analytics_tracking_enabled: 'true' },
      shown: { analyticsTracking: true },
      field: 'analytics_tracking_enabled',
    },
    {
      name: 'tracking as the text "false"',
      row: { ...segment, analytics_tracking_enabled: 'false' },
      shown: { analyticsTracking: false },
      field: 'analytics_tracking_enabled',
    },
    {
      name: 'tracking as any other text',
      row: { ...segment, analytics_tracking_enabled: 'yes' },
      shown: { analyticsTracking: NOT_PROVIDED },
      field: 'analytics_tracking_enabled',
    },
    {
      name: 'tracking as a number',
      row: { ...segment, analytics_tracking_enabled: 1 },
      shown: { analyticsTracking: NOT_PROVIDED },
      field: 'analytics_tracking_enabled',
    },
    {
      name: 'a tag that is a number',
      row: { ...segment, tags: ['a', 7] },
      shown: { tags: NOT_PROVIDED },
      field: 'tags',
    },
  ])('lists a row with $name, with what did read and the field named', async ({ row, shown, field }) => {
    const other = { ...segment, id: '11111111-2222-4333-8444-555555555555' }
    answer('list', { message: 'success', segments: [other, row] })
    const answered = await fetchBrazeSegmentPages(0, 1)
    expect(answered.failed).toEqual([])
    const [first, second] = answered.pages.get(0) ?? []
    expect(first).toMatchObject({ id: other.id, name: other.name, analyticsTracking: true })
    expect(first?.malformed).toBeUndefined()
    expect(second).toMatchObject({ id: ID, ...shown, malformed: [field] })
  })

  it('leaves out a row without an id (it could be neither shown nor linked) and keeps its neighbours', async () => {
    answer('list', { message: 'success', segments: [segment, { ...segment, id: '' }, { name: 'No id' }] })
    expect((await fetchBrazeSegmentPages(0, 1)).pages.get(0)?.map((row) => row.id)).toEqual([ID])
  })

  it.each([
    {
      name: 'a message other than success',
      body: { message: 'Segment export in progress', segments: [] },
      field: 'pages.0.message',
    },
    { name: 'no segments array', body: { message: 'success' }, field: 'pages.0.segments' },
    { name: 'an array body', body: [segment], field: 'pages.0' },
  ])('reports a page with $name as failed, naming Braze and the field', async ({ body, field }) => {
    answer('list', body)
    const [failed] = (await fetchBrazeSegmentPages(0, 1)).failed
    expect(failed?.error).toMatchObject({ provider: 'braze', reason: 'invalid_response', field })
    expect(failed?.error.message).toContain(`"${field}"`)
  })

  it('reports what Braze said when a 2xx is not a success', async () => {
    answer('list', { message: 'Segment export in progress' })
    const [failed] = (await fetchBrazeSegmentPages(0, 1)).failed
    expect(failed?.error.providerMessage).toBe('Segment export in progress')
  })

  it('refuses a 2xx body that is not JSON', async () => {
    server.use(http.get('*/api/braze/segments/list', () => HttpResponse.text('<html>maintenance</html>')))
    const [failed] = (await fetchBrazeSegmentPages(0, 1)).failed
    expect(failed?.error).toMatchObject({ provider: 'braze', reason: 'invalid_response' })
  })
})

describe('segment details', () => {
  it.each([
    { name: 'with milliseconds', sent: '2024-03-01T09:15:00.123Z', createdAt: '2024-03-01T09:15:00.123Z' },
    { name: 'without milliseconds', sent: '2024-03-01T09:15:00Z', createdAt: '2024-03-01T09:15:00Z' },
    { name: 'with an offset', sent: '2024-03-01T09:15:00+02:00', createdAt: '2024-03-01T09:15:00+02:00' },
    { name: 'with an offset without colon', sent: '2024-03-01T09:15:00+0200', createdAt: '2024-03-01T07:15:00.000Z' },
    // A day, not an instant: kept as a day, which every time zone shows as 1 March (UTC midnight is 29 February west).
    { name: 'date only', sent: '2024-03-01', createdAt: '2024-03-01' },
    { name: 'with a space for T', sent: '2024-03-01 09:15:00', createdAt: '2024-03-01T09:15:00.000Z' },
    {
      name: 'with seven digits of fraction',
      sent: '2024-03-01T09:15:00.1234567Z',
      createdAt: '2024-03-01T09:15:00.123Z',
    },
  ])('accepts a full answer, dates $name', async ({ sent, createdAt }) => {
    answer('details', {
      message: 'success',
      created_at: sent,
      updated_at: '2024-06-01T10:00:00Z',
      name: 'Engaged Recent Users',
      description: 'Last used app less than 7 days ago',
      text_description: 'Users active this week',
      tags: ['crm', null],
      teams: ['CRM'],
      extra: true,
    })
    expect(await fetchBrazeSegmentDetails(ID)).toEqual({
      id: ID,
      name: 'Engaged Recent Users',
      createdAt,
      updatedAt: '2024-06-01T10:00:00Z',
      description: 'Last used app less than 7 days ago',
      textDescription: 'Users active this week',
      tags: ['crm'],
      teams: ['CRM'],
    })
  })

  it('accepts an answer with only message: omitted keys stay undefined, tags empty', async () => {
    answer('details', { message: 'success' })
    const details = await fetchBrazeSegmentDetails(ID)
    expect(details).toEqual({ id: ID, tags: [] })
    expect(details.textDescription).toBeUndefined()
    expect(details.teams).toBeUndefined()
  })

  it('keeps a null text_description apart from an omitted one', async () => {
    answer('details', { message: 'success', name: null, text_description: null, tags: null, teams: null })
    expect(await fetchBrazeSegmentDetails(ID)).toEqual({ id: ID, textDescription: null, tags: [] })
  })

  it.each([
    { name: 'a date that is not ISO', body: { created_at: '01/03/2024' }, field: 'created_at' },
    { name: 'a date that is not a date', body: { updated_at: 'not a date' }, field: 'updated_at' },
    { name: 'teams as a string', body: { teams: 'CRM' }, field: 'teams' },
  ])('reads the rest of an answer with $name, naming the field', async ({ body, field }) => {
    answer('details', { message: 'success', name: 'Engaged Recent Users', text_description: 'Active', ...body })
    expect(await fetchBrazeSegmentDetails(ID)).toEqual({
      id: ID,
      name: 'Engaged Recent Users',
      textDescription: 'Active',
      tags: [],
      malformed: [field],
    })
  })

  it('refuses an answer whose message is not success', async () => {
    answer('details', { message: 'error' })
    expect(await failure(fetchBrazeSegmentDetails(ID))).toMatchObject({
      provider: 'braze',
      reason: 'invalid_response',
      field: 'message',
    })
  })

  it('reads the demo fake, and calls an unknown id (Braze: 400) not found', async () => {
    const demo = createDemoHandlers({ brazeCount: 20, commandersActCount: 0 })
    server.use(...demo.handlers)
    const first = demo.data.braze[0]
    expect(await fetchBrazeSegmentDetails(first?.id ?? '')).toMatchObject({
      id: first?.id,
      name: first?.name,
      createdAt: first?.createdAt,
    })
    const error = await failure(fetchBrazeSegmentDetails('00000000-0000-4000-8000-000000000000'))
    expect(error).toMatchObject({
      provider: 'braze',
      reason: 'not_found',
      status: 400,
      providerMessage: 'Invalid segment_id',
    })
  })
})

describe('data series', () => {
  it('normalises bare dates and timestamps to the calendar day', async () => {
    answer('data_series', {
      data: [
        { time: '2022-09-01', size: 123 },
        { time: '2022-09-02T00:00:00Z', size: 0 },
        { time: '2022-09-03T00:00:00.000-05:00', size: 5.5 },
      ],
      message: 'success',
    })
    expect(await fetchBrazeDataSeries(ID, 3)).toEqual([
      { time: '2022-09-01', size: 123 },
      { time: '2022-09-02', size: 0 },
      { time: '2022-09-03', size: 5.5 },
    ])
  })

  it.each([
    { name: 'a negative size', point: { time: '2022-09-01', size: -1 }, field: 'data.0.size' },
    { name: 'a size as text', point: { time: '2022-09-01', size: '12' }, field: 'data.0.size' },
    { name: 'a time that is not a date', point: { time: 'yesterday', size: 1 }, field: 'data.0.time' },
  ])('refuses $name', async ({ point, field }) => {
    answer('data_series', { message: 'success', data: [point] })
    expect(await failure(fetchBrazeDataSeries(ID, 1))).toMatchObject({
      provider: 'braze',
      reason: 'invalid_response',
      field,
    })
  })

  it('reads 30 days from the demo fake', async () => {
    const demo = createDemoHandlers({ brazeCount: 20, commandersActCount: 0 })
    server.use(...demo.handlers)
    const tracked = demo.data.braze.find((item) => item.analyticsTrackingEnabled)
    const series = await fetchBrazeDataSeries(tracked?.id ?? '', 30)
    expect(series).toHaveLength(30)
    expect(series.every((point) => /^\d{4}-\d{2}-\d{2}$/.test(point.time) && point.size >= 0)).toBe(true)
  })

  it.each([0, 101, 1.5])('refuses %s days before calling', async (days) => {
    await expect(fetchBrazeDataSeries(ID, days)).rejects.toBeInstanceOf(RangeError)
  })
})
