// Import of a session file: checked here, then merged into the team's audit by the server in one transaction (for each
// field the more recent review wins), with a summary; a refused file changes nothing.
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/alert'
import { ReviewerForm } from '../../components/reviewer-form'
import { baselineFromSession, getBaselineStore } from '../../stores/audit-baseline'
import { REVIEWER_MAX_LENGTH, type ImportAnswer } from '../../stores/audit-contract'
import { uploadSession } from '../../stores/session-upload'
import { auditKeys } from '../../stores/audit-queries'
import { useReviewer } from '../../stores/reviewer'
import { useWriteFailureText } from '../../stores/use-write-failure-text'
import { parseSessionFile, SESSION_MAX_BYTES, SessionFileError } from '../../stores/session-file'
import type { AuditT } from './audit-t'

type ImportState =
  | { kind: 'idle' }
  | { kind: 'working'; file: string }
  | { kind: 'done'; file: string; result: ImportAnswer; snapshotKept: boolean }
  | { kind: 'failed'; file: string; error: unknown }

/** Why a file was refused, in the interface language. */
function refusalText(t: AuditT, error: SessionFileError): string {
  const { version, field = '?', problem = '', problemCode, expected, allowed = [], maximum = 0 } = error.params
  switch (error.reason) {
    case 'too-large':
      return t('import.error.too-large')
    case 'not-json':
      return t('import.error.not-json')
    case 'not-session':
      return t('import.error.not-session')
    case 'newer-version':
      return t('import.error.newer-version', { version: version ?? 0 })
    case 'other-origin': {
      // The server compares the file's origin with what it audits: only it knows the latter.
      const other = new Set(error.params.otherOrigin)
      const braze = other.has('braze')
      return t(
        `import.error.other-origin.${braze && other.has('commanders-act') ? 'both' : braze ? 'braze' : 'commandersAct'}`,
      )
    }
    case 'damaged':
      // The schema's own words are English: each language has its own for what a file can get wrong.
      return t('import.error.damaged', {
        field,
        problem: t(`import.problem.${problemCode ?? 'invalid'}`, {
          problem,
          kind: expected ? t(`import.kind.${expected}`) : '',
          allowed: allowed.join(', '),
          count: allowed.length,
          maximum,
        }),
      })
  }
}

/**
 * A session file's text: UTF-8, or UTF-16 when it starts with that byte order mark, as a file saved again by Windows
 * PowerShell or Notepad's "Unicode" is (read as UTF-8, it would not be JSON).
 */
async function fileText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  const [first, second] = bytes
  const encoding =
    first === 0xff && second === 0xfe ? 'utf-16le' : first === 0xfe && second === 0xff ? 'utf-16be' : 'utf-8'
  return new TextDecoder(encoding).decode(bytes)
}

function summaryText(t: AuditT, result: ImportAnswer): string {
  return t('import.summary', {
    added: t('import.added', { count: result.added }),
    updated:
      result.partlyKept > 0
        ? t('import.updatedPartly', { count: result.updated, partly: result.partlyKept })
        : t('import.updated', { count: result.updated }),
    kept: t('import.kept', { count: result.keptNewer }),
    identical: t('import.identical', { count: result.unchanged }),
  })
}

export function SessionImport() {
  const { t } = useTranslation(['audit', 'common'])
  const failureText = useWriteFailureText()
  const [state, setState] = useState<ImportState>({ kind: 'idle' })
  const { reviewer, fromServer, loading, remember } = useReviewer()
  const queryClient = useQueryClient()
  const labelId = useId()
  const chosenId = useId()
  const chooseId = useId()
  const working = state.kind === 'working'
  const disabled = working || !reviewer
  // The name form gone with the keyboard in it, the keyboard goes on to the file picker, not to the page's top.
  const picker = useRef<HTMLInputElement>(null)
  const named = useRef(false)
  useEffect(() => {
    if (!reviewer || !named.current) return
    named.current = false
    if (document.activeElement === document.body) picker.current?.focus()
  }, [reviewer])
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    setState({ kind: 'working', file: file.name })
    try {
      if (file.size > SESSION_MAX_BYTES) throw new SessionFileError('This file is larger than 10 MB.', 'too-large')
      const text = await fileText(file)
      const session = parseSessionFile(text, new Date())
      const result = await uploadSession(text, 'file', reviewer)
      await queryClient.invalidateQueries({ queryKey: auditKeys.entries() })
      // The reviews are in; the snapshot for "Changed since the last audit" is a bonus that must not undo them.
      const snapshotKept = await getBaselineStore()
        .offer(baselineFromSession(session, 'import', file.name))
        .then(
          () => true,
          () => false,
        )
      setState({ kind: 'done', file: file.name, result, snapshotKept })
    } catch (error) {
      setState({ kind: 'failed', file: file.name, error })
    }
  }
  return (
    <section className="card" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('import.heading')}</h2>
      <p className="muted">{t('import.intro')}</p>
      {/* The import is recorded under a name: asked here, as a segment's page and the bulk bar ask it. */}
      {!reviewer && !fromServer && !loading ? (
        <ReviewerForm
          onSubmit={(name) => {
            named.current = true
            remember(name)
          }}
          maxLength={REVIEWER_MAX_LENGTH}
          intro={t('import.nameFirst')}
          submitLabel={t('import.useName')}
        />
      ) : null}
      {/* The browser's own picker says "Choose File" in its language, whatever the page's: a button in ours. */}
      <div className="file-field">
        <span id={labelId}>{t('import.file')}</span>
        <span className="file-choice">
          <label className={`button${disabled ? ' button-disabled' : ''}`}>
            <span id={chooseId}>{t('import.choose')}</span>
            <input
              ref={picker}
              className="visually-hidden"
              type="file"
              accept="application/json,.json"
              // The field's label, then the button's own words: what a speech-input user reads on screen and says.
              aria-labelledby={`${labelId} ${chooseId}`}
              aria-describedby={chosenId}
              onChange={(event) => void onFile(event)}
              // While a file is imported the picker opens no other, but keeps the keyboard: disabled, it would drop
              // it to the page's top, with nothing to say where the import's summary is.
              aria-disabled={working || undefined}
              onClick={(event) => working && event.preventDefault()}
              disabled={!reviewer}
            />
          </label>
          <span id={chosenId} className="muted">
            {state.kind === 'idle' ? t('import.noFile') : state.file}
          </span>
        </span>
      </div>
      {state.kind === 'working' ? <p role="status">{t('import.working')}</p> : null}
      {state.kind === 'done' ? (
        <Alert tone="info" title={t('import.done', { file: state.file })}>
          <p role="status">{summaryText(t, state.result)}</p>
          {state.snapshotKept ? null : <p>{t('import.snapshotNotKept')}</p>}
        </Alert>
      ) : null}
      {state.kind === 'failed' ? (
        <Alert tone="error" title={t('import.failed', { file: state.file })}>
          {state.error instanceof SessionFileError
            ? `${refusalText(t, state.error)} ${t('import.nothingChanged')}`
            : // The audit server failed it, or never answered: said as a segment's page says a write that failed, and
              // whether the merge happened may not be known.
              t('import.error.server', { message: failureText(state.error) })}
        </Alert>
      ) : null}
    </section>
  )
}
