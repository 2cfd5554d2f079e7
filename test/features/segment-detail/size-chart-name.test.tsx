// @vitest-environment jsdom
// The size chart is named by what it shows, as a screen reader enters it: not by the dates under its axis.
import { render, screen } from '@testing-library/react'
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { SizeChart } from '../../../src/features/segment-detail/size-chart'

const points = [
  { time: '2026-11-01', size: 100_000 },
  { time: '2026-11-15', size: 100_050 },
  { time: '2026-11-30', size: 99_900 },
]

describe('SizeChart’s name', () => {
  it('says the period and the size at its two ends', () => {
    render(<SizeChart points={points} days={30} />)
    expect(
      screen.getByRole('figure', {
        name: 'Size over the last 30 days: from 100,000 on Nov 1, 2026 to 99,900 on Nov 30, 2026',
      }),
    ).toBeInTheDocument()
  })

  it('says it in French', async () => {
    await i18next.changeLanguage('fr')
    render(<SizeChart points={points} days={30} />)
    // The narrow no-break spaces French writes in numbers and before a colon.
    expect(screen.getByRole('figure')).toHaveAccessibleName(
      'Taille sur les 30 derniers jours\u202f: de 100\u202f000 le 1 nov. 2026 à 99\u202f900 le 30 nov. 2026',
    )
  })
})
