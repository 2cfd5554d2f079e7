// Builds the demo Commanders Act segments: French labels, some of them the same or nearly the same as Braze names.
import type { DemoCommandersActSegment } from './data.ts'
import { chance, createRandom, pick, pickFromGroups, randomHex, randomInt, type Random } from './random.ts'
import { COMMANDERS_ACT_AUDIENCES, COMMANDERS_ACT_QUALIFIERS, LEFTOVER_NAMES } from './vocabulary.ts'

type LabelRule = (earlierLabels: readonly string[], brazeNames: readonly string[]) => string

/** Fixed placements so that any data set of 20 or more segments holds every awkward label. */
const FORCED_LABELS = new Map<number, LabelRule>([
  [0, () => 'prospect VIP'],
  // Braze index 1 is "Clients fidèles": the near match that differs only by case and accents.
  [1, () => 'clients fideles'],
  [2, (_, brazeNames) => brazeNames[0] ?? 'nouveau client'],
  [5, (labels) => labels[3] ?? 'nouveau client'],
  [9, () => '<img src=x onerror=alert(1)>'],
  [13, () => '+33 leads'],
  [17, () => 'test'],
])

export function generateCommandersActSegments(
  count: number,
  seed: number,
  brazeNames: readonly string[],
): DemoCommandersActSegment[] {
  const random = createRandom(seed ^ 0x5ca1ab1e)
  const usedIds = new Set<string>()
  const labels: string[] = []
  const usedLabels = new Set<string>()
  for (let index = 0; index < count; index++) {
    const label = segmentLabel(index, random, labels, usedLabels, brazeNames)
    labels.push(label)
    usedLabels.add(label)
  }
  return labels.map((label) => ({ id: uniqueHexId(random, usedIds), label }))
}

function segmentLabel(
  index: number,
  random: Random,
  earlierLabels: readonly string[],
  usedLabels: ReadonlySet<string>,
  brazeNames: readonly string[],
): string {
  const forced = FORCED_LABELS.get(index)
  if (forced) return forced(earlierLabels, brazeNames)
  const roll = random()
  if (roll < 0.25 && brazeNames.length > 0) {
    return nearCopy(random, brazeNames[randomInt(random, 0, brazeNames.length - 1)] ?? '')
  }
  if (roll < 0.28) return chance(random, 0.5) ? pick(random, LEFTOVER_NAMES) : `copie de ${composeLabel(random)}`
  if (roll < 0.3 && index > 0) return earlierLabels[randomInt(random, 0, index - 1)] ?? 'test'
  let label = composeLabel(random)
  for (let attempt = 0; attempt < 6 && usedLabels.has(label); attempt++) label = composeLabel(random)
  return label
}

/** The same audience recreated by hand in the other tool: identical, or off by case, accents, dashes or spacing. */
function nearCopy(random: Random, name: string): string {
  const roll = random()
  if (roll < 0.35) return name
  if (roll < 0.55) return name.toLowerCase()
  if (roll < 0.75)
    return name
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
  if (roll < 0.85) return name.replaceAll('–', '-')
  if (roll < 0.9) return `${name} `
  return name.replace(' ', '  ')
}

function composeLabel(random: Random): string {
  const audience = pick(random, COMMANDERS_ACT_AUDIENCES)
  const shape = random()
  if (shape < 0.1) return audience
  const qualifiers = pickFromGroups(random, COMMANDERS_ACT_QUALIFIERS, shape < 0.55 ? 1 : 2)
  return [audience, ...qualifiers].join(shape < 0.3 ? ' ' : ' - ')
}

function uniqueHexId(random: Random, used: Set<string>): string {
  for (;;) {
    const id = randomHex(random, 8).toUpperCase()
    if (!used.has(id)) {
      used.add(id)
      return id
    }
  }
}
