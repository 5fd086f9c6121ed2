import { FOCAL_SERVICE_LABELS, type FocalService } from '../../src/focal-points/services.js'
import { formatDate } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import type { DashboardFigures } from '../../src/reports/figures.js'
import { periodChoices } from '../../src/reports/periods.js'
import { SECTOR_LABELS, type Sector } from '../../src/vocabulary.js'
import { DataTable } from '../components/data-table.js'
import { FilterForm } from '../components/filter-form.js'
import {
  DISTRICT_OPTIONS,
  ErrorSummary,
  hasErrors,
  SECTOR_OPTIONS,
  SelectField,
  TextField,
} from '../components/forms.js'
import { Layout } from '../layout.js'
import { BarChart, MonthChart } from './charts.js'
import { FIGURE_TABLES, type FigureTable } from './tables.js'

export const FILTER_LABELS = {
  period: 'Period',
  from: 'From',
  to: 'To',
  district: 'District',
  sector: 'Sector',
}

/** The filters as a query string, for the download links (only those that are set). */
export function filterQuery(values: FormState['values']) {
  const query = new URLSearchParams()
  for (const key of ['period', 'from', 'to', 'district', 'sector'] as const) {
    const value = values[key]
    if (typeof value === 'string' && value) query.set(key, value)
  }
  return query.toString()
}

const RECORD_LABELS = {
  agencies: 'Agencies',
  licences: 'Licences',
  complaints: 'Complaints',
  inspections: 'Inspections',
  cases: 'Criminal cases opened in the period, one row each, no names',
}

const TIP_EXPORTS = [
  { href: '/exports/tip-data.csv', label: 'Inspections and victims referred (CSV)' },
  { href: '/exports/tip-law-enforcement.csv', label: 'Criminal cases (CSV)' },
  { href: '/exports/tip-victims.csv', label: 'Detected victims and SDG 16.2.2 (CSV)' },
  { href: '/exports/tip-data.json', label: 'All three (JSON)' },
]

function Figure(props: { table: FigureTable; figures: DashboardFigures; query: string }) {
  const { table } = props
  const rows = table.rows(props.figures)
  return (
    <section class="figure" aria-labelledby={`${table.id}-title`}>
      <h2 id={`${table.id}-title`}>{table.title}</h2>
      <p class="hint">{table.about}</p>
      <div class={table.chart ? 'figure-body with-chart' : 'figure-body'}>
        {rows.length === 0 ? (
          <p>{table.empty ?? 'None in this period.'}</p>
        ) : (
          <DataTable caption={table.title} headings={table.header} rowLabels>
            {rows.map((row) => (
              <tr>
                {row.map((cell, i) =>
                  i === 0 && table.header.length > 1 && typeof cell === 'string' ? (
                    <th scope="row">{cell}</th>
                  ) : (
                    <td class={typeof cell === 'number' ? 'number' : undefined}>
                      {typeof cell === 'number' ? cell.toLocaleString('en') : cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </DataTable>
        )}
        {table.chart === 'bars' && rows.length > 0 && <BarChart rows={rows} />}
        {table.chart === 'months' && rows.length > 0 && (
          <MonthChart rows={rows} series={[table.header[1]!, table.header[2]!]} />
        )}
      </div>
      <p>
        <a href={`/dashboard.csv?table=${table.id}${props.query ? `&${props.query}` : ''}`} hx-boost="false">
          Download “{table.title}” (CSV)
        </a>
      </p>
    </section>
  )
}

export function DashboardResults(props: {
  figures: DashboardFigures | null
  filters: FormState
  period: { from: string; to: string } | null
}) {
  const query = filterQuery(props.filters.values)
  return (
    <div id="dashboard-figures">
      <ErrorSummary form={props.filters} labels={FILTER_LABELS} takesFocus={false} />
      {props.figures && props.period ? (
        <>
          {/* data-from, data-to: the dates a named period stands for, shown in the boxes it sets aside. */}
          <p data-summary data-from={props.period.from} data-to={props.period.to}>
            From {formatDate(props.period.from)} to {formatDate(props.period.to)}
            {props.filters.values.district ? `, ${props.filters.values.district}` : ', all districts'}
            {props.filters.values.sector
              ? `, ${SECTOR_LABELS[props.filters.values.sector as Sector] ?? props.filters.values.sector}`
              : ', all sectors'}
            .
          </p>
          {/* Beside the count line, not in it: the status line reads that line out after each change. */}
          {props.filters.values.period && (
            <p class="hint">
              These are the dates of the period chosen above; choose “The dates below” to count between the
              From and To dates instead.
            </p>
          )}
          {FIGURE_TABLES.map((table) => (
            <Figure table={table} figures={props.figures!} query={query} />
          ))}
          <section aria-labelledby="exports-title">
            <h2 id="exports-title">Records and the TIP data export</h2>
            <p class="hint">
              The records behind these figures, for the same district and sector (and period, for complaints
              and inspections). They hold no complainant's contact details, no free text and no names of
              people found at inspections.
            </p>
            <ul>
              {(['agencies', 'licences', 'complaints', 'inspections', 'cases'] as const).map((kind) => (
                <li>
                  <a href={`/exports/${kind}.csv${query ? `?${query}` : ''}`} hx-boost="false">
                    {RECORD_LABELS[kind]} (CSV)
                  </a>
                </li>
              ))}
              <li>
                TIP data for the national data hub and SADC, counts only:
                <ul>
                  {TIP_EXPORTS.map((e) => (
                    <li>
                      <a href={`${e.href}${query ? `?${query}` : ''}`} hx-boost="false">
                        {e.label}
                      </a>{' '}
                      ·{' '}
                      <a href={`${e.href}?${query ? `${query}&` : ''}suppress_below=5`} hx-boost="false">
                        {e.label}, counts under 5 suppressed for publication
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            </ul>
          </section>
        </>
      ) : (
        <p>Correct the filters above to see the figures.</p>
      )}
    </div>
  )
}

export function DashboardPage(props: {
  ctx: PageContext
  figures: DashboardFigures | null
  filters: FormState
  period: { from: string; to: string } | null
  /** Districts lacking a focal point, by service (today, whatever the period). */
  focalPointGaps: { district: string; missing: FocalService[] }[]
}) {
  return (
    <Layout ctx={props.ctx} title="Dashboard" hasErrors={hasErrors(props.filters)}>
      <h1>Dashboard</h1>
      <p>
        What the registry holds on licensing, complaints, inspections and victims referred, for the
        multi-sectoral committee and the national TIP data hub. The last twelve months unless you choose
        another period.
      </p>
      {props.focalPointGaps.length > 0 ? (
        <section class="notice warning" aria-labelledby="focal-gaps-title">
          <h2 id="focal-gaps-title">Districts without a focal point</h2>
          <ul>
            {props.focalPointGaps.map((g) => (
              <li>
                {g.district}: none for {g.missing.map((s) => FOCAL_SERVICE_LABELS[s]).join(', ')}
              </li>
            ))}
          </ul>
          <p>
            <a href="/focal-points">Focal points in the districts</a>
          </p>
        </section>
      ) : (
        <p>
          Every district has its four <a href="/focal-points">focal points</a>.
        </p>
      )}
      <FilterForm
        action="/dashboard"
        resultsId="dashboard-figures"
        label="Choose what to count"
        button="Show"
      >
        <SelectField
          form={props.filters}
          name="period"
          label={FILTER_LABELS.period}
          hint="A TIP reporting year runs from 1 April to 31 March. A period chosen here replaces the From and To dates."
          blank="The dates below"
          options={periodChoices()}
        />
        {/* A named period replaces the dates: they are set aside until "The dates below" is chosen
            again (views/browser/pages.ts does it at once). */}
        {(['from', 'to'] as const).map((name) => (
          <TextField
            form={props.filters}
            name={name}
            label={FILTER_LABELS[name]}
            type="date"
            disabled={Boolean(props.filters.values.period)}
          />
        ))}
        <SelectField
          form={props.filters}
          name="district"
          label={FILTER_LABELS.district}
          blank="All districts"
          options={DISTRICT_OPTIONS}
        />
        <SelectField
          form={props.filters}
          name="sector"
          label={FILTER_LABELS.sector}
          blank="All sectors"
          options={SECTOR_OPTIONS}
        />
      </FilterForm>
      <DashboardResults figures={props.figures} filters={props.filters} period={props.period} />
    </Layout>
  )
}
