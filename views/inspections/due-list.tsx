import { formatDate } from '../../src/format.js'
import type { Paging } from '../../src/http/pagination.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import type { DueWorksite } from '../../src/inspections/due.js'
import { SECTOR_LABELS, WORKSITE_KIND_LABELS } from '../../src/vocabulary.js'
import { DataTable } from '../components/data-table.js'
import { DistanceOffer, positionOf } from '../components/distance.js'
import { FilterForm, RefusedFilters } from '../components/filter-form.js'
import { DISTRICT_OPTIONS, hasErrors, SelectField } from '../components/forms.js'
import { Pagination } from '../components/pagination.js'
import { Layout } from '../layout.js'

export function DueResults(props: {
  rows: DueWorksite[]
  paging: Paging
  filters: FormState
  district: string
  /** May add a worksite (an empty district offers to). */
  canAdd: boolean
}) {
  const first = (props.paging.page - 1) * props.paging.perPage
  if (hasErrors(props.filters))
    return <RefusedFilters resultsId="due-results" form={props.filters} labels={{ district: 'District' }} />
  return (
    <div id="due-results">
      {props.rows.length > 0 && <DistanceOffer />}
      {props.rows.length === 0 ? (
        props.paging.total === 0 ? (
          <p data-summary>
            No worksites are registered in {props.district}.
            {props.canAdd && (
              <>
                {' '}
                <a href={`/worksites/new?district=${encodeURIComponent(props.district)}`}>Add one</a> to plan
                its inspection.
              </>
            )}
          </p>
        ) : (
          <p data-summary>No worksites on this page.</p>
        )
      ) : (
        <>
          <p data-summary>
            {props.paging.total === 1 ? '1 worksite' : `${props.paging.total.toLocaleString('en')} worksites`}{' '}
            in {props.district}
          </p>
          {/* Three columns, so the reasons (why a worksite is high on the list) fit a phone's width. */}
          <DataTable
            caption={`Worksites in ${props.district}, highest risk first`}
            headings={['Rank', 'Worksite', 'Risk score and why']}
          >
            {props.rows.map((w, k) => (
              <tr {...positionOf(w)}>
                <td>{first + k + 1}</td>
                <td>
                  <a href={`/worksites/${w.id}`}>{w.name}</a>
                  <div class="muted">
                    {WORKSITE_KIND_LABELS[w.kind]}, {SECTOR_LABELS[w.sector]}, {w.village}
                  </div>
                  {/* "Never inspected" is the first reason beside it; said once. */}
                  {w.lastVisit && <div class="muted">Last inspected {formatDate(w.lastVisit)}</div>}
                  <div class="muted" data-distance />
                </td>
                <td>
                  <strong>{w.score} points</strong>
                  <ul class="reasons">
                    {w.reasons.map((r) => (
                      <li>
                        {r.reason} (+{r.points})
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
      <Pagination paging={props.paging} baseUrl="/inspections/due" query={props.filters.values} />
    </div>
  )
}

export function DueListPage(props: {
  ctx: PageContext
  rows: DueWorksite[]
  paging: Paging
  filters: FormState
  district: string
  canAdd: boolean
}) {
  return (
    <Layout ctx={props.ctx} title="Due for inspection" hasErrors={hasErrors(props.filters)}>
      <h1>Due for inspection</h1>
      <p>
        Worksites ranked by risk: time since the last inspection, forced-labour indicators found before, open
        complaints and flagged recruiters among those who supply them, and the sector (farms and factories
        weigh most).
      </p>
      <FilterForm action="/inspections/due" resultsId="due-results" label="Choose the district" button="Show">
        <SelectField form={props.filters} name="district" label="District" options={DISTRICT_OPTIONS} />
      </FilterForm>
      <DueResults
        rows={props.rows}
        paging={props.paging}
        filters={props.filters}
        district={props.district}
        canAdd={props.canAdd}
      />
    </Layout>
  )
}
