// The search field: instant, accent-insensitive; typing replaces the URL entry instead of stacking history.
// Keys: Escape clears it, Enter opens the first segment of the view, ↓ moves into the table.
import { useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'

interface SearchBoxProps {
  query: string
  onQueryChange: (query: string) => void
  inputRef?: RefObject<HTMLInputElement | null>
  onOpenFirst?: (query: string) => void
  onMoveIntoTable?: () => void
}

export function SearchBox({ query, onQueryChange, inputRef, onOpenFirst, onMoveIntoTable }: SearchBoxProps) {
  const { t } = useTranslation('segments')
  const [text, setText] = useState(query)
  const [lastQuery, setLastQuery] = useState(query)
  const [typing, setTyping] = useState(false)
  // The URL can change under the field (Back, "Clear filters"): follow it — but not while the user types, when the
  // URL only echoes earlier keystrokes a moment late and would swallow the latest ones.
  if (query !== lastQuery) {
    setLastQuery(query)
    if (query !== text && !typing) setText(query)
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
      onFocus={() => setTyping(true)}
      onBlur={() => setTyping(false)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          // The browser clears a search field on Escape by itself, without telling React: do it here, once.
          event.preventDefault()
          if (text !== '') change('')
          else event.currentTarget.blur()
        } else if (event.key === 'Enter' && onOpenFirst) {
          event.preventDefault()
          onOpenFirst(text)
        } else if (event.key === 'ArrowDown' && onMoveIntoTable) {
          event.preventDefault()
          onMoveIntoTable()
        }
      }}
    />
  )
}
