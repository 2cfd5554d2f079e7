// Names the Braze instance (US-01, EU-02…) from its REST host, as Braze's dashboard does.

const PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^rest\.iad-(\d{2})\.braze\.com$/, (m) => `US-${m[1]}`],
  [/^rest\.fra-(\d{2})\.braze\.eu$/, (m) => `EU-${m[1]}`],
  [/^rest\.(us-10|au-01|id-01|jp-01|kr-01)\.braze\.com$/, (m) => (m[1] ?? '').toUpperCase()],
]

export function brazeInstanceName(host: string): string | null {
  for (const [pattern, name] of PATTERNS) {
    const match = host.match(pattern)
    if (match) return name(match)
  }
  return null
}
