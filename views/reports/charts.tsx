import type { Cell } from './tables.js'

// Small charts drawn on the server as SVG: no chart library reaches the phone. Each repeats a
// table printed beside it, which is what screen readers read, so the picture is hidden from them.

const BAR_HEIGHT = 18
const GAP = 6
const LABEL_WIDTH = 190
const BAR_WIDTH = 170

/** About how wide text is at the charts' 11 px: generous, so nothing is cut. */
const textWidth = (text: string) => Math.ceil(text.length * 6.6)

const short = (text: string, max = 28) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** Horizontal bars: the first column labels, the second the value. */
export function BarChart(props: { rows: Cell[][] }) {
  const rows = props.rows.map((r) => [String(r[0]), Number(r[1]) || 0] as const)
  const max = Math.max(1, ...rows.map((r) => r[1]))
  const height = rows.length * (BAR_HEIGHT + GAP)
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${LABEL_WIDTH + BAR_WIDTH + 60} ${Math.max(height, BAR_HEIGHT)}`}
      width={LABEL_WIDTH + BAR_WIDTH + 60}
      height={Math.max(height, BAR_HEIGHT)}
      aria-hidden="true"
      focusable="false"
    >
      {rows.map(([label, value], i) => {
        const y = i * (BAR_HEIGHT + GAP)
        const width = Math.round((value / max) * BAR_WIDTH)
        return (
          <g>
            <text x={LABEL_WIDTH - 6} y={y + BAR_HEIGHT - 5} text-anchor="end" class="chart-label">
              {short(label)}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={y}
              width={Math.max(width, value > 0 ? 1 : 0)}
              height={BAR_HEIGHT}
              class="bar"
            />
            <text x={LABEL_WIDTH + width + 4} y={y + BAR_HEIGHT - 5} class="chart-value">
              {value.toLocaleString('en')}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** The widest a month chart is drawn: 13 months (a year and its partial months) at full width. */
const MONTHS_WIDTH = 374
/** The room a month's label needs ("Dec", "2026"). */
const LABEL_ROOM = 28

/**
 * Columns per month for two series (the second and third columns), side by side. A long period
 * narrows the columns rather than widening the picture (which would shrink its words to a few
 * pixels on a phone), and labels fewer months: every third, or each January alone.
 */
export function MonthChart(props: { rows: Cell[][]; series: [string, string] }) {
  const rows = props.rows.map((r) => [String(r[0]), Number(r[1]) || 0, Number(r[2]) || 0] as const)
  const max = Math.max(1, ...rows.flatMap((r) => [r[1], r[2]]))
  const plot = 140
  // Room above the bars for the scale: a line at the busiest month's height, with its number.
  const top = 22
  const step =
    rows.length > 1 ? Math.min(LABEL_ROOM, (MONTHS_WIDTH - 10 - LABEL_ROOM) / (rows.length - 1)) : LABEL_ROOM
  const bar = Math.max(1, step * 0.36)
  // Which months are labelled: all when each has room, else every third counted from the first
  // January (so a January is always among them), else the Januaries only. The first bar also
  // says its month and year when no January comes soon after it.
  const firstJanuary = Math.max(
    0,
    rows.findIndex(([m]) => m.startsWith('January')),
  )
  const every = step >= 25 ? 1 : step * 3 >= 25 ? 3 : 12
  // A January closer than this many bars to the first would put two years side by side.
  const near = Math.ceil((LABEL_ROOM + 4) / step)
  const firstHasYear = !rows.slice(1, near).some(([m]) => m.startsWith('January'))
  const labelled = (i: number) =>
    i === 0
      ? firstHasYear || (i - firstJanuary) % every === 0
      : (i - firstJanuary) % every === 0 && !(firstHasYear && i * step < 25)
  // The legend's second entry starts after the first one's words; the picture is at least as
  // wide as the legend, so a short period does not cut it off.
  const secondAt = 22 + textWidth(props.series[0]) + 16
  const legendEnd = secondAt + 12 + textWidth(props.series[1])
  // Room for the last bar's words too (a January at the end).
  const width = Math.max(Math.ceil(10 + (rows.length - 1) * step + LABEL_ROOM), legendEnd + 4)
  const at = (n: number) => Math.round(n * 10) / 10
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${width} ${plot + top + 48}`}
      width={width}
      height={plot + top + 48}
      aria-hidden="true"
      focusable="false"
    >
      {/* Drawn first, so the bars stand in front of the scale. */}
      <line x1={10} x2={width - 4} y1={top} y2={top} class="chart-scale-line" />
      <line x1={10} x2={width - 4} y1={plot + top} y2={plot + top} class="chart-scale-line" />
      {rows.map(([month, first, second], i) => {
        const x = 10 + i * step
        const h1 = Math.round((first / max) * plot)
        const h2 = Math.round((second / max) * plot)
        // The year under each January and the first bar, but never two years side by side (they
        // would read as one number, "20252026").
        const yearShown = month.startsWith('January') || (i === 0 && firstHasYear)
        return (
          <g>
            <rect x={at(x)} y={plot - h1 + top} width={at(bar)} height={h1} class="bar" />
            <rect
              x={at(x + bar + step * 0.04)}
              y={plot - h2 + top}
              width={at(bar)}
              height={h2}
              class="bar second"
            />
            {labelled(i) && (
              <text x={at(x)} y={plot + top + 14} class="chart-label">
                {month.slice(0, 3)}
              </text>
            )}
            {yearShown && (
              <text x={at(x)} y={plot + top + 26} class="chart-label">
                {month.slice(-4)}
              </text>
            )}
          </g>
        )
      })}
      <text x={10} y={top - 5} class="chart-scale">
        {max.toLocaleString('en')}
      </text>
      <g>
        <rect x={10} y={plot + top + 32} width={8} height={8} class="bar" />
        <text x={22} y={plot + top + 40} class="chart-label">
          {props.series[0]}
        </text>
        <rect x={secondAt} y={plot + top + 32} width={8} height={8} class="bar second" />
        <text x={secondAt + 12} y={plot + top + 40} class="chart-label">
          {props.series[1]}
        </text>
      </g>
    </svg>
  )
}
