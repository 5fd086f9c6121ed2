import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  applySuppression,
  type CellRef,
  cellKey,
  type Equation,
  suppressCells,
} from '../../src/reports/suppression.js'

// Random tables shaped like the exports: district rows and the country's row (their column
// sums); in each row, a breakdown by sex and age, the total, and a second breakdown (by
// destination) of the same total. Whatever the counts, nothing hidden can be worked out.

interface Shape {
  counts: number[][]
  equations: Equation[]
  /** Columns of counts (0 is the label). */
  columns: number[]
}

const tables = fc
  .record({
    districts: fc.array(fc.array(fc.nat({ max: 14 }), { minLength: 3, maxLength: 3 }), {
      minLength: 1,
      maxLength: 6,
    }),
    split: fc.array(fc.nat({ max: 2 }), { minLength: 6, maxLength: 6 }),
    threshold: fc.integer({ min: 2, max: 10 }),
  })
  .map(({ districts, split, threshold }): Shape & { threshold: number } => {
    // Columns: 1-3 the first breakdown, 4 the total, 5-7 the second breakdown of the same total.
    const rows = districts.map((parts, r) => {
      const total = parts.reduce((a, b) => a + b, 0)
      // The second breakdown: the same people spread another way.
      const s1 = Math.min(total, Math.floor((total * split[r % 6]!) / 2))
      const s2 = Math.min(total - s1, Math.floor(((total - s1) * split[(r + 1) % 6]!) / 2))
      return [r, ...parts, total, s1, s2, total - s1 - s2]
    })
    const national = [
      rows.length,
      ...[1, 2, 3, 4, 5, 6, 7].map((c) => rows.reduce((a, row) => a + row[c]!, 0)),
    ]
    const counts = [...rows, national]
    const columns = [1, 2, 3, 4, 5, 6, 7]
    const equations: Equation[] = []
    counts.forEach((_, r) => {
      equations.push([
        [r, 1],
        [r, 2],
        [r, 3],
        [r, 4],
      ])
      equations.push([
        [r, 5],
        [r, 6],
        [r, 7],
        [r, 4],
      ])
      // Two breakdowns of one total: one follows from the other even with the total hidden.
      equations.push([
        [r, 1],
        [r, 2],
        [r, 3],
        [r, 5],
        [r, 6],
        [r, 7],
      ])
    })
    for (const c of columns) equations.push(counts.map((_, r) => [r, c] as CellRef))
    return { counts, equations, columns, threshold }
  })

/** What someone holding the published table works out: a sum with one unknown gives it, repeatedly. */
function workedOut(shape: Shape, hidden: Set<string>): Set<string> {
  const known = new Set<string>()
  for (let changed = true; changed; ) {
    changed = false
    for (const eq of shape.equations) {
      const unknown = eq.filter((cell) => hidden.has(cellKey(cell)) && !known.has(cellKey(cell)))
      if (unknown.length === 1) {
        known.add(cellKey(unknown[0]!))
        changed = true
      }
    }
  }
  return known
}

describe('suppressing small counts', () => {
  it('hides every count from 1 to below the threshold, and leaves none of them to be worked out', () => {
    fc.assert(
      fc.property(tables, (shape) => {
        const isCount = (_r: number, c: number) => shape.columns.includes(c)
        const s = suppressCells(shape.counts, isCount, shape.equations, shape.threshold)
        const hidden = new Set([...s.primary, ...s.secondary])
        for (const [r, row] of shape.counts.entries())
          for (const [c, v] of row.entries())
            if (isCount(r, c) && v >= 1 && v < shape.threshold)
              expect(s.primary.has(cellKey([r, c]))).toBe(true)
        for (const eq of shape.equations) {
          const inIt = eq.filter((cell) => hidden.has(cellKey(cell))).length
          expect(inIt === 0 || inIt >= 2).toBe(true)
        }
        expect(workedOut(shape, hidden).size).toBe(0)
        // The published table shows no hidden value.
        const published = applySuppression(shape.counts, s, shape.threshold, () => [])
        for (const key of hidden) {
          const [r, c] = key.split(':').map(Number) as [number, number]
          expect(typeof published[r]![c]).toBe('string')
        }
      }),
      { numRuns: 500 },
    )
  })

  it('gives small counts as "<5", the cells hidden beside them as "suppressed", and hides rates built on them', () => {
    const counts = [
      ['Maseru', 3, 7, 10, 2.5],
      ['Leribe', 0, 6, 6, 1.8],
      ['Lesotho', 3, 13, 16, 0.8],
    ]
    const equations: Equation[] = [
      [
        [0, 1],
        [0, 2],
        [0, 3],
      ],
      [
        [1, 1],
        [1, 2],
        [1, 3],
      ],
      [
        [2, 1],
        [2, 2],
        [2, 3],
      ],
      [
        [0, 1],
        [1, 1],
        [2, 1],
      ],
      [
        [0, 2],
        [1, 2],
        [2, 2],
      ],
      [
        [0, 3],
        [1, 3],
        [2, 3],
      ],
    ]
    const isCount = (_r: number, c: number) => c >= 1 && c <= 3
    const s = suppressCells(counts, isCount, equations, 5)
    const published = applySuppression(counts, s, 5, (r, c) => (c === 4 ? [[r, 3]] : []))
    expect(published[0]![1]).toBe('<5')
    // Maseru's 3 would follow from its total and from the country's column: more is hidden.
    expect(published.flat().filter((v) => v === 'suppressed').length).toBeGreaterThan(1)
    for (const row of published) if (row[3] === 'suppressed') expect(row[4]).toBe('suppressed')
    // Nothing to hide: the table as it was.
    const none = suppressCells(
      [['A', 0, 5, 5]],
      isCount,
      [
        [
          [0, 1],
          [0, 2],
          [0, 3],
        ],
      ],
      5,
    )
    expect(none.primary.size + none.secondary.size).toBe(0)
  })
})
