// Import of a session file: merged with this browser's verdicts (the newer review wins), with a summary; a bad file changes nothing.
import { useState, type ChangeEvent } from 'react'
import { Alert } from '../../components/alert'
import { formatNumber } from '../../lib/format'
import { baselineFromSession, getBaselineStore } from '../../stores/audit-baseline'
import { mergeSessions, parseSessionFile, type MergeResult } from '../../stores/session-file'
import { getVerdictStore } from '../../stores/verdict-store'

type ImportState = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; file: string; result: MergeResult; snapshotKept: boolean } | { kind: 'failed'; file: string; message: string }

export function SessionImport() {
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
        .save(baselineFromSession(session, 'import', file.name))
        .then(() => true, () => false)
      setState({ kind: 'done', file: file.name, result, snapshotKept })
    } catch (error) {
      setState({ kind: 'failed', file: file.name, message: error instanceof Error ? error.message : String(error) })
    }
  }
  return (
    <section className="card" aria-labelledby="import-heading">
      <h2 id="import-heading">Import a session</h2>
      <p className="muted">Merge a colleague’s session (or your own backup) into this browser: for each segment, the more recent review wins.</p>
      <label className="file-field">
        <span>Session file (.json)</span>
        <input type="file" accept="application/json,.json" onChange={(event) => void onFile(event)} disabled={state.kind === 'working'} />
      </label>
      {state.kind === 'working' ? <p role="status">Importing…</p> : null}
      {state.kind === 'done' ? (
        <Alert tone="info" title={`Imported ${state.file}`}>
          <p role="status">
            {formatNumber(state.result.added)} added, {formatNumber(state.result.updated)} updated,{' '}
            {formatNumber(state.result.keptLocal)} kept (yours were as recent or newer), {formatNumber(state.result.unchanged)} already identical.
          </p>
          {state.snapshotKept ? null : <p>Its snapshot could not be kept: “Changed since the last audit” still compares with the previous one.</p>}
        </Alert>
      ) : null}
      {state.kind === 'failed' ? (
        <Alert tone="error" title={`${state.file} was not imported`}>
          {state.message} Nothing was changed.
        </Alert>
      ) : null}
    </section>
  )
}
