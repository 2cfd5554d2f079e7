// Translation keys are checked at compile time: the English files are the reference every namespace is typed from.
import 'i18next'
import type audit from './locales/en/audit.json'
import type common from './locales/en/common.json'
import type connections from './locales/en/connections.json'
import type detail from './locales/en/detail.json'
import type segments from './locales/en/segments.json'
import type visitor from './locales/en/visitor.json'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: {
      common: typeof common
      segments: typeof segments
      detail: typeof detail
      audit: typeof audit
      visitor: typeof visitor
      connections: typeof connections
    }
  }
}
