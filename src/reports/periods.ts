import { todayInLesotho } from '../time.js'

// The periods the committee's figures are asked for besides free dates: calendar years, and the
// US TIP report's reporting year, 1 April to 31 March, named by the report that covers it (the
// 2025 report covers 1 April 2024 to 31 March 2025), so the figures line up with the report's.

export type NamedPeriod = { kind: 'tip' | 'year'; year: number }

/** "tip-2025", "year-2024": what a period looks like in a URL. */
export function readPeriod(value: string): NamedPeriod | null {
  const found = /^(tip|year)-(\d{4})$/.exec(value)
  if (!found) return null
  const year = Number(found[2])
  return year >= 2000 && year <= 2100 ? { kind: found[1] as NamedPeriod['kind'], year } : null
}

export function periodDates(p: NamedPeriod): { from: string; to: string } {
  return p.kind === 'tip'
    ? { from: `${p.year - 1}-04-01`, to: `${p.year}-03-31` }
    : { from: `${p.year}-01-01`, to: `${p.year}-12-31` }
}

export function periodLabel(p: NamedPeriod): string {
  return p.kind === 'tip'
    ? // The year first: a closed list shows only the label's start, and that tells them apart.
      `${p.year} TIP report year, 1 April ${p.year - 1} to 31 March ${p.year}`
    : `Calendar year ${p.year}`
}

/** The choices offered: the last five TIP reporting years and calendar years that have begun. */
export function periodChoices(today = todayInLesotho()): { value: string; label: string }[] {
  const year = Number(today.slice(0, 4))
  // The reporting year of the report due next begins each 1 April.
  const latestTip = today >= `${year}-04-01` ? year + 1 : year
  const tips = [0, 1, 2, 3, 4].map((k) => ({ kind: 'tip' as const, year: latestTip - k }))
  const years = [0, 1, 2, 3, 4].map((k) => ({ kind: 'year' as const, year: year - k }))
  return [...tips, ...years].map((p) => ({ value: `${p.kind}-${p.year}`, label: periodLabel(p) }))
}
