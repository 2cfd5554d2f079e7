// Who a segment comes from: the two providers' ids, their names, and the segment keys made and read here only.
// No import, so the Node server (the audit's key check, the proxy's routes) shares it with the browser.

export const PROVIDER_IDS = ['braze', 'commanders-act'] as const
export type ProviderId = (typeof PROVIDER_IDS)[number]

/** Product names, the same in every language. */
export const providerLabel: Record<ProviderId, string> = {
  braze: 'Braze',
  'commanders-act': 'Commanders Act',
}

export function isProviderId(value: unknown): value is ProviderId {
  return (PROVIDER_IDS as readonly unknown[]).includes(value)
}

/** A provider's name as shown, or the text itself when it names no provider (a key from another tool, a bad URL). */
export function providerName(provider: string): string {
  return isProviderId(provider) ? providerLabel[provider] : provider
}

/** The ids each provider gives its segments: Braze's UUIDs, Commanders Act's 8 hex digits (either case accepted). */
const SEGMENT_ID_PATTERN: Record<ProviderId, string> = {
  braze: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  'commanders-act': '[0-9A-F]{8}',
}

/** `braze:<uuid>` or `commanders-act:<8 hex digits>`: the only segment keys the audit accepts. */
export const SEGMENT_KEY_PATTERN = new RegExp(
  `^(?:${PROVIDER_IDS.map((provider) => `${provider}:${SEGMENT_ID_PATTERN[provider]}`).join('|')})$`,
  'i',
)

/** `${provider}:${id}`: one key for a segment across both providers, whose ids may collide. */
export function segmentKey(provider: ProviderId, id: string): string {
  return `${provider}:${id}`
}

/** A key's two parts, split at its first colon (an id may hold more); the provider as written, known or not. */
export function splitSegmentKey(key: string): { provider: string; id: string } {
  const colon = key.indexOf(':')
  return colon < 0 ? { provider: key, id: '' } : { provider: key.slice(0, colon), id: key.slice(colon + 1) }
}
