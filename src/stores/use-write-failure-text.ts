// A failed audit write in the interface language, for the sentence it goes into ("Not saved: …. Try again."): the
// reasons a reviewer can meet have their own words; another refusal (a request the server found malformed) keeps the
// server's own sentence, which only a developer would need.
import { useTranslation } from 'react-i18next'
import { writeFailureOf } from './audit-writes'

const SAID = {
  unreachable: 'auditFailure.unreachable',
  unreadable: 'auditFailure.unreadable',
  store_error: 'auditFailure.storeError',
  unauthenticated: 'auditFailure.unauthenticated',
  reviewer_required: 'auditFailure.reviewerRequired',
  too_large: 'auditFailure.tooLarge',
} as const

function isSaid(reason: string): reason is keyof typeof SAID {
  return Object.hasOwn(SAID, reason)
}

export function useWriteFailureText(): (error: unknown) => string {
  const { t } = useTranslation('common')
  return (error) => {
    const failure = writeFailureOf(error)
    // Not answered, or not readable: the two failures without a server's answer.
    if (!('status' in failure)) return t(SAID[failure.reason])
    if (isSaid(failure.reason)) return t(SAID[failure.reason])
    if (failure.reason === 'http') return t('auditFailure.http', { status: failure.status })
    return failure.message.replace(/\.$/, '')
  }
}
