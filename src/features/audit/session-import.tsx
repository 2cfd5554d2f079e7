// Import of a session file: merged with this browser's verdicts (the newer review wins), with a summary; a bad file changes nothing.
import { useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/alert'
import { baselineFromSession, getBaselineStore } from '../../stores/audit-baseline'
import { mergeSessions, parseSessionFile, SessionFileError, type MergeResult } from '../../stores/session-file'
import { getVerdictStore } from '../../stores/verdict-store'
import type { AuditT } from './audit-t'

type ImportState =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; file: string; result: MergeResult; snapshotKept: boolean }
  | { kind: 'failed'; file: string; error: unknown }

/** Why a file was refused, in the interface language; anything but a refused file (storage failing, say) as it came. */
function refusalText(t: AuditT, error: unknown): string {
  if (error instanceof SessionFileError) {
    const { version, field = '?', problem = '' } = error.params
    switch (error.reason) {
      case 'not-json':
        return t('import.error.not-json')
      case 'not-session':
        return t('import.error.not-session')
      case 'newer-version':
        return t('import.error.newer-version', { version: version ?? 0 })
      case 'damaged':
        return t('import.error.damaged', { field, problem })
    }
  }
  return error instanceof Error ? error.message : String(error)
}

function summaryText(t: AuditT, result: MergeResult): string {
  return t('import.summary', {
    added: t('import.added', { count: result.added }),
    updated: t('import.updated', { count: result.updated }),
    kept: t('import.kept', { count: result.keptLocal }),
    identical: t('import.identical', { count: result.unchanged }),
  })
}

export function SessionImport() {
  const { t } = useTranslation(['audit', 'common'])
  const [state, setState] = useState<ImportState>({ kind: 'idle' })
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    setState({ kind: 'working' })
    try {
      const session = parseSessionFile(await file.text())
      const store = getVerdictStore()
      await store.ready
      const result = mergeSessions(store.getSnapshot(), session.entries)
      if (result.toWrite.length > 0) await store.saveMany(result.toWrite)
      // The reviews are in; the snapshot for "Changed since the last audit" is a bonus that must not undo them.
      const snapshotKept = await getBaselineStore()
        .offer(baselineFromSession(session, 'import', file.name))
        .then(() => true, () => false)
      setState({ kind: 'done', file: file.name, result, snapshotKept })
    } catch (error) {
      setState({ kind: 'failed', file: file.name, error })
    }
  }
  return (
    <section className="card" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('import.heading')}</h2>
      <p className="muted">{t('import.intro')}</p>
      <label className="file-field">
        <span>{t('import.file')}</span>
        <input type="file" accept="application/json,.json" onChange={(event) => void onFile(event)} disabled={state.kind === 'working'} />
      </label>
      {state.kind === 'working' ? <p role="status">{t('import.working')}</p> : null}
      {state.kind === 'done' ? (
        <Alert tone="info" title={t('import.done', { file: state.file })}>
          <p role="status">{summaryText(t, state.result)}</p>
          {state.snapshotKept ? null : <p>{t('import.snapshotNotKept')}</p>}
        </Alert>
      ) : null}
      {state.kind === 'failed' ? (
        <Alert tone="error" title={t('import.failed', { file: state.file })}>
          {refusalText(t, state.error)} {t('import.nothingChanged')}
        </Alert>
      ) : null}
    </section>
  )
}
