// The Braze details already in the query cache, as the list, the findings and the audit page read them: whatever
// reached the cache is seen, including what arrived while no page was listening (a cache restored from the browser
// after a reload lands at any moment).
import { QueryClientProvider, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { act, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { createQueryClient } from '../../../src/app/query-client'
import { useCachedBrazeDetails, useCachedBrazeSizes } from '../../../src/providers/braze/cached-queries'
import { brazeKeys } from '../../../src/providers/braze/queries'
import type { BrazeSegmentDetails } from '../../../src/providers/braze/schemas'

const details = (name: string) => ({ name }) as BrazeSegmentDetails

function KeptCount() {
  return <p>{useCachedBrazeDetails().size} details kept</p>
}

const withClient = (client: QueryClient, children: React.ReactNode) => (
  <QueryClientProvider client={client}>{children}</QueryClientProvider>
)

describe('Braze details kept in the query cache', () => {
  it('are seen by a page opened after they arrived while no page was listening', async () => {
    const client = createQueryClient()
    const first = render(withClient(client, <KeptCount />))
    expect(screen.getByText('0 details kept')).toBeInTheDocument()
    first.unmount()

    client.setQueryData(brazeKeys.details('a'), details('Alpha'))
    client.setQueryData(brazeKeys.details('b'), details('Beta'))
    render(withClient(client, <KeptCount />))
    expect(await screen.findByText('2 details kept')).toBeInTheDocument()
  })

  it('are seen when they arrive between the page’s first render and its subscription', async () => {
    function RestoredWhileRendering() {
      const client = useQueryClient()
      const kept = useCachedBrazeDetails()
      // What the browser's copy of the cache does when its restore lands at that moment.
      useState(() => client.setQueryData(brazeKeys.details('late'), details('Late')))
      return <p>{kept.size} details kept</p>
    }
    render(withClient(createQueryClient(), <RestoredWhileRendering />))
    expect(await screen.findByText('1 details kept')).toBeInTheDocument()
  })

  it('follow a burst of restored queries to its end, details and sizes apart', async () => {
    function Both() {
      return (
        <p>
          {useCachedBrazeDetails().size} details, {useCachedBrazeSizes().size} series
        </p>
      )
    }
    const client = createQueryClient()
    render(withClient(client, <Both />))
    expect(screen.getByText('0 details, 0 series')).toBeInTheDocument()
    for (let index = 0; index < 500; index++) client.setQueryData(brazeKeys.details(`s${index}`), details(`S${index}`))
    client.setQueryData(brazeKeys.dataSeries('s1', 30), [{ time: '2026-03-01', size: 12 }])
    // Another length of series is not the one the list reads.
    client.setQueryData(brazeKeys.dataSeries('s2', 7), [{ time: '2026-03-01', size: 3 }])
    expect(await screen.findByText('500 details, 1 series')).toBeInTheDocument()
  })

  it('are heard at once, then at most every quarter of a second while a scan brings ~20 a second', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    try {
      const counts: number[] = []
      function Heard() {
        const size = useCachedBrazeDetails().size
        if (counts.at(-1) !== size) counts.push(size)
        return <p>{size} details kept</p>
      }
      const client = createQueryClient()
      render(withClient(client, <Heard />))
      await act(async () => client.setQueryData(brazeKeys.details('first'), details('First')))
      expect(screen.getByText('1 details kept')).toBeInTheDocument()

      // Two seconds of a scan: an answer every 50 ms.
      for (let index = 0; index < 40; index++) {
        await act(async () => {
          client.setQueryData(brazeKeys.details(`s${index}`), details(`S${index}`))
          await vi.advanceTimersByTimeAsync(50)
        })
      }
      await act(() => vi.advanceTimersByTimeAsync(250))
      expect(screen.getByText('41 details kept')).toBeInTheDocument()
      // 0, 1, then one hearing per quarter of a second of the burst (and its end), not one per answer.
      expect(counts.length).toBeLessThanOrEqual(2 + 2_000 / 250 + 1)
    } finally {
      vi.useRealTimers()
    }
  })
})
