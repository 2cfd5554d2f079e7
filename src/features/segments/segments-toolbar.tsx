// The toolbar above the table: search, filters, columns and export.
import type { ColumnVisibilityState, Updater } from '@tanstack/react-table'
import type { RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { DateField } from '../../components/date-field'
import { isProviderId, PROVIDER_IDS, providerLabel } from '../../providers/provider-id'
import { VERDICTS } from '../../stores/audit-contract'
import { FACETS } from './columns'
import { ColumnsMenu } from './columns-menu'
import { FacetFilter } from './facet-filter'
import { FindingFilter } from './finding-filter'
import type { SegmentListFilters } from './list-state'
import { hasActiveFilters } from './list-state'
import { SearchBox } from './search-box'
import type { SegmentRow } from './segment-rows'
import type { ListStateChange } from './use-list-state'

interface SegmentsToolbarProps {
  filters: SegmentListFilters
  onChange: (change: ListStateChange, options?: { replace?: boolean }) => void
  onClearFilters: () => void
  rows: readonly SegmentRow[]
  collator: Intl.Collator
  columnVisibility: ColumnVisibilityState
  onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) => void
  onExport: () => void
  exportDisabled: boolean
  searchRef: RefObject<HTMLInputElement | null>
  onOpenFirst: (query: string) => void
  /** Each keystroke, before the URL catches up: the count follows at once. */
  onTyping: (query: string) => void
  onMoveIntoTable: () => void
}

export function SegmentsToolbar(props: SegmentsToolbarProps) {
  const { t } = useTranslation(['segments', 'common'])
  const { filters, onChange } = props
  return (
    <div className="toolbar" role="search" aria-label={t('toolbar.label')}>
      <SearchBox
        query={filters.query}
        onQueryChange={(query) => {
          props.onTyping(query)
          onChange({ filters: { query } }, { replace: true })
        }}
        inputRef={props.searchRef}
        onOpenFirst={props.onOpenFirst}
        onMoveIntoTable={props.onMoveIntoTable}
      />
      <label className="select-field">
        <span>{t('toolbar.provider')}</span>
        <select
          value={filters.provider ?? ''}
          onChange={(event) => {
            const value = event.target.value
            onChange({ filters: { provider: isProviderId(value) ? value : null } })
          }}
        >
          <option value="">{t('toolbar.all')}</option>
          {PROVIDER_IDS.map((provider) => (
            <option key={provider} value={provider}>
              {providerLabel[provider]}
            </option>
          ))}
        </select>
      </label>
      {FACETS.map((facet) => (
        <FacetFilter
          key={facet.id}
          facet={facet}
          rows={props.rows}
          filters={filters}
          collator={props.collator}
          onChange={(values) => onChange({ filters: { facets: { ...filters.facets, [facet.id]: values } } })}
        />
      ))}
      <label className="select-field">
        <span>{t('toolbar.tracking')}</span>
        <select
          value={filters.tracking ?? ''}
          onChange={(event) => {
            const value = event.target.value
            onChange({ filters: { tracking: value === 'on' || value === 'off' ? value : null } })
          }}
        >
          <option value="">{t('toolbar.any')}</option>
          <option value="on">{t('toolbar.on')}</option>
          <option value="off">{t('toolbar.off')}</option>
        </select>
      </label>
      <label className="select-field">
        <span>{t('toolbar.verdict')}</span>
        <select
          value={filters.verdict ?? ''}
          onChange={(event) =>
            onChange({ filters: { verdict: VERDICTS.find((verdict) => verdict === event.target.value) ?? null } })
          }
        >
          <option value="">{t('toolbar.any')}</option>
          {VERDICTS.map((verdict) => (
            <option key={verdict} value={verdict}>
              {t(`common:verdict.${verdict}`)}
            </option>
          ))}
        </select>
      </label>
      <FindingFilter finding={filters.finding} onChange={(finding) => onChange({ filters: { finding } })} />
      <DateField
        label={t('toolbar.notUpdatedSince')}
        value={filters.updatedBefore}
        onChange={(updatedBefore) => onChange({ filters: { updatedBefore } }, { replace: true })}
      />
      {hasActiveFilters(filters) ? (
        <button type="button" className="button button-ghost" onClick={props.onClearFilters}>
          {t('toolbar.clearFilters')}
        </button>
      ) : null}
      <span className="toolbar-spacer" />
      <ColumnsMenu visibility={props.columnVisibility} onChange={props.onColumnVisibilityChange} />
      <button type="button" className="button" onClick={props.onExport} disabled={props.exportDisabled}>
        {t('toolbar.export')}
      </button>
    </div>
  )
}
