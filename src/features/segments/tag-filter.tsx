// The tags filter: several tags at once, each with how many segments carry it under the other filters.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DisclosurePanel } from '../../components/disclosure-panel'
import { useFormat } from '../../components/use-format'
import { normaliseForSearch } from '../../lib/search-text'
import type { SegmentListFilters } from './list-state'
import type { SegmentRow } from './segment-rows'
import { tagFacets } from './segment-view'

const MAX_LISTED = 60

interface TagFilterProps {
  rows: readonly SegmentRow[]
  filters: SegmentListFilters
  collator: Intl.Collator
  onChange: (tags: string[]) => void
}

function TagChoices({ rows, filters, collator, onChange }: TagFilterProps) {
  const { t } = useTranslation('segments')
  const format = useFormat()
  const [find, setFind] = useState('')
  const facets = useMemo(() => tagFacets(rows, filters, collator), [rows, filters, collator])
  const needle = normaliseForSearch(find)
  const listed = facets.filter((facet) => needle === '' || normaliseForSearch(facet.tag).includes(needle)).slice(0, MAX_LISTED)
  const toggle = (tag: string, checked: boolean) =>
    onChange(checked ? [...filters.tags, tag] : filters.tags.filter((selected) => selected !== tag))
  return (
    <>
      <input
        type="search"
        className="input"
        placeholder={t('tagFilter.find')}
        aria-label={t('tagFilter.find')}
        value={find}
        onChange={(event) => setFind(event.target.value)}
      />
      {listed.length === 0 ? <p className="muted">{t('tagFilter.noMatch')}</p> : null}
      <ul className="check-list">
        {listed.map(({ tag, count }) => (
          <li key={tag}>
            <label>
              <input type="checkbox" checked={filters.tags.includes(tag)} onChange={(event) => toggle(tag, event.target.checked)} />
              <span className="check-label">{tag}</span>
              <span className="count">{format.number(count)}</span>
            </label>
          </li>
        ))}
      </ul>
      {filters.tags.length > 0 ? (
        <button type="button" className="button button-small" onClick={() => onChange([])}>
          {t('tagFilter.clear')}
        </button>
      ) : null}
    </>
  )
}

export function TagFilter(props: TagFilterProps) {
  const { t } = useTranslation('segments')
  const selected = props.filters.tags.length
  return (
    <DisclosurePanel
      label={selected > 0 ? t('tagFilter.buttonSelected', { selected }) : t('tagFilter.button')}
      buttonLabel={selected > 0 ? t('tagFilter.labelSelected', { count: selected }) : t('tagFilter.label')}
      panelLabel={t('tagFilter.panel')}
      active={selected > 0}
    >
      {() => <TagChoices {...props} />}
    </DisclosurePanel>
  )
}
