// Which Braze workspace and Commanders Act site this server audits, as the session files it exports say it, and the
// refusal of a file exported from another: its reviews are of another list's segments (here they would all read as
// "no longer listed"), and its snapshot would replace what "Changed since the last audit" compares with.
import { createHash } from 'node:crypto'
import { workspaceOf } from '../proxy/answer-cache.ts'
import type { ProxyTargets } from '../proxy/config.ts'
import { SessionFileError, type SessionFile, type SessionOrigin } from '../../stores/session-file.ts'

/** A server that does not say which it audits (a test's, or one without providers): a file's origin is not checked. */
export const UNKNOWN_ORIGIN: SessionOrigin = { braze: null, commandersAct: null }

/**
 * The markers of what this server audits, safe to hand to any browser and to write in a file anyone may read: the
 * Braze workspace as kept answers are filed under (the demo, or a one-way hash of the endpoint and API key, which says
 * nothing of the key); the Commanders Act site as a one-way hash of its API's address and site id (both already shown
 * on the Connections page; the token is left out, so that a new token is still the same site). Null for a provider
 * that is not configured.
 */
export function sessionOriginOf(targets: ProxyTargets): SessionOrigin {
  const braze = workspaceOf(targets)
  const { commandersAct } = targets
  let site: string | null = null
  if (targets.mode === 'demo') site = 'demo'
  else if (commandersAct.configured) {
    const { apiUrl, siteId } = commandersAct.value
    site = `commanders-act-${createHash('sha256').update(`${apiUrl}\n${siteId}`).digest('hex').slice(0, 16)}`
  }
  return { braze: braze === 'none' ? null : braze, commandersAct: site }
}

const PROVIDERS = [
  ['braze', 'braze', 'Braze workspace'],
  ['commandersAct', 'commanders-act', 'Commanders Act site'],
] as const

/**
 * Refuses a file exported from another Braze workspace or Commanders Act site than this server's. Only what both say
 * is compared: a file without an origin (exported before files had one, or by a server that did not know it), or a
 * provider not configured on either side, cannot tell, and imports as before.
 *
 * A file that is of this server's Braze workspace but of another Commanders Act site (or the reverse) is refused as a
 * whole, not imported for the one provider that matches: the user chose one file to import, and a summary counting
 * half of it, with the other half silently left out, would be more surprising than a refusal saying why. Nothing of
 * it is written, its snapshot included.
 */
export function assertSameOrigin(file: SessionFile, here: SessionOrigin): void {
  const { origin } = file
  if (!origin) return
  const other = PROVIDERS.filter(([field]) => {
    const theirs = origin[field]
    const ours = here[field]
    return theirs !== null && ours !== null && theirs !== ours
  })
  if (other.length === 0) return
  const names = other.map(([, , name]) => `another ${name}`).join(' and ')
  throw new SessionFileError(`This session file comes from ${names} than the one this server audits.`, 'other-origin', {
    otherOrigin: other.map(([, provider]) => provider),
  })
}
