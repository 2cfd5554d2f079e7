// Imported first by main.tsx: before the rest of the app is evaluated (~50 ms on a slow two-core machine), asks
// for what the first screen waits on — the interface language's strings and the server's status. The answers
// come in meanwhile instead of being asked for afterwards; each read is taken once by the code that would
// otherwise start it (see src/lib/head-start.ts). The saved query cache is read from main.tsx, as the persisted
// client is made (see query-persistence.ts).
import { startRead } from '../lib/head-start'
import { EARLY_STATUS_READ, fetchConnectionStatus } from '../providers/connection-status'
import { detectLanguage, fetchTranslations, startupTranslations } from './locale-files'

for (const { url } of startupTranslations(detectLanguage(), location.pathname))
  startRead(url, () => fetchTranslations(url))
startRead(EARLY_STATUS_READ, () => fetchConnectionStatus())
