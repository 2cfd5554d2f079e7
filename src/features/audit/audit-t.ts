// The audit page's translate function: its own strings (namespace audit) first, the shared ones second (verdicts,
// findings, "not provided", provider errors), as `t('common:…')`.
import type { TFunction } from 'i18next'

export type AuditT = TFunction<['audit', 'common']>
