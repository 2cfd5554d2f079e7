// The mark for a field a provider does not supply: distinct from an empty value, with the reason.

export function NotProvided({ by }: { by: string }) {
  return (
    <span className="not-provided" title={`Not provided by ${by}`}>
      not provided<span className="visually-hidden"> by {by}</span>
    </span>
  )
}

/** A value the app has not loaded yet (e.g. Braze details before the segment is opened or scanned). */
export function NotLoaded({ hint }: { hint: string }) {
  return (
    <span className="not-loaded" title={hint}>
      not loaded
    </span>
  )
}
