import { describe, expect, it } from 'vitest'
import { monthsOf } from '../../src/reports/figures.js'
import { defaultPeriod, reportFiltersSchema } from '../../src/reports/schemas.js'
import { percent } from '../../views/reports/tables.js'

describe('report periods', () => {
  it('defaults to the last twelve months, today included', () => {
    expect(defaultPeriod('2026-11-23')).toEqual({ from: '2025-11-24', to: '2026-11-23' })
    expect(defaultPeriod('2024-03-01')).toEqual({ from: '2023-03-02', to: '2024-03-01' })
  })

  it('lists every calendar month a period touches, across years', () => {
    expect(monthsOf({ from: '2025-11-24', to: '2026-02-03' })).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ])
    expect(monthsOf({ from: '2026-05-01', to: '2026-05-31' })).toEqual(['2026-05'])
  })

  it('refuses a period that ends before it starts, or longer than ten years', () => {
    const parse = (q: Record<string, string>) => reportFiltersSchema.safeParse(q)
    expect(parse({ from: '2026-05-01', to: '2026-04-01' }).error?.issues[0]?.message).toBe(
      'The last date must be after the first',
    )
    expect(parse({ from: '2010-01-01', to: '2026-01-01' }).error?.issues[0]?.message).toBe(
      'Choose a period of ten years or less',
    )
    expect(parse({ to: '2026-06-30' }).data).toEqual({
      from: '2025-07-01',
      to: '2026-06-30',
      district: null,
      sector: null,
    })
    expect(parse({ district: 'Atlantis' }).success).toBe(false)
  })

  it('writes shares with one decimal, and a dash when there is nothing to share', () => {
    expect(percent(1, 3)).toBe('33.3%')
    expect(percent(0, 0)).toBe('–')
    expect(percent(2, 2)).toBe('100%')
  })
})
