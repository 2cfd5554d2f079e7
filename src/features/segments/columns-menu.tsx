// The columns menu: show or hide each column (the choice is remembered by useColumnVisibility).
import type { ColumnVisibilityState, Updater } from '@tanstack/react-table'
import { DisclosurePanel } from '../../components/disclosure-panel'
import { ALWAYS_VISIBLE, COLUMN_IDS, COLUMN_LABELS } from './column-labels'

interface ColumnsMenuProps {
  visibility: ColumnVisibilityState
  onChange: (updater: Updater<ColumnVisibilityState>) => void
}

export function ColumnsMenu({ visibility, onChange }: ColumnsMenuProps) {
  return (
    <DisclosurePanel label="Columns" panelLabel="Visible columns">
      {() => (
        <ul className="check-list">
          {COLUMN_IDS.map((id) => (
            <li key={id}>
              <label>
                <input
                  type="checkbox"
                  checked={visibility[id] !== false}
                  disabled={ALWAYS_VISIBLE.has(id)}
                  onChange={(event) => onChange((previous) => ({ ...previous, [id]: event.target.checked }))}
                />
                <span className="check-label">{COLUMN_LABELS[id]}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </DisclosurePanel>
  )
}
