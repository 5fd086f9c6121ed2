import { type AuditSubject, subjectKey } from '../../src/audit/queries.js'
import type { AuditEntry } from '../../src/db/types.js'
import { formatDateTime } from '../../src/format.js'
import type { Paging } from '../../src/http/pagination.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import { sentenceOf } from '../components/code-words.js'
import { DataTable } from '../components/data-table.js'
import { FilterForm, RefusedFilters } from '../components/filter-form.js'
import { hasErrors, SelectField, TextField, textOf } from '../components/forms.js'
import { Pagination, WhenNoneMatch } from '../components/pagination.js'
import { Layout } from '../layout.js'
import { describeAuditEntry } from './describe.js'

const LABELS = { actor: 'Who', entity: 'What kind of record', entity_id: 'Record id', from: 'From', to: 'To' }

/** The kinds of record, as the filter names them. */
const ENTITY_LABELS: Record<string, string> = {
  agency: 'Agencies',
  licence: 'Licences',
  licence_application: 'Licence applications',
  licence_condition: 'Licence conditions',
  licence_notice: 'Notices of intended action',
  licence_appeal: 'Appeals',
  job_offer: 'Job offers',
  worksite: 'Worksites',
  inspection: 'Inspections',
  complaint: 'Complaints',
  unlicensed_recruiter: 'Unlicensed recruiters',
  user: 'Staff accounts',
  export: 'Downloads',
  registry: 'The registry as a whole',
}

function WhatHappened(props: { entry: AuditEntry; subject: AuditSubject | null }) {
  const words = describeAuditEntry(props.entry, props.subject)
  return (
    <>
      {words.before}
      {words.subject &&
        (words.subject.href ? (
          <a href={words.subject.href}>{words.subject.label}</a>
        ) : (
          <span>{words.subject.label}</span>
        ))}
      {words.after}
    </>
  )
}

export interface AuditChoices {
  actors: { id: string; name: string; email: string }[]
  entities: string[]
}

function Change(props: { value: unknown }) {
  if (props.value === null || props.value === undefined) return <span class="muted">–</span>
  return <pre class="json">{JSON.stringify(props.value, null, 1)}</pre>
}

export function AuditResults(props: {
  rows: AuditEntry[]
  subjects: Map<string, AuditSubject>
  paging: Paging
  filters: FormState
}) {
  if (hasErrors(props.filters))
    return <RefusedFilters resultsId="audit-results" form={props.filters} labels={LABELS} />
  return (
    <div id="audit-results">
      <p data-summary>{props.paging.total === 1 ? '1 entry' : `${props.paging.total} entries`}</p>
      {props.rows.length === 0 ? (
        <WhenNoneMatch paging={props.paging}>
          <p>No entries match these filters. Widen the dates or clear a filter.</p>
        </WhenNoneMatch>
      ) : (
        <DataTable
          caption="Audit log entries, newest first"
          headings={['When', 'Who', 'What happened', 'Change']}
        >
          {props.rows.map((e) => (
            <tr>
              <td>{formatDateTime(e.at)}</td>
              <td>
                {e.actor_label}
                {e.client_address && <div class="muted">from {e.client_address}</div>}
              </td>
              <td>
                <WhatHappened entry={e} subject={props.subjects.get(subjectKey(e)) ?? null} />
              </td>
              <td>
                {e.before || e.after ? (
                  <details>
                    <summary>Before and after</summary>
                    <h3>Before</h3>
                    <Change value={e.before} />
                    <h3>After</h3>
                    <Change value={e.after} />
                  </details>
                ) : (
                  <span class="muted">–</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination paging={props.paging} baseUrl="/admin/audit" query={props.filters.values} />
    </div>
  )
}

export function AuditLogPage(props: {
  ctx: PageContext
  rows: AuditEntry[]
  subjects: Map<string, AuditSubject>
  paging: Paging
  filters: FormState
  choices: AuditChoices
}) {
  const { filters } = props
  return (
    <Layout ctx={props.ctx} title="Audit log" hasErrors={hasErrors(filters)}>
      <h1>Audit log</h1>
      <p>Every change to registry data: who made it, when, from where, and what it was before and after.</p>
      <FilterForm
        action="/admin/audit"
        resultsId="audit-results"
        label="Filter the audit log"
        button="Filter"
      >
        <SelectField
          form={filters}
          name="actor"
          label={LABELS.actor}
          blank="Anyone"
          options={props.choices.actors.map((a) => ({ value: a.id, label: `${a.name} (${a.email})` }))}
        />
        <SelectField
          form={filters}
          name="entity"
          label={LABELS.entity}
          blank="All records"
          options={props.choices.entities.map((e) => ({
            value: e,
            label: ENTITY_LABELS[e] ?? sentenceOf(e),
          }))}
        />
        {textOf(filters, 'entity_id') && (
          <input type="hidden" name="entity_id" value={textOf(filters, 'entity_id')} />
        )}
        <TextField form={filters} name="from" label={LABELS.from} type="date" optional />
        <TextField form={filters} name="to" label={LABELS.to} type="date" optional />
      </FilterForm>
      <AuditResults rows={props.rows} subjects={props.subjects} paging={props.paging} filters={filters} />
    </Layout>
  )
}
