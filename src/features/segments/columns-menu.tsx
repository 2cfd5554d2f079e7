// The columns menu: show or hide each column (the choice is remembered by useColumnVisibility).
import type { ColumnVisibilityState } from '@tanstack/react-table'
import { useTranslation } from 'react-i18next'
import { DisclosurePanel } from '../../components/disclosure-panel'
import { columnLabel, isValueColumn, segmentColumns, type ColumnId } from './columns'

interface ColumnsMenuProps {
  visibility: ColumnVisibilityState
  onChange: (id: ColumnId, shown: boolean) => void
}

export function ColumnsMenu({ visibility, onChange }: ColumnsMenuProps) {
  const { t } = useTranslation(['segments', 'common'])
  return (
    <DisclosurePanel label={t('columnsMenu.button')} panelLabel={t('columnsMenu.panel')}>
      {() => (
        <ul className="check-list">
          {segmentColumns
            .filter(({ id }) => isValueColumn(id))
            .map(({ id, enableHiding }) => (
              <li key={id}>
                <label>
                  <input
                    type="checkbox"
                    checked={visibility[id] !== false}
                    disabled={enableHiding === false}
                    onChange={(event) => onChange(id, event.target.checked)}
                  />
                  <span className="check-label">{columnLabel(t, id)}</span>
                </label>
              </li>
            ))}
        </ul>
      )}
    </DisclosurePanel>
  )
}
