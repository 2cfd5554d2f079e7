// A date typed in the interface language's format (jj/mm/aaaa in French), with that format shown, rather than the
// browser's date input, whose format follows the browser's language whatever the page's.
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateInput, parseDateInput } from '../lib/date-input'
import { useFormat } from './use-format'

interface DateFieldProps {
  label: string
  /** The ISO day (2025-12-31), or null for none. */
  value: string | null
  onChange: (value: string | null) => void
}

export function DateField({ label, value, onChange }: DateFieldProps) {
  const { t } = useTranslation()
  const { locale } = useFormat()
  const inputId = useId()
  const hintId = useId()
  const shown = value === null ? '' : formatDateInput(value, locale)
  // What is being typed, until it reads as a date (or the value changes elsewhere: "Clear filters").
  const [draft, setDraft] = useState<{ text: string; for: string } | null>(null)
  const text = draft && draft.for === shown ? draft.text : shown
  // Said once the field is left: half a date is not an error while it is being typed.
  const [editing, setEditing] = useState(false)
  const invalid = !editing && text.trim() !== '' && parseDateInput(text, locale) === undefined
  return (
    <span className="select-field date-field">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        className="input"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        size={10}
        value={text}
        placeholder={t('dateField.format')}
        aria-describedby={hintId}
        aria-invalid={invalid}
        onFocus={() => setEditing(true)}
        onBlur={() => setEditing(false)}
        onChange={(event) => {
          const typed = event.target.value
          const parsed = typed.trim() === '' ? null : parseDateInput(typed, locale)
          if (parsed !== undefined) {
            onChange(parsed)
            setDraft({ text: typed, for: parsed === null ? '' : formatDateInput(parsed, locale) })
          } else setDraft({ text: typed, for: shown })
        }}
      />
      <span id={hintId} className={invalid ? 'field-problem small-print' : 'visually-hidden'}>
        {t(invalid ? 'dateField.invalid' : 'dateField.hint', { format: t('dateField.format') })}
      </span>
    </span>
  )
}
