// Translated text with a few words marked up: "Reviewed <strong>3</strong> of 12", "<code>.env.local</code>",
// "<link>Run the details scan</link>". Each tag names one of `components`, which then wraps the words inside it. No
// HTML is parsed: the words stay text, and a tag not in `components` (or one that is not closed) shows as written.
// What react-i18next's <Trans> did for these, without its HTML parser in the bundle.
import { cloneElement, type ReactElement, type ReactNode } from 'react'

const TAGGED = /<(\w+)>(.*?)<\/\1>/g

export function RichText({ text, components }: { text: string; components: Record<string, ReactElement> }) {
  const parts: ReactNode[] = []
  let from = 0
  for (const match of text.matchAll(TAGGED)) {
    const [whole, tag = '', words = ''] = match
    const component = components[tag]
    if (!component) continue
    parts.push(text.slice(from, match.index), cloneElement(component, { key: match.index }, words))
    from = match.index + whole.length
  }
  parts.push(text.slice(from))
  return <>{parts}</>
}
