// The list's findings, whose code (name comparisons and every check: src/findings) loads on demand: the first screen
// shows none unless the Findings column is on or the list is filtered by a finding, and the CSV export works them out
// at the click. Loaded, it stays for the page's life.
import { useEffect, useMemo, useState } from 'react'
import { loadAgain } from '../../components/on-demand'
import type { SegmentFindings } from '../../findings/findings'
import type { BrazeSegmentDetails, BrazeSizePoint } from '../../providers/braze/schemas'
import type { Segment } from '../../providers/segment'
import { useFindingSettings } from '../../stores/finding-settings'
import { readStored } from './use-column-visibility'

type FindingsCode = typeof import('../../findings/findings-now')

let loaded: FindingsCode | undefined
let loading: Promise<FindingsCode> | undefined

function loadFindingsCode(): Promise<FindingsCode> {
  loading ??= loadAgain(() => import('../../findings/findings-now')).then((code) => (loaded = code))
  return loading
}

// A list that opens on findings (filtered by one in its address, or the Findings column kept on) asks for their code
// as the app starts, beside the lists, rather than once the page is drawn.
if (
  location.pathname === '/' &&
  (new URLSearchParams(location.search).has('finding') || readStored().findings !== false)
)
  void loadFindingsCode()

interface ListFindings {
  /** The findings of every listed segment when `shown`; undefined until their code has loaded, or when not shown. */
  findings: SegmentFindings | undefined
  /** Shown, and their code still on its way: the rows cannot say their findings yet. */
  pending: boolean
  /** The findings as they stand at the call, worked out once their code is there (the export). */
  findingsNow: () => Promise<SegmentFindings>
}

export function useListFindings(
  segments: readonly Segment[],
  details: ReadonlyMap<string, BrazeSegmentDetails>,
  sizes: ReadonlyMap<string, readonly BrazeSizePoint[]>,
  shown: boolean,
): ListFindings {
  const settings = useFindingSettings()
  const [code, setCode] = useState(loaded)
  useEffect(() => {
    if (shown && !code) void loadFindingsCode().then(setCode)
  }, [shown, code])
  const findings = useMemo(
    () => (shown && code ? code.findingsNow({ segments, details, sizes }, settings, new Date()) : undefined),
    [shown, code, segments, details, sizes, settings],
  )
  const findingsNow = () => {
    const now = new Date()
    return loadFindingsCode().then((loadedCode) => loadedCode.findingsNow({ segments, details, sizes }, settings, now))
  }
  return { findings, pending: shown && !code, findingsNow }
}
