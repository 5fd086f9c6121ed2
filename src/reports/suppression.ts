// Small counts in a published table, suppressed: the national data hub publishes what it is
// given, and a "2" in one district can name a victim. A count from 1 to below the threshold is
// given as "<5" (primary suppression). Then, because a row's or a column's total gives a hidden
// cell away when it is the only one hidden in that sum, more cells are hidden until every sum
// hides none or at least two (secondary suppression, given as "suppressed"). Rates built on a
// hidden count are hidden too. Pure; the property test in test/unit/suppression.test.ts holds
// it to this.

/** A cell: its row and column in the table. */
export type CellRef = readonly [row: number, column: number]

/**
 * A sum the table gives away: its cells add up to something published or worked out from other
 * published cells (a row's parts and its total; two breakdowns of the same total; a column's
 * districts and the country's row). Any one cell of it follows from the others.
 */
export type Equation = readonly CellRef[]

export interface Suppressed {
  /** Counts from 1 to below the threshold. */
  primary: Set<string>
  /** Cells hidden so that no primary one can be worked out. */
  secondary: Set<string>
}

export const cellKey = ([r, c]: CellRef) => `${r}:${c}`

/**
 * The cells to hide in a grid of counts. `counts[r][c]` is a count where `isCount(r, c)` holds;
 * other cells (labels, populations, rates) are never hidden here.
 */
export function suppressCells(
  counts: readonly (readonly unknown[])[],
  isCount: (row: number, column: number) => boolean,
  equations: readonly Equation[],
  threshold: number,
): Suppressed {
  const primary = new Set<string>()
  for (const [r, row] of counts.entries())
    for (const [c, value] of row.entries())
      if (isCount(r, c) && typeof value === 'number' && value >= 1 && value < threshold)
        primary.add(cellKey([r, c]))
  const hidden = new Set(primary)
  const secondary = new Set<string>()
  const countAt = ([r, c]: CellRef) => Number(counts[r]?.[c] ?? 0)
  // Each pass hides one more cell in every sum that hides exactly one; the table is finite, so
  // this ends (at worst with every cell of the sums hidden).
  for (let changed = true; changed; ) {
    changed = false
    for (const equation of equations) {
      const shown = equation.filter((cell) => !hidden.has(cellKey(cell)))
      if (equation.length - shown.length !== 1 || shown.length === 0) continue
      // The smallest count shown, preferring one above zero: it tells least when hidden.
      const pick = [...shown].sort((a, b) => {
        const [va, vb] = [countAt(a), countAt(b)]
        if ((va === 0) !== (vb === 0)) return va === 0 ? 1 : -1
        return va - vb
      })[0]!
      hidden.add(cellKey(pick))
      secondary.add(cellKey(pick))
      changed = true
    }
  }
  return { primary, secondary }
}

/** The table as published: hidden counts in words, and rates built on a hidden count hidden. */
export function applySuppression(
  rows: readonly (readonly (string | number | null)[])[],
  suppressed: Suppressed,
  threshold: number,
  /** For a rate's cell, the cells its value is built on. */
  builtOn: (row: number, column: number) => readonly CellRef[],
): (string | number | null)[][] {
  const hidden = (cell: CellRef) =>
    suppressed.primary.has(cellKey(cell)) || suppressed.secondary.has(cellKey(cell))
  return rows.map((row, r) =>
    row.map((value, c) => {
      if (suppressed.primary.has(cellKey([r, c]))) return `<${threshold}`
      if (suppressed.secondary.has(cellKey([r, c]))) return 'suppressed'
      if (builtOn(r, c).some(hidden)) return 'suppressed'
      return value
    }),
  )
}
