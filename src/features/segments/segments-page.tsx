// The Segments page (/): both providers in one fast table, with search, filters, export and per-provider status.
import { useIsRestoring } from '@tanstack/react-query'
import { Suspense, useCallback, useDeferredValue, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RichText } from '../../components/rich-text'
import { AuditOutageNote } from '../../components/audit-outage-note'
import { EmptyState } from '../../components/empty-state'
import { onDemand } from '../../components/on-demand'
import { useDocumentTitle } from '../../components/use-document-title'
import { useFormat } from '../../components/use-format'
import { providerLabel } from '../../providers/provider-id'
import { isValueColumn, visibleColumnIds } from './columns'
import { useFindingSettings } from '../../stores/finding-settings'
import { useAuditOutage, useAuditRead, useVerdicts } from '../../stores/use-verdicts'
import { EMPTY_FILTERS, hasActiveFilters, type SegmentListSort } from './list-state'
import { rememberKeyBeforeBar } from './bar-key'
import { ListStatus } from './list-status'
import { ProviderProgress } from './provider-progress'
import { filterRows } from './segment-view'
import { SegmentsTable } from './segments-table'
import { SegmentsToolbar } from './segments-toolbar'
import { useColumnVisibility } from './use-column-visibility'
import { useListState } from './use-list-state'
import { useListKeyboard } from './use-list-keyboard'
import { useListReturn } from './use-list-return'
import { useSearchKeyWarmup } from './use-search-key-warmup'
import { useSegmentView } from './use-segment-view'
import { RowSelectionContext } from './row-selection-cells'
import { useRowSelection } from './use-row-selection'

/**
 * The bulk bar's code (and its reviewer form) loads with the first selection: most visits select nothing. The keys
 * pressed meanwhile are kept for it: its key may come right after the tick.
 */
const BulkBar = onDemand(() => {
  addEventListener('keydown', rememberKeyBeforeBar)
  return import('./bulk-bar')
}, 'BulkBar')
/** The note on how many segments a details filter could check loads with the first such filter. */
const DetailsCoverageNote = onDemand(() => import('./details-coverage-note'), 'DetailsCoverageNote')
/** A provider's failure alert loads when one fails. */
const ProviderErrors = onDemand(() => import('./provider-errors'), 'ProviderErrors')

export function SegmentsPage() {
  const { t, i18n } = useTranslation(['segments', 'common'])
  const reviews = useVerdicts()
  const auditOutage = useAuditOutage()
  // An export before the team's audit has answered would give every segment as unreviewed.
  const auditRead = useAuditRead()
  const { staleMonths } = useFindingSettings()
  const format = useFormat()
  useDocumentTitle(t('title'))
  const [{ filters, sort }, updateListState, search] = useListState()
  const restoring = useIsRestoring()
  // The search as typed, which leads the URL by a moment: the count follows the keystroke at once, and the table
  // catches up as a deferred render that never blocks typing.
  const liveFilters = useMemo(
    () => (search.text === filters.query ? filters : { ...filters, query: search.text }),
    [filters, search.text],
  )
  const [columnVisibility, showColumn] = useColumnVisibility()
  const visibleColumns = visibleColumnIds(columnVisibility)
  const { list, rows, sorted, visible, details, findings, findingsPending, findingsNow } = useSegmentView(
    liveFilters,
    sort,
    visibleColumns.includes('findings'),
  )
  const stillLoading = list.providers.some((provider) => provider.loading)
  useSearchKeyWarmup(list.segments, stillLoading)
  const keyboard = useListKeyboard({ filters, sort }, sorted)
  // The providers whose list is there, or on its way: not one the server has no variables for, nor one whose list
  // failed before any row came (as if either had answered with no segment).
  const counted = list.providers.filter((provider) => provider.configured && !(provider.error && provider.count === 0))
  const lone = counted.length === 1 ? counted[0] : undefined
  // No list at all: nothing to review, search, filter or export (the alerts above say why).
  const noList = counted.length === 0
  const reviewed = useMemo(() => rows.filter((row) => row.verdict !== 'unreviewed').length, [rows])
  const selection = useRowSelection(visible)
  // Once shown, the bar stays mounted: it keeps saying how the last bulk write went after the selection is cleared.
  const [bulkUsed, setBulkUsed] = useState(false)
  if (!bulkUsed && selection.selected.size > 0) setBulkUsed(true)

  useListReturn(sorted, visible, keyboard.tableRef, stillLoading)
  // While typing, the table is a deferred render: React renders it in slices between keystrokes, so typing never waits
  // for it. Only the search is deferred: streamed pages change the rows, not the search, and are drawn once, at once
  // (a deferred copy of the rows drew every batch twice; deferring the pages: first rows ~50 ms later, whole list no
  // sooner). The urgent render after a keystroke keeps the table's rows (its search has not changed): filtering them
  // again for it would double each keystroke's work; the deferred render takes the rows just filtered for the count.
  const tableQuery = useDeferredValue(liveFilters.query)
  const tableRows = useMemo(
    () => (tableQuery === liveFilters.query ? visible : filterRows(sorted, { ...filters, query: tableQuery })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the rows depend on these three only (see above)
    [tableQuery, filters, sorted],
  )
  // No row yet: the lists are loading, or the cache that holds them is being read back (queries wait idle then); or
  // the view needs the findings, whose code is on its way.
  const nothingYet = findingsPending || (rows.length === 0 && (stillLoading || restoring))
  const updatedAt = Math.max(...list.providers.map((provider) => provider.updatedAt))
  // Failed, and not being asked again (its progress says so meanwhile).
  const failed = list.providers.filter((provider) => provider.error && !provider.loading)
  // Either Clear filters button goes once pressed: the keyboard goes to the search, the view's first control.
  const clearFilters = () => {
    updateListState({ filters: EMPTY_FILTERS })
    keyboard.searchRef.current?.focus()
  }
  const changeSort = useCallback((next: SegmentListSort) => updateListState({ sort: next }), [updateListState])

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('intro')}</p>
          <p className="reviewed-count">
            {noList ? null : (
              <RichText
                text={t('common:reviewedCount', { count: reviewed, total: rows.length })}
                components={{ strong: <strong /> }}
              />
            )}
            {auditOutage !== undefined ? <AuditOutageNote since={auditOutage} /> : null}
          </p>
        </div>
        <div className="freshness">
          {updatedAt > 0 ? <span className="muted">{t('asOf', { time: format.time(updatedAt) })}</span> : null}
          <button
            type="button"
            className="button"
            // Not a provider the server has no variables for: asked again, it could only answer that again (with
            // neither configured, nothing to refresh).
            disabled={stillLoading || noList}
            onClick={() => counted.forEach((provider) => provider.refetch())}
          >
            {t('refresh')}
          </button>
        </div>
      </div>
      {failed.length > 0 ? (
        <Suspense fallback={null}>
          <ProviderErrors failed={failed} />
        </Suspense>
      ) : null}
      <SegmentsToolbar
        filters={filters}
        onChange={updateListState}
        onClearFilters={clearFilters}
        rows={rows}
        columnVisibility={columnVisibility}
        onShowColumn={showColumn}
        onExport={() => {
          // Worked out at the click, from what the page shows then; the CSV's code, and the findings' unless they are
          // shown, load with the first export.
          const language = i18n.resolvedLanguage ?? i18n.language
          void Promise.all([import('./export-csv'), findingsNow()]).then(
            ([{ csvFilename, csvSeparatorFor, downloadText, segmentsCsv }, findings]) =>
              downloadText(
                segmentsCsv(visible, visibleColumns.filter(isValueColumn), t, {
                  reviews,
                  findings: findings.bySegment,
                  staleMonths,
                  separator: csvSeparatorFor(language),
                }),
                csvFilename(new Date()),
                'text/csv;charset=utf-8',
              ),
          )
        }}
        exportDisabled={visible.length === 0 || !auditRead}
        search={search.text}
        onSearch={search.type}
        keyboard={keyboard}
        disabled={noList}
      />
      {filters.updatedBefore || filters.finding ? (
        <Suspense fallback={null}>
          <DetailsCoverageNote filters={filters} segments={list.segments} details={details} findings={findings} />
        </Suspense>
      ) : null}
      <div className="list-meta">
        <ListStatus
          loading={nothingYet}
          view={visible}
          total={rows.length}
          // Not a list whose first rows have not come: the progress beside it says it is loading, not that it has none.
          counted={counted.filter((provider) => !provider.pending).map(({ provider }) => provider)}
        />
        <ProviderProgress providers={list.providers} />
      </div>
      {nothingYet ? (
        <div className="table-skeleton" aria-hidden="true">
          {Array.from({ length: 8 }, (_, index) => (
            <span key={index} className="skeleton" />
          ))}
        </div>
      ) : visible.length === 0 && !stillLoading ? (
        <EmptyState
          title={rows.length > 0 ? t('empty.noMatch') : counted.length > 0 ? t('empty.noSegments') : t('empty.noList')}
        >
          {/* Only rows can be filtered out: with none, the reason there are none says more. */}
          {rows.length > 0 && hasActiveFilters(filters) ? (
            <button type="button" className="button button-primary" onClick={clearFilters}>
              {t('toolbar.clearFilters')}
            </button>
          ) : (
            <p>
              {lone
                ? t('empty.oneReturnedNone', { provider: providerLabel[lone.provider] })
                : t(counted.length > 0 ? 'empty.noneReturned' : 'empty.noneLoaded')}
            </p>
          )}
        </EmptyState>
      ) : (
        <RowSelectionContext value={selection}>
          <SegmentsTable
            rows={tableRows}
            sort={sort}
            onSortChange={changeSort}
            columnVisibility={columnVisibility}
            handle={keyboard.tableRef}
          />
        </RowSelectionContext>
      )}
      {bulkUsed && (
        <Suspense fallback={null}>
          <BulkBar selection={selection} rows={rows} view={visible} entries={reviews} keyboard={keyboard} />
        </Suspense>
      )}
    </>
  )
}
