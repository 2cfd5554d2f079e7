// @vitest-environment jsdom
// The size chart tells the truth about scale: its axis starts at zero; each day's value can be read from the keyboard.
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { axisTop, SizeChart } from '../../../src/features/segment-detail/size-chart'

const points = [
  { time: '2026-11-01', size: 100_000 },
  { time: '2026-11-02', size: 100_050 },
  { time: '2026-11-03', size: 99_900 },
]

describe('axisTop', () => {
  it.each([
    [0, 1],
    [7, 10],
    [12, 20],
    [240, 250],
    [100_050, 200_000],
    [420_000, 500_000],
    [1_000, 1_000],
  ])('puts the axis top for a largest size of %d at %d', (max, top) => {
    expect(axisTop(max)).toBe(top)
  })
})

describe('SizeChart', () => {
  it('labels a y axis from zero and the dates below, so a 0.1 % change looks flat', () => {
    const { container } = render(<SizeChart points={points} days={30} />)
    const axis = container.querySelector('.size-y')
    expect([...(axis?.children ?? [])].map((label) => label.textContent)).toEqual(['200,000', '100,000', '0'])
    expect(container.querySelector('.size-axis')).toHaveTextContent('Nov 1, 2026Nov 2, 2026Nov 3, 2026')
    expect(
      screen.getByRole('img', { name: 'Estimated size from 100,000 on Nov 1, 2026 to 99,900 on Nov 3, 2026' }),
    ).toBeInTheDocument()
  })

  it('reads each day’s value with the arrow keys once focused', async () => {
    const user = userEvent.setup()
    const { container } = render(<SizeChart points={points} days={30} />)
    await user.tab()
    const chart = screen.getByRole('group', { name: /Size by day/ })
    expect(chart).toHaveFocus()
    const live = container.querySelector('[aria-live="polite"]') as HTMLElement
    expect(live).toHaveTextContent('Nov 3, 2026: 99,900 users')
    await user.keyboard('{ArrowLeft}')
    expect(live).toHaveTextContent('Nov 2, 2026: 100,050 users')
    await user.keyboard('{Home}')
    expect(within(chart).getByText('Nov 1, 2026: 100,000 users')).toBeInTheDocument()
    await user.tab()
    expect(live).toHaveTextContent('')
  })
})
