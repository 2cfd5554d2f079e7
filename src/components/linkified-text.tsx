// Provider text rendered as text, with http(s) URLs inside it turned into links (and nothing else).
import { Fragment } from 'react'

const URL_PATTERN = /https?:\/\/[^\s<>"'()]+[^\s<>"'().,;:!?]/gi

function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
  } catch {
    return null
  }
}

export function LinkifiedText({ text }: { text: string }) {
  const parts: (string | { href: string; label: string })[] = []
  let last = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    const href = safeHref(match[0])
    if (!href) continue
    parts.push(text.slice(last, match.index), { href, label: match[0] })
    last = match.index + match[0].length
  }
  parts.push(text.slice(last))
  return (
    <>
      {parts.map((part, index) =>
        typeof part === 'string' ? (
          <Fragment key={index}>{part}</Fragment>
        ) : (
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.label}
          </a>
        ),
      )}
    </>
  )
}
