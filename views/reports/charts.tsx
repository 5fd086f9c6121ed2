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

/** Columns per month for two series (the second and third columns), side by side. */
export function MonthChart(props: { rows: Cell[][]; series: [string, string] }) {
  const rows = props.rows.map((r) => [String(r[0]), Number(r[1]) || 0, Number(r[2]) || 0] as const)
  const max = Math.max(1, ...rows.flatMap((r) => [r[1], r[2]]))
  const plot = 140
  const step = 28
  // The legend's second entry starts after the first one's words; the picture is at least as
  // wide as the legend, so a short period does not cut it off.
  const secondAt = 22 + textWidth(props.series[0]) + 16
  const legendEnd = secondAt + 12 + textWidth(props.series[1])
  const width = Math.max(rows.length * step + 10, legendEnd + 4)
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${plot + 58}`} aria-hidden="true" focusable="false">
      {rows.map(([month, first, second], i) => {
        const x = 10 + i * step
        const h1 = Math.round((first / max) * plot)
        const h2 = Math.round((second / max) * plot)
        return (
          <g>
            <rect x={x} y={plot - h1 + 10} width={10} height={h1} class="bar" />
            <rect x={x + 11} y={plot - h2 + 10} width={10} height={h2} class="bar second" />
            {/* "December 2025": "Dec" under each bar (every third of a long period, and each January),
                the year under each January and under the first bar when no January follows closely
                (two years side by side read as one number). */}
            {(i % 3 === 0 || rows.length <= 13 || month.startsWith('January')) && (
              <text x={x} y={plot + 24} class="chart-label">
                {month.slice(0, 3)}
              </text>
            )}
            {(month.startsWith('January') ||
              (i === 0 && !rows.slice(1, 3).some(([m]) => m.startsWith('January')))) && (
              <text x={x} y={plot + 36} class="chart-label">
                {month.slice(-4)}
              </text>
            )}
          </g>
        )
      })}
      <g>
        <rect x={10} y={plot + 42} width={8} height={8} class="bar" />
        <text x={22} y={plot + 50} class="chart-label">
          {props.series[0]}
        </text>
        <rect x={secondAt} y={plot + 42} width={8} height={8} class="bar second" />
        <text x={secondAt + 12} y={plot + 50} class="chart-label">
          {props.series[1]}
        </text>
      </g>
    </svg>
  )
}
