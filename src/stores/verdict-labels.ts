// Verdict names and keyboard keys, in one place for the panel, the list column, the filter and exports.
import type { Verdict } from './verdict-store'

export const VERDICT_LABELS: Record<Verdict, string> = {
  keep: 'Keep',
  fix: 'Fix',
  archive: 'Archive',
  unreviewed: 'Unreviewed',
}

/** Keys 1/2/3 set a verdict from anywhere on a segment's page. */
export const VERDICT_KEYS: Record<string, Verdict> = { '1': 'keep', '2': 'fix', '3': 'archive' }
