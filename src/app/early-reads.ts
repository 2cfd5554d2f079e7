// Imported first by main.tsx: starts the reads the first screen waits for — the interface language's strings, the
// server's status, the saved cache and the verdicts — as soon as the scripts begin to run. Evaluating the rest of them takes a while
// on a slow machine (~50 ms on two cores); the answers come in meanwhile instead of being asked for afterwards. Each
// read is taken once by the code that would otherwise start it (see src/lib/head-start.ts).
import { startRead } from '../lib/head-start'
import { EARLY_STATUS_READ, fetchConnectionStatus } from '../providers/connection-status'
import { detectLanguage, fetchTranslations, startupTranslations } from './locale-files'
import { getVerdictStore } from '../stores/verdict-store'
import { startReadingCache } from './query-persistence'

for (const { url } of startupTranslations(detectLanguage())) startRead(url, () => fetchTranslations(url))
startRead(EARLY_STATUS_READ, () => fetchConnectionStatus())
startReadingCache()
// The verdicts load as the store is made: the list's first rows then show them, not "Unreviewed" for a moment.
getVerdictStore()
