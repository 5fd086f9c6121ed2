import type { Paging } from '../../src/http/pagination.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import { SECTOR_LABELS, WORKSITE_KIND_LABELS } from '../../src/vocabulary.js'
import type { WorksiteRow } from '../../src/worksites/queries.js'
import { WORKSITE_SORTS } from '../../src/worksites/schemas.js'
import { DataTable } from '../components/data-table.js'
import { DistanceOffer, positionOf } from '../components/distance.js'
import { FilterForm, RefusedFilters } from '../components/filter-form.js'
import {
  DISTRICT_OPTIONS,
  hasErrors,
  SECTOR_OPTIONS,
  SelectField,
  TextField,
  textOf,
  WORKSITE_KIND_OPTIONS,
} from '../components/forms.js'
import { Pagination, WhenNoneMatch } from '../components/pagination.js'
import { Layout } from '../layout.js'

const LABELS = { q: 'Search', district: 'District', kind: 'Kind', sector: 'Sector', sort: 'Sort by' }
const SORT_LABELS: Record<(typeof WORKSITE_SORTS)[number], string> = {
  name: 'Name',
  district: 'District',
  workers: 'Most workers first',
  newest: 'Newest first',
}

export function WorksiteResults(props: { rows: WorksiteRow[]; paging: Paging; filters: FormState }) {
  const { rows, paging } = props
  const filtered = Object.values(props.filters.values).some((v) => v !== undefined && v !== '')
  if (hasErrors(props.filters))
    return <RefusedFilters resultsId="worksite-results" form={props.filters} labels={LABELS} />
  return (
    <div id="worksite-results">
      <p data-summary>
        {paging.total === 1 ? '1 worksite' : `${paging.total.toLocaleString('en')} worksites`}
      </p>
      {rows.length > 0 && <DistanceOffer />}
      {rows.length === 0 ? (
        <WhenNoneMatch paging={paging}>
          {filtered ? (
            <p>
              No worksite matches “{textOf(props.filters, 'q')}” with these filters. Check the spelling, or{' '}
              <a href="/worksites">clear the filters</a>.
            </p>
          ) : (
            <p>No worksites are registered yet.</p>
          )}
        </WhenNoneMatch>
      ) : (
        <DataTable caption="Worksites" headings={['Worksite', 'Kind', 'Sector', 'District', 'Workers']}>
          {rows.map((w) => (
            <tr {...positionOf(w)}>
              <td>
                <a href={`/worksites/${w.id}`}>{w.name}</a>
                {w.operator && <div class="muted">{w.operator}</div>}
                <div class="muted" data-distance />
              </td>
              <td>{WORKSITE_KIND_LABELS[w.kind]}</td>
              <td>{SECTOR_LABELS[w.sector]}</td>
              <td>
                {w.village}, {w.district}
              </td>
              <td>{w.approx_workers === null ? '—' : `about ${w.approx_workers.toLocaleString('en')}`}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination paging={paging} baseUrl="/worksites" query={props.filters.values} />
    </div>
  )
}

export function WorksiteListPage(props: {
  ctx: PageContext
  rows: WorksiteRow[]
  paging: Paging
  filters: FormState
  canWrite: boolean
  canMerge: boolean
}) {
  const { filters } = props
  return (
    <Layout ctx={props.ctx} title="Worksites" hasErrors={hasErrors(filters)}>
      <h1>Worksites</h1>
      {(props.canWrite || props.canMerge) && (
        <p>
          {props.canWrite && (
            <a class="button" href="/worksites/new">
              Add a worksite
            </a>
          )}{' '}
          {props.canMerge && <a href="/worksites/duplicates">Likely duplicate worksites</a>}
        </p>
      )}
      <FilterForm
        action="/worksites"
        resultsId="worksite-results"
        label="Search and filter worksites"
        button="Search"
        asYouType
      >
        <TextField form={filters} name="q" label={LABELS.q} hint="Name, employer or village" type="search" />
        <SelectField
          form={filters}
          name="district"
          label={LABELS.district}
          blank="All districts"
          options={DISTRICT_OPTIONS}
        />
        <SelectField
          form={filters}
          name="kind"
          label={LABELS.kind}
          blank="All kinds"
          options={WORKSITE_KIND_OPTIONS}
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
          name="sort"
          label={LABELS.sort}
          blank="Name"
          options={WORKSITE_SORTS.filter((s) => s !== 'name').map((s) => ({
            value: s,
            label: SORT_LABELS[s],
          }))}
        />
      </FilterForm>
      <WorksiteResults rows={props.rows} paging={props.paging} filters={filters} />
    </Layout>
  )
}
