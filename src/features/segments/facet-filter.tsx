// A multi-value filter (Tags, Teams): several values at once, each with how many segments carry it under the other
// filters. One part for every facet column of the registry (columns.tsx); its words are the column's own.
import { useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DisclosurePanel } from '../../components/disclosure-panel'
import { useFormat } from '../../components/use-format'
import { NAME_COLLATOR } from '../../lib/name-order'
import { normaliseForSearch } from '../../lib/search-text'
import type segmentsWords from '../../locales/en/segments.json'
import type { Facet } from './columns'
import type { SegmentListFilters } from './list-state'
import type { SegmentRow } from './segment-rows'
import { facetCounts } from './segment-view'

const MAX_LISTED = 60

/** The facets the locale files have words for. */
type FacetWords = keyof (typeof segmentsWords)['facetFilter']

interface FacetFilterProps {
  facet: Facet
  rows: readonly SegmentRow[]
  filters: SegmentListFilters
  onChange: (values: string[]) => void
}

function useFacetWords(facet: Facet) {
  const { t } = useTranslation('segments')
  const words = facet.id as FacetWords
  return (key: 'button' | 'label' | 'panel' | 'find' | 'noMatch' | 'clear') => t(`facetFilter.${words}.${key}`)
}

function FacetChoices({ facet, rows, filters, onChange }: FacetFilterProps) {
  const words = useFacetWords(facet)
  const format = useFormat()
  const [find, setFind] = useState('')
  const findField = useRef<HTMLInputElement>(null)
  const countId = useId()
  const counts = useMemo(() => facetCounts(rows, filters, facet, NAME_COLLATOR), [rows, filters, facet])
  const selected = filters.facets[facet.id] ?? []
  const needle = normaliseForSearch(find)
  const listed = counts
    .filter(({ value }) => needle === '' || normaliseForSearch(value).includes(needle))
    .slice(0, MAX_LISTED)
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...selected, value] : selected.filter((picked) => picked !== value))
  return (
    <>
      <input
        type="search"
        className="input"
        ref={findField}
        placeholder={words('find')}
        aria-label={words('find')}
        value={find}
        onChange={(event) => setFind(event.target.value)}
        onKeyDown={(event) => {
          // Escape first clears what was typed, the keyboard staying here (taken, so the panel stays open); in the
          // empty field it is left to the panel, which closes. The browser's own clearing would not tell React.
          if (event.key !== 'Escape' || find === '') return
          event.preventDefault()
          setFind('')
        }}
      />
      {listed.length === 0 ? <p className="muted">{words('noMatch')}</p> : null}
      <ul className="check-list">
        {listed.map(({ value, count }, index) => (
          <li key={value}>
            <label>
              {/* Named by the value alone, which a speech-input user says to tick it: the count, which changes with
                  the other filters, is said after it as its description. */}
              <input
                type="checkbox"
                checked={selected.includes(value)}
                aria-describedby={countId + index}
                onChange={(event) => toggle(value, event.target.checked)}
              />
              <span className="check-label">{value}</span>
              <span className="count" id={countId + index} aria-hidden="true">
                {format.number(count)}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {selected.length > 0 ? (
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            onChange([])
            // The button goes with the values it cleared: the keyboard stays in the panel, on its first control.
            findField.current?.focus()
          }}
        >
          {words('clear')}
        </button>
      ) : null}
    </>
  )
}

export function FacetFilter(props: FacetFilterProps) {
  const { t } = useTranslation('segments')
  const words = props.facet.id as FacetWords
  const selected = props.filters.facets[props.facet.id]?.length ?? 0
  return (
    <DisclosurePanel
      label={selected > 0 ? t(`facetFilter.${words}.buttonSelected`, { selected }) : t(`facetFilter.${words}.button`)}
      buttonLabel={
        selected > 0 ? t(`facetFilter.${words}.labelSelected`, { count: selected }) : t(`facetFilter.${words}.label`)
      }
      panelLabel={t(`facetFilter.${words}.panel`)}
      active={selected > 0}
    >
      {() => <FacetChoices {...props} />}
    </DisclosurePanel>
  )
}
