// The search field: instant, accent-insensitive; typing replaces the URL entry instead of stacking history.
// Keys: Escape clears it, Enter opens the first segment of the view, ↓ moves into the table.
import { useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'

interface SearchBoxProps {
  query: string
  onQueryChange: (query: string) => void
  inputRef?: RefObject<HTMLInputElement | null>
  onOpenFirst?: () => void
  onMoveIntoTable?: () => void
}

export function SearchBox({ query, onQueryChange, inputRef, onOpenFirst, onMoveIntoTable }: SearchBoxProps) {
  const { t } = useTranslation('segments')
  const [text, setText] = useState(query)
  const [lastQuery, setLastQuery] = useState(query)
  // The URL can change under the field (Back, "Clear filters"): follow it.
  if (query !== lastQuery) {
    setLastQuery(query)
    if (query !== text) setText(query)
  }
  const change = (value: string) => {
    setText(value)
    setLastQuery(value)
    onQueryChange(value)
  }
  return (
    <input
      ref={inputRef}
      type="search"
      className="input search-input"
      aria-label={t('search.label')}
      placeholder={t('search.placeholder')}
      value={text}
      aria-keyshortcuts="/"
      onChange={(event) => change(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          // The browser clears a search field on Escape by itself, without telling React: do it here, once.
          event.preventDefault()
          if (text !== '') change('')
          else event.currentTarget.blur()
        } else if (event.key === 'Enter' && onOpenFirst) {
          event.preventDefault()
          onOpenFirst()
        } else if (event.key === 'ArrowDown' && onMoveIntoTable) {
          event.preventDefault()
          onMoveIntoTable()
        }
      }}
    />
  )
}
