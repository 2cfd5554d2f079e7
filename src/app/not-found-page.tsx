// The page for an address the app does not know.
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmptyState } from '../components/empty-state'
import { useDocumentTitle } from '../components/use-document-title'

export function NotFoundPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('notFound.title'))
  return (
    <EmptyState page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <Link className="button" to="/">
        {t('notFound.back')}
      </Link>
    </EmptyState>
  )
}
