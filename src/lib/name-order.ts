// Segment names in the order people read them, the same across the app: case and accents aside, numbers by value.

/** The app's one collator for names (the browser's language; sorting only, never equality). */
export const NAME_COLLATOR = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/** By name, then by key (provider and id, unique): a total order, the list's default one. */
export function compareByName(
  collator: Intl.Collator,
): (a: { name: string; key: string }, b: { name: string; key: string }) => number {
  return (a, b) => collator.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
}
