// A button that opens a small panel of controls (filters, columns); Escape (one the page's own controls did not take),
// a click outside or the keyboard leaving closes it.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useEscapeCloses } from './use-escape-closes'

interface DisclosurePanelProps {
  label: ReactNode
  /** Accessible name of the button when the label carries counts or icons. */
  buttonLabel?: string
  panelLabel: string
  children: (close: () => void) => ReactNode
  active?: boolean
}

export function DisclosurePanel({ label, buttonLabel, panelLabel, children, active = false }: DisclosurePanelProps) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])
  const onEscape = useEscapeCloses(open, (target) => {
    setOpen(false)
    // The keyboard in the panel, which goes, or on what holds it (a click on its text): back to its button.
    const root = rootRef.current
    if (root && (root.contains(target) || target.contains(root))) buttonRef.current?.focus()
  })

  return (
    <div
      className="disclosure"
      ref={rootRef}
      onKeyDown={onEscape}
      // The keyboard gone on past it (Tab), the panel closes: left open, it would cover what the keyboard is on. Not
      // when a click on the panel's own text gives the focus to what holds it (the page's main), which is no leaving.
      onBlur={({ currentTarget, relatedTarget }) => {
        if (relatedTarget && !currentTarget.contains(relatedTarget) && !relatedTarget.contains(currentTarget))
          setOpen(false)
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={`button${active ? ' button-active' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={buttonLabel}
        onClick={() => setOpen((value) => !value)}
      >
        {label}
        <span aria-hidden="true" className="chevron">
          ▾
        </span>
      </button>
      {open ? (
        <div className="disclosure-panel" id={panelId} role="group" aria-label={panelLabel} data-transient>
          {children(() => setOpen(false))}
        </div>
      ) : null}
    </div>
  )
}
