// Asks once who is reviewing: the name is recorded with each verdict and remembered in this browser. A verdict key
// pressed before a name is given brings the reviewer here and says why, rather than being ignored. Used by a segment's
// Audit card and by the list's bulk verdicts, so both ask the same way.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isShortcut } from '../lib/keyboard'

const NO_KEYS: Readonly<Record<string, unknown>> = {}

export function ReviewerForm({
  onSubmit,
  maxLength,
  verdictKeys = NO_KEYS,
  intro,
  submitLabel,
}: {
  onSubmit: (name: string) => void
  /** The longest name the server keeps (it cuts a longer one): the field takes no more, so what is typed is kept. */
  maxLength: number
  /** Keys that would set a verdict here: pressed without a name, they bring the reviewer to the field. */
  verdictKeys?: Readonly<Record<string, unknown>>
  /**
   * Why the name is asked, where the default question says less (a segment's Audit card, which shows the audit above
   * it). The form has no heading of its own: it sits in a part that has one or says what it is for (the bulk bar), and
   * is named by this sentence.
   */
  intro?: string
  /** What the button does, where that is not to start reviewing (the Audit page's import, recorded under the name). */
  submitLabel?: string
}) {
  const { t } = useTranslation('common')
  const [name, setName] = useState('')
  const [nameFirst, setNameFirst] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const introId = useId()
  const inputId = useId()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcut(event) || !(event.key in verdictKeys)) return
      event.preventDefault()
      setNameFirst(true)
      input.current?.focus()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [verdictKeys])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (name.trim()) onSubmit(name)
  }
  return (
    <form className="reviewer-form" onSubmit={submit} aria-labelledby={introId}>
      <p id={introId} className="muted">
        {intro ?? t('reviewer.intro')}
      </p>
      <label htmlFor={inputId}>{t('reviewer.name')}</label>
      <div className="visitor-row">
        <input
          ref={input}
          id={inputId}
          className="input"
          value={name}
          maxLength={maxLength}
          onChange={(event) => setName(event.target.value)}
          autoComplete="name"
        />
        <button type="submit" className="button button-primary" disabled={!name.trim()}>
          {submitLabel ?? t('reviewer.start')}
        </button>
      </div>
      <p role="status" className="small-print">
        {nameFirst ? t('reviewer.nameFirst') : null}
      </p>
    </form>
  )
}
