// The search field: instant, accent-insensitive; starting to type adds one history entry, later keystrokes replace it.
// Keys: Escape clears it, Enter opens the first segment of the view, ↓ moves into the table.
import { useTranslation } from 'react-i18next'
import type { ListKeys } from './use-list-keyboard'

interface SearchBoxProps {
  /** The search as typed: it leads the URL's by a moment, and is the URL's again after Back or "Clear filters". */
  query: string
  onQueryChange: (query: string) => void
  keyboard: ListKeys
}

export function SearchBox({ query, onQueryChange, keyboard: { searchRef, openFirst, moveIntoTable } }: SearchBoxProps) {
  const { t } = useTranslation('segments')
  return (
    <input
      ref={searchRef}
      type="search"
      className="input search-input"
      aria-label={t('search.label')}
      placeholder={t('search.placeholder')}
      value={query}
      aria-keyshortcuts="/"
      onChange={(event) => onQueryChange(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          // The browser clears a search field on Escape by itself, without telling React: do it here, once.
          event.preventDefault()
          if (query !== '') onQueryChange('')
          else event.currentTarget.blur()
        } else if (event.key === 'Enter') {
          event.preventDefault()
          openFirst(query)
        } else if (event.key === 'ArrowDown') {
          event.preventDefault()
          moveIntoTable()
        }
      }}
    />
  )
}
