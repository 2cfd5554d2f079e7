// The mark on a row or a detail whose provider answer broke its documented shape, naming the fields, as text.
import { useFixedT } from './use-fixed-t'
import { Badge } from './badge'

export function MalformedMark({ fields }: { fields: readonly string[] | undefined }) {
  const t = useFixedT()
  if (!fields || fields.length === 0) return null
  return (
    <>
      {' '}
      <Badge tone="demo">{t('malformed.mark', { fields: [...new Set(fields)].join(', ') })}</Badge>
    </>
  )
}
