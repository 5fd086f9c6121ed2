import { describe, expect, it } from 'vitest'
import { monthsOf } from '../../src/reports/figures.js'
import { defaultPeriod, reportFiltersSchema } from '../../src/reports/schemas.js'
import { MonthChart } from '../../views/reports/charts.js'
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
      'Choose a date on or after the From date',
    )
    // One day is a period: its message says "on or after", and means it.
    expect(parse({ from: '2026-05-01', to: '2026-05-01' }).success).toBe(true)
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

describe('the month chart', () => {
  it('shows its scale: a line at the busiest month with its number', () => {
    const svg = String(
      MonthChart({
        rows: [
          ['October 2026', 1200, 40],
          ['November 2026', 300, 1450],
        ],
        series: ['Inspections', 'Complaints'],
      }),
    )
    expect(svg).toMatch(/<text x="10" y="17" class="chart-scale">1,450<\/text>/)
    // The busiest month's bar reaches the line; the other is drawn to the same scale.
    expect(svg).toContain('y="22" width')
    expect(svg).toContain(`height="${Math.round((1200 / 1450) * 140)}" class="bar"`)
  })

  const labels = (months: string[]) =>
    [
      ...String(
        MonthChart({ rows: months.map((m) => [m, 1, 2]), series: ['Inspections', 'Complaints'] }),
      ).matchAll(/class="chart-label">([^<]*)</g),
    ]
      .map((m) => m[1])
      .slice(0, -2)
  const monthNames = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => {
      const d = new Date(Date.UTC(2025, from + i, 1))
      return d.toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    })

  it('names every month of a year and a month, and gives each year once, never two side by side', () => {
    // December 2025 to December 2026: "Dec" then "Jan 2026", not "Dec 2025" beside "Jan 2026".
    const shown = labels(monthNames(11, 13))
    expect(shown.filter((l) => /^\d{4}$/.test(l!))).toEqual(['2026'])
    expect(shown.filter((l) => /^[A-Z][a-z]{2}$/.test(l!))).toHaveLength(13)
  })

  it('gives the first year when no January follows closely, and every January of a long period', () => {
    const shown = labels(monthNames(2, 36)) // March 2025 to February 2028
    expect(shown.filter((l) => /^\d{4}$/.test(l!))).toEqual(['2025', '2026', '2027', '2028'])
    expect(shown.filter((l) => l === 'Jan')).toHaveLength(3)
  })

  // Where each label is drawn, by row (month names, then years), in the picture's own units.
  const placed = (count: number, from = 2) => {
    const svg = String(
      MonthChart({
        rows: monthNames(from, count).map((m) => [m, 1, 2]),
        series: ['Inspections', 'Complaints'],
      }),
    )
    const width = Number(svg.match(/viewBox="0 0 ([\d.]+) /)![1])
    const texts = [...svg.matchAll(/<text x="([\d.]+)" y="(\d+)" class="chart-label">([^<]*)</g)]
      .map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3]! }))
      .slice(0, -2)
    return { width, texts }
  }

  it('keeps a long period as wide as a year, so its words stay legible on a phone, and never crowds them', () => {
    for (const count of [1, 3, 12, 13, 14, 15, 24, 36, 60, 121]) {
      const { width, texts } = placed(count)
      // 374 units is drawn at about 330 px on a 360 px phone: 11 px words stay about 10 px.
      expect(width, `${count} months`).toBeLessThanOrEqual(374)
      for (const row of [176, 188]) {
        const xs = texts.filter((t) => t.y === row).map((t) => t.x)
        for (let i = 1; i < xs.length; i++)
          expect(xs[i]! - xs[i - 1]!, `${count} months`).toBeGreaterThanOrEqual(25)
      }
      // Every label's words fit inside the picture ("2026" is about 26 units wide).
      for (const t of texts) expect(t.x + 26, `${count} months: ${t.text}`).toBeLessThanOrEqual(width)
      // The first bar's year is always known: under it, or under a January close by.
      const years = texts.filter((t) => t.y === 188)
      expect(years[0]!.x, `${count} months`).toBeLessThan(60)
    }
    // Ten years from March 2025: each January and its year. The first January is too close to the
    // first bar for both years to show, so the bars before it are read as the year before.
    const decade = placed(121).texts
    expect(decade.filter((t) => t.text === 'Jan')).toHaveLength(10)
    expect(decade.filter((t) => t.y === 188).map((t) => t.text)).toEqual(
      Array.from({ length: 10 }, (_, i) => String(2026 + i)),
    )
    // Two years from May 2025: the first month's year under it, then every third month.
    const two = placed(24, 4).texts
    expect(two.filter((t) => t.y === 188).map((t) => t.text)).toEqual(['2025', '2026', '2027'])
    expect(
      two
        .filter((t) => t.y === 176)
        .map((t) => t.text)
        .join(' '),
    ).toBe('May Jul Oct Jan Apr Jul Oct Jan Apr')
  })
})
