// The search field: instant, accent-insensitive; typing replaces the URL entry instead of stacking history.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

interface SearchBoxProps {
  query: string
  onQueryChange: (query: string) => void
}

export function SearchBox({ query, onQueryChange }: SearchBoxProps) {
  const { t } = useTranslation('segments')
  const [text, setText] = useState(query)
  const [lastQuery, setLastQuery] = useState(query)
  // The URL can change under the field (Back, "Clear filters"): follow it.
  if (query !== lastQuery) {
    setLastQuery(query)
    if (query !== text) setText(query)
  }
  return (
    <input
      type="search"
      className="input search-input"
      aria-label={t('search.label')}
      placeholder={t('search.placeholder')}
      value={text}
      onChange={(event) => {
        setText(event.target.value)
        setLastQuery(event.target.value)
        onQueryChange(event.target.value)
      }}
    />
  )
}
