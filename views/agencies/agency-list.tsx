import { type AgencyRow, COUNT_CAP } from '../../src/agencies/queries.js'
import { AGENCY_SORTS, STANDING_FILTERS } from '../../src/agencies/schemas.js'
import type { AgencyFlags } from '../../src/complaints/rules.js'
import type { Paging } from '../../src/http/pagination.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import { STANDING_LABELS, standing } from '../../src/licensing/lifecycle.js'
import { SECTOR_LABELS } from '../../src/vocabulary.js'
import { FlagSummary } from '../complaints/agency-flags.js'
import { DataTable } from '../components/data-table.js'
import { FilterForm, RefusedFilters } from '../components/filter-form.js'
import {
  DISTRICT_OPTIONS,
  hasErrors,
  SECTOR_OPTIONS,
  SelectField,
  TextField,
  textOf,
} from '../components/forms.js'
import { LicenceNumber } from '../components/licence-number.js'
import { Pagination, WhenNoneMatch } from '../components/pagination.js'
import { StandingTag } from '../components/standing.js'
import { Layout } from '../layout.js'

const LABELS = {
  q: 'Search',
  district: 'District',
  sector: 'Sector',
  standing: 'Licence status',
  sort: 'Sort by',
}
const SORT_LABELS: Record<(typeof AGENCY_SORTS)[number], string> = {
  relevance: 'Best match',
  name: 'Name',
  district: 'District',
  expiry: 'Licence expiry',
  newest: 'Newest first',
  points: 'Demerit points, most first',
}

function countText(total: number): string {
  if (total > COUNT_CAP)
    return `More than ${COUNT_CAP.toLocaleString('en')} agencies. Add words or filters to narrow the list.`
  return total === 1 ? '1 agency' : `${total.toLocaleString('en')} agencies`
}

export function AgencyResults(props: {
  rows: AgencyRow[]
  flags: Map<string, AgencyFlags>
  paging: Paging
  filters: FormState
  today: string
  resembling: boolean
}) {
  const { rows, paging } = props
  if (hasErrors(props.filters))
    return <RefusedFilters resultsId="agency-results" form={props.filters} labels={LABELS} />
  return (
    <div id="agency-results">
      {props.resembling && rows.length > 0 && (
        <p>No agency name contains “{textOf(props.filters, 'q')}”. These names look similar:</p>
      )}
      <p data-summary>{countText(paging.total)}</p>
      {rows.length === 0 ? (
        <WhenNoneMatch paging={paging}>
          <p>
            No agency matches. Check the spelling, search by registration or licence number, or{' '}
            <a href="/agencies">clear the filters</a>.
          </p>
        </WhenNoneMatch>
      ) : (
        <DataTable caption="Agencies" headings={['Agency', 'Licence', 'District', 'Sectors', 'Flags']}>
          {rows.map((a) => {
            const licence =
              a.licence_status && a.expires_on ? { status: a.licence_status, expires_on: a.expires_on } : null
            return (
              <tr>
                <td>
                  <a href={`/agencies/${a.id}`}>{a.legal_name}</a>
                  {a.trading_names.length > 0 && (
                    <div class="muted">Trading as {a.trading_names.join(', ')}</div>
                  )}
                  <div class="muted">Registration {a.registration_number}</div>
                </td>
                <td>
                  <StandingTag
                    standing={standing(licence, Boolean(a.has_pending_application), props.today)}
                    expiresOn={a.expires_on}
                  />
                  {a.licence_number && (
                    <div>
                      <LicenceNumber number={a.licence_number} />
                    </div>
                  )}
                </td>
                <td>{a.district}</td>
                <td>{a.sectors.map((s) => SECTOR_LABELS[s]).join(', ')}</td>
                <td>
                  <FlagSummary flags={props.flags.get(a.id)} />
                </td>
              </tr>
            )
          })}
        </DataTable>
      )}
      <Pagination paging={paging} baseUrl="/agencies" query={props.filters.values} />
    </div>
  )
}

export function AgencyListPage(props: {
  ctx: PageContext
  rows: AgencyRow[]
  flags: Map<string, AgencyFlags>
  paging: Paging
  filters: FormState
  today: string
  canWrite: boolean
  resembling: boolean
}) {
  const { filters } = props
  return (
    <Layout ctx={props.ctx} title="Agencies" hasErrors={hasErrors(filters)}>
      <h1>Agencies</h1>
      {props.canWrite && (
        <p>
          <a class="button" href="/agencies/new">
            Register an agency
          </a>
        </p>
      )}
      <FilterForm
        action="/agencies"
        resultsId="agency-results"
        label="Search and filter agencies"
        button="Search"
        asYouType
      >
        <TextField
          form={filters}
          name="q"
          label={LABELS.q}
          hint="Name, trading name, registration or licence number"
          type="search"
        />
        <SelectField
          form={filters}
          name="district"
          label={LABELS.district}
          blank="All districts"
          options={DISTRICT_OPTIONS}
        />
        <SelectField
          form={filters}
          name="sector"
          label={LABELS.sector}
          blank="All sectors"
          options={SECTOR_OPTIONS}
        />
        <SelectField
          form={filters}
          name="standing"
          label={LABELS.standing}
          blank="Any status"
          options={STANDING_FILTERS.map((s) => ({ value: s, label: STANDING_LABELS[s] }))}
        />
        <SelectField
          form={filters}
          name="sort"
          label={LABELS.sort}
          blank="Default"
          options={AGENCY_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
        />
      </FilterForm>
      <AgencyResults
        rows={props.rows}
        flags={props.flags}
        paging={props.paging}
        filters={filters}
        today={props.today}
        resembling={props.resembling}
      />
    </Layout>
  )
}
