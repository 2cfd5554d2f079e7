// Asks once who is reviewing: the name is recorded with each verdict and remembered in this browser.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

export function ReviewerForm({ onSubmit }: { onSubmit: (name: string) => void }) {
  const { t } = useTranslation('detail')
  const [name, setName] = useState('')
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
        <input id="reviewer-name" className="input" value={name} onChange={(event) => setName(event.target.value)} autoComplete="name" />
        <button type="submit" className="button button-primary" disabled={!name.trim()}>
          {t('reviewer.start')}
        </button>
      </div>
    </form>
  )
}
