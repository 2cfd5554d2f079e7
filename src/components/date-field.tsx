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

interface Draft {
  text: string
  /** The ISO day the text reads as, or null (empty, half a date, not a date). */
  gave: string | null
  from: string | null
  locale: string
}

export function DateField({ label, value, onChange }: DateFieldProps) {
  const { t } = useTranslation()
  const { locale } = useFormat()
  const inputId = useId()
  const hintId = useId()
  // What was typed, shown as typed (6/1/2025, half a date, not a date) for the value it gave. `from` is the value
  // before, still passed in until the change arrives (the caller's update can lag a render). Any other value came from
  // elsewhere (Back, "Clear filters") and replaces the text; so does another language, which reads dates otherwise.
  const [draft, setDraft] = useState<Draft | null>(null)
  if (draft !== null) {
    if (draft.locale !== locale || (value !== draft.gave && value !== draft.from)) setDraft(null)
    else if (value === draft.gave && draft.from !== draft.gave) setDraft({ ...draft, from: draft.gave })
  }
  const text = draft?.text ?? (value === null ? '' : formatDateInput(value, locale))
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
          // Half a date, or not a date, gives none: nothing may filter by a date the field no longer shows.
          const gave = (typed.trim() === '' ? null : parseDateInput(typed, locale)) ?? null
          if (gave !== (draft === null ? value : draft.gave)) onChange(gave)
          setDraft({ text: typed, gave, from: value, locale })
        }}
      />
      {/* The problem is said as the field is left (an alert, a new element so that it is heard), the keyboard being
          elsewhere by then; the hint is only read with the field. */}
      <span
        key={String(invalid)}
        id={hintId}
        role={invalid ? 'alert' : undefined}
        className={invalid ? 'field-problem small-print' : 'visually-hidden'}
      >
        {t(invalid ? 'dateField.invalid' : 'dateField.hint', { format: t('dateField.format') })}
      </span>
    </span>
  )
}
