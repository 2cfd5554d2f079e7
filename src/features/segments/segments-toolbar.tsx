// The toolbar above the table: search, filters, columns and export.
import type { ColumnVisibilityState } from '@tanstack/react-table'
import { useTranslation } from 'react-i18next'
import { DateField } from '../../components/date-field'
import { useFindingSettings } from '../../stores/finding-settings'
import { FACETS, type ColumnId } from './columns'
import { ColumnsMenu } from './columns-menu'
import { FacetFilter } from './facet-filter'
import { CHOICE_FILTERS, hasActiveFilters, readChoice, type ChoiceFilter, type SegmentListFilters } from './list-state'
import { SearchBox } from './search-box'
import type { SegmentRow } from './segment-rows'
import type { ListKeys } from './use-list-keyboard'
import type { ListStateChange } from './use-list-state'

interface SegmentsToolbarProps {
  filters: SegmentListFilters
  onChange: (change: ListStateChange) => void
  onClearFilters: () => void
  rows: readonly SegmentRow[]
  columnVisibility: ColumnVisibilityState
  onShowColumn: (id: ColumnId, shown: boolean) => void
  onExport: () => void
  exportDisabled: boolean
  /** The search as typed, which leads the URL's by a moment. */
  search: string
  onSearch: (query: string) => void
  keyboard: ListKeys
  /** No list at all (neither provider configured, or both failed before any row): nothing to search or show. */
  disabled: boolean
}

type ChoiceSelectProps = Pick<SegmentsToolbarProps, 'filters' | 'onChange'> & { filter: ChoiceFilter }

/** A single-choice filter's select: its blank option first, then its values in their declared order. */
function ChoiceSelect({ filter, filters, onChange }: ChoiceSelectProps) {
  const { t } = useTranslation(['segments', 'common'])
  const settings = useFindingSettings()
  const value = filters[filter.param]
  return (
    <label className="select-field">
      <span>{t(`toolbar.${filter.param}`)}</span>
      <select
        value={value ?? ''}
        onChange={(event) => onChange({ filters: { [filter.param]: readChoice(filter, event.target.value) } })}
      >
        <option value="">{t(`toolbar.${filter.blank ?? 'any'}`)}</option>
        {filter.values.map((option) => {
          const label = filter.option(option, t)
          const waiting = filter.waiting?.(option, settings) ?? false
          return (
            // A waiting option stays selectable while it is the one picked, so the select never shows a wrong value.
            <option key={option} value={option} disabled={waiting && option !== value}>
              {waiting ? t('toolbar.noPattern', { finding: label }) : label}
            </option>
          )
        })}
      </select>
    </label>
  )
}

export function SegmentsToolbar(props: SegmentsToolbarProps) {
  const { t } = useTranslation(['segments', 'common'])
  const { filters, onChange } = props
  const choiceSelect = (filter: ChoiceFilter) => (
    <ChoiceSelect key={filter.param} filter={filter} filters={filters} onChange={onChange} />
  )
  return (
    <div className="toolbar" role="search" aria-label={t('toolbar.label')}>
      {/* Disables every control in it at once; laid out as the toolbar's own children (styles.css), and no group of its
          own to a screen reader (the toolbar is the search landmark already). */}
      <fieldset role="none" disabled={props.disabled}>
        <SearchBox query={props.search} onQueryChange={props.onSearch} keyboard={props.keyboard} />
        {CHOICE_FILTERS.filter((filter) => filter.beforeFacets).map(choiceSelect)}
        {FACETS.map((facet) => (
          <FacetFilter
            key={facet.id}
            facet={facet}
            rows={props.rows}
            filters={filters}
            onChange={(values) => onChange({ filters: { facets: { ...filters.facets, [facet.id]: values } } })}
          />
        ))}
        {CHOICE_FILTERS.filter((filter) => !filter.beforeFacets).map(choiceSelect)}
        <DateField
          label={t('toolbar.notUpdatedSince')}
          value={filters.updatedBefore}
          // Called only when the date the field reads changes (a whole date typed, or none): Back undoes each one.
          onChange={(updatedBefore) => onChange({ filters: { updatedBefore } })}
        />
        {hasActiveFilters(filters) ? (
          <button type="button" className="button button-ghost" onClick={props.onClearFilters}>
            {t('toolbar.clearFilters')}
          </button>
        ) : null}
        <span className="toolbar-spacer" />
        <ColumnsMenu visibility={props.columnVisibility} onChange={props.onShowColumn} />
        <button type="button" className="button" onClick={props.onExport} disabled={props.exportDisabled}>
          {t('toolbar.export')}
        </button>
      </fieldset>
    </div>
  )
}
