// Reads the provider credentials from the server-side environment and decides real or demo mode.
// Nothing here is ever sent to the browser except through describeTargets(), which omits secrets.

export interface BrazeTarget {
  endpoint: string
  apiKey: string
}

export interface CommandersActTarget {
  apiUrl: string
  siteId: string
  token: string
}

export type Target<T> = { configured: true; value: T } | { configured: false; missing: string[]; invalid: string[] }

export interface ProxyTargets {
  mode: 'real' | 'demo'
  braze: Target<BrazeTarget>
  commandersAct: Target<CommandersActTarget>
}

export type ServerEnv = Record<string, string | undefined>

export const DEFAULT_COMMANDERS_ACT_API_URL = 'https://api.commander1.com'

/** The variables whose presence switches demo mode off: the API URL has a default, so it does not count. */
const CREDENTIAL_VARIABLES = [
  'BRAZE_REST_ENDPOINT',
  'BRAZE_API_KEY',
  'COMMANDERS_ACT_SITE_ID',
  'COMMANDERS_ACT_TOKEN',
] as const

const value = (env: ServerEnv, name: string): string | undefined => {
  const raw = env[name]?.trim()
  return raw ? raw : undefined
}

export function hasAnyCredential(env: ServerEnv): boolean {
  return CREDENTIAL_VARIABLES.some((name) => value(env, name) !== undefined)
}

function isHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === ''
  } catch {
    return false
  }
}

function target<T>(
  checks: { name: string; value: string | undefined; valid: (v: string) => boolean }[],
  build: () => T,
): Target<T> {
  const missing = checks.filter((c) => c.value === undefined).map((c) => c.name)
  const invalid = checks.filter((c) => c.value !== undefined && !c.valid(c.value)).map((c) => c.name)
  return missing.length === 0 && invalid.length === 0
    ? { configured: true, value: build() }
    : { configured: false, missing, invalid }
}

export function readRealTargets(env: ServerEnv): ProxyTargets {
  const endpoint = value(env, 'BRAZE_REST_ENDPOINT')
  const apiKey = value(env, 'BRAZE_API_KEY')
  const apiUrl = value(env, 'COMMANDERS_ACT_API_URL') ?? DEFAULT_COMMANDERS_ACT_API_URL
  const siteId = value(env, 'COMMANDERS_ACT_SITE_ID')
  const token = value(env, 'COMMANDERS_ACT_TOKEN')
  return {
    mode: 'real',
    braze: target(
      [
        { name: 'BRAZE_REST_ENDPOINT', value: endpoint, valid: isHttpUrl },
        // A key pasted with its quotes is a classic cause of Braze's 401.
        { name: 'BRAZE_API_KEY', value: apiKey, valid: (v) => /^[A-Za-z0-9._-]+$/.test(v) },
      ],
      () => ({ endpoint: stripTrailingSlash(endpoint ?? ''), apiKey: apiKey ?? '' }),
    ),
    commandersAct: target(
      [
        { name: 'COMMANDERS_ACT_API_URL', value: apiUrl, valid: isHttpUrl },
        { name: 'COMMANDERS_ACT_SITE_ID', value: siteId, valid: (v) => /^\d+$/.test(v) },
        { name: 'COMMANDERS_ACT_TOKEN', value: token, valid: (v) => /^[a-zA-Z0-9]+$/.test(v) },
      ],
      () => ({ apiUrl: stripTrailingSlash(apiUrl), siteId: siteId ?? '', token: token ?? '' }),
    ),
  }
}

function stripTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

/** Vite exposes `VITE_*` variables to the bundle: a secret there would ship to every browser. */
export function findExposedSecrets(env: ServerEnv): string[] {
  return Object.keys(env).filter((name) => name.startsWith('VITE_') && /KEY|TOKEN|SECRET|PASSWORD/i.test(name))
}

export interface ConnectionStatus {
  mode: 'real' | 'demo'
  providers: {
    braze: { configured: true; host: string } | { configured: false; missing: string[]; invalid: string[] }
    commandersAct:
      { configured: true; host: string; site: string } | { configured: false; missing: string[]; invalid: string[] }
  }
}

/** What /api/status tells the browser: hosts and site id, never a key or token. */
export function describeTargets(targets: ProxyTargets): ConnectionStatus {
  const { braze, commandersAct } = targets
  return {
    mode: targets.mode,
    providers: {
      braze: braze.configured
        ? { configured: true, host: new URL(braze.value.endpoint).host }
        : { configured: false, missing: braze.missing, invalid: braze.invalid },
      commandersAct: commandersAct.configured
        ? { configured: true, host: new URL(commandersAct.value.apiUrl).host, site: commandersAct.value.siteId }
        : { configured: false, missing: commandersAct.missing, invalid: commandersAct.invalid },
    },
  }
}
