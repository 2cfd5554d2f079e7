// Asks once who is reviewing: the name is recorded with each verdict and remembered in this browser. A verdict key
// pressed before a name is given brings the reviewer here and says why, rather than being ignored.
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isShortcut } from '../../lib/keyboard'

export function ReviewerForm({
  onSubmit,
  verdictKeys,
}: {
  onSubmit: (name: string) => void
  verdictKeys: Readonly<Record<string, unknown>>
}) {
  const { t } = useTranslation('detail')
  const [name, setName] = useState('')
  const [nameFirst, setNameFirst] = useState(false)
  const input = useRef<HTMLInputElement>(null)
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
    <form className="card audit-panel" onSubmit={submit} aria-labelledby="reviewer-heading">
      <h2 id="reviewer-heading">{t('reviewer.heading')}</h2>
      <p className="muted">{t('reviewer.intro')}</p>
      <label htmlFor="reviewer-name">{t('reviewer.name')}</label>
      <div className="visitor-row">
        <input
          ref={input}
          id="reviewer-name"
          className="input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoComplete="name"
        />
        <button type="submit" className="button button-primary" disabled={!name.trim()}>
          {t('reviewer.start')}
        </button>
      </div>
      <p role="status" className="small-print">
        {nameFirst ? t('reviewer.nameFirst') : null}
      </p>
    </form>
  )
}
