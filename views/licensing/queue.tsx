import type { AgencyFlags } from '../../src/complaints/rules.js'
import { formatDate } from '../../src/format.js'
import type { Paging } from '../../src/http/pagination.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import type { ApplicationKind } from '../../src/licensing/lifecycle.js'
import { dateInLesotho, daysBetween } from '../../src/time.js'
import { FlagSummary } from '../complaints/agency-flags.js'
import { DataTable } from '../components/data-table.js'
import { FilterForm, RefusedFilters } from '../components/filter-form.js'
import { DISTRICT_OPTIONS, hasErrors, SelectField } from '../components/forms.js'
import { Pagination, WhenNoneMatch } from '../components/pagination.js'
import { Layout } from '../layout.js'

export interface QueueRow {
  id: string
  kind: ApplicationKind
  submitted_at: Date
  agency_id: string
  legal_name: string
  district: string
}

interface QueueResultsProps {
  rows: QueueRow[]
  flags: Map<string, AgencyFlags>
  paging: Paging
  filters: FormState
  today: string
}

export function QueueResults(props: QueueResultsProps) {
  if (hasErrors(props.filters))
    return <RefusedFilters resultsId="queue-results" form={props.filters} labels={{ district: 'District' }} />
  return (
    <div id="queue-results">
      <p data-summary>
        {props.paging.total === 1 ? '1 application' : `${props.paging.total} applications`} awaiting decision
      </p>
      {props.rows.length === 0 ? (
        <WhenNoneMatch paging={props.paging}>
          <p>No applications are waiting. New applications are recorded from an agency's page.</p>
        </WhenNoneMatch>
      ) : (
        <DataTable
          caption="Applications awaiting decision, oldest first"
          headings={['Agency', 'Application', 'District', 'Submitted', 'Days waiting', 'Flags']}
        >
          {props.rows.map((r) => (
            <tr>
              <td>
                <a href={`/applications/${r.id}`}>{r.legal_name}</a>
              </td>
              <td>{r.kind === 'new' ? 'First licence' : 'Renewal'}</td>
              <td>{r.district}</td>
              <td>{formatDate(r.submitted_at)}</td>
              <td>{daysBetween(dateInLesotho(r.submitted_at), props.today)}</td>
              <td>
                <FlagSummary flags={props.flags.get(r.agency_id)} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination paging={props.paging} baseUrl="/applications" query={props.filters.values} />
    </div>
  )
}

export function QueuePage(props: QueueResultsProps & { ctx: PageContext }) {
  return (
    <Layout ctx={props.ctx} title="Applications awaiting decision" hasErrors={hasErrors(props.filters)}>
      <h1>Applications awaiting decision</h1>
      <FilterForm
        action="/applications"
        resultsId="queue-results"
        label="Filter applications"
        button="Filter"
      >
        <SelectField
          form={props.filters}
          name="district"
          label="District"
          blank="All districts"
          options={DISTRICT_OPTIONS}
        />
      </FilterForm>
      <QueueResults
        rows={props.rows}
        flags={props.flags}
        paging={props.paging}
        filters={props.filters}
        today={props.today}
      />
    </Layout>
  )
}
