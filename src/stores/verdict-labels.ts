// Verdict keyboard keys, in one place for the segment page's audit panel. The verdicts' names are translations
// (common:verdict.<verdict>).
import type { Verdict } from './audit-contract'

/** Keys 1/2/3 set a verdict from anywhere on a segment's page. */
export const VERDICT_KEYS: Record<string, Verdict> = { '1': 'keep', '2': 'fix', '3': 'archive' }
