// The search field: instant, accent-insensitive; starting to type adds one history entry, later keystrokes replace it.
// Keys: Escape clears it, Enter opens the first segment of the view, ↓ moves into the table.
import type { RefObject } from 'react'
import { useTranslation } from 'react-i18next'

interface SearchBoxProps {
  /** The search as typed: it leads the URL's by a moment, and is the URL's again after Back or "Clear filters". */
  query: string
  onQueryChange: (query: string) => void
  inputRef?: RefObject<HTMLInputElement | null>
  onOpenFirst?: (query: string) => void
  onMoveIntoTable?: () => void
}

export function SearchBox({ query, onQueryChange, inputRef, onOpenFirst, onMoveIntoTable }: SearchBoxProps) {
  const { t } = useTranslation('segments')
  return (
    <input
      ref={inputRef}
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
        } else if (event.key === 'Enter' && onOpenFirst) {
          event.preventDefault()
          onOpenFirst(query)
        } else if (event.key === 'ArrowDown' && onMoveIntoTable) {
          event.preventDefault()
          onMoveIntoTable()
        }
      }}
    />
  )
}
