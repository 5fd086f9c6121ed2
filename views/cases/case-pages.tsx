import { caseNumberText } from '../../src/cases/case-number.js'
import type { CaseDetails, CaseRow, CaseSource, Referrals } from '../../src/cases/queries.js'
import {
  CASE_ACTION_LABELS,
  CASE_AGE_LABELS,
  CASE_AGES,
  CASE_STAGE_LABELS,
  CASE_STAGES,
  type CaseAction,
  type CaseStage,
  daysInStage,
  needsReason,
  OFFENCE_LABELS,
  OFFENCES,
  type Offence,
} from '../../src/cases/stages.js'
import type { CaseSuspect, CaseVictims } from '../../src/cases/suspects.js'
import { formatDate, formatDateTime } from '../../src/format.js'
import type { Paging } from '../../src/http/pagination.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import { DataTable } from '../components/data-table.js'
import { FilterForm, RefusedFilters } from '../components/filter-form.js'
import {
  CheckboxesField,
  CsrfField,
  DISTRICT_OPTIONS,
  ErrorSummary,
  hasErrors,
  SelectField,
  TextAreaField,
  TextField,
} from '../components/forms.js'
import { Pagination, WhenNoneMatch } from '../components/pagination.js'
import { Layout } from '../layout.js'
import { SuspectsSection, VictimsSection } from './party-pages.js'

const STAGE_OPTIONS = CASE_STAGES.map((s) => ({ value: s, label: CASE_STAGE_LABELS[s] }))
const OFFENCE_OPTIONS = OFFENCES.map((o) => ({ value: o, label: OFFENCE_LABELS[o] }))
const AGE_OPTIONS = CASE_AGES.map((a) => ({ value: a, label: CASE_AGE_LABELS[a] }))

const FILTER_LABELS = {
  q: 'Case number',
  district: 'District',
  stage: 'Stage',
  offence: 'Offence',
  age: 'Age',
}

export const CASE_FIELD_LABELS: Record<string, string> = {
  station: 'Police station',
  case_number: 'Case number',
  case_year: 'Year of the case number',
  district: 'District',
  investigating_officer: 'Investigating officer',
  offences: 'Offences',
  reported_on: 'Day the offence was reported',
  opened_on: 'Day the investigation was opened',
  on_date: 'Date',
  court: 'Court',
  court_case_number: 'Court case number',
  reason: 'Reason',
  submission_key: 'Form',
  complaint_id: 'Complaint',
  inspection_id: 'Inspection',
}

const offencesText = (offences: readonly string[]) =>
  offences.map((o) => OFFENCE_LABELS[o as Offence] ?? o).join('; ')
const waited = (days: number) => (days === 1 ? '1 day' : `${days.toLocaleString('en')} days`)

/** The list's results: what the filters replace as the officer chooses. */
export function CaseResults(props: { rows: CaseRow[]; paging: Paging; filters: FormState }) {
  const { rows, paging } = props
  const filtered = Object.values(props.filters.values).some((v) => v !== undefined && v !== '')
  if (hasErrors(props.filters))
    return <RefusedFilters resultsId="case-results" form={props.filters} labels={FILTER_LABELS} />
  return (
    <div id="case-results">
      <p data-summary>{paging.total === 1 ? '1 case' : `${paging.total.toLocaleString('en')} cases`}</p>
      {rows.length === 0 ? (
        <WhenNoneMatch paging={paging}>
          {filtered ? (
            <p>
              No case matches these filters. <a href="/cases">Clear the filters</a>.
            </p>
          ) : (
            <p>No criminal case has been opened yet.</p>
          )}
        </WhenNoneMatch>
      ) : (
        <DataTable
          caption="Criminal cases, longest waiting first"
          headings={['Case', 'District', 'Offences', 'Stage', 'Time in this stage']}
        >
          {rows.map((r) => (
            <tr>
              <td>
                <a href={`/cases/${r.id}`}>{caseNumberText(r)}</a>
                <div class="muted">{r.investigating_officer}</div>
              </td>
              <td>{r.district}</td>
              <td>{offencesText(r.offences)}</td>
              <td>{CASE_STAGE_LABELS[r.stage as CaseStage]}</td>
              <td>
                {r.stage === 'closed'
                  ? '–'
                  : `${waited(r.days_in_stage)} (since ${formatDate(r.stage_since)})`}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination paging={paging} baseUrl="/cases" query={props.filters.values} />
    </div>
  )
}

export function CaseListPage(props: {
  ctx: PageContext
  rows: CaseRow[]
  paging: Paging
  filters: FormState
  canOpen: boolean
}) {
  const { filters } = props
  return (
    <Layout ctx={props.ctx} title="Criminal cases" hasErrors={hasErrors(filters)}>
      <h1>Criminal cases</h1>
      <p>
        Cases from the police station to the court’s verdict. Open cases come first, those that have waited
        longest in their stage at the top.
      </p>
      {props.canOpen && (
        <p>
          <a class="button" href="/cases/new">
            Open a criminal case
          </a>
        </p>
      )}
      <FilterForm
        action="/cases"
        resultsId="case-results"
        label="Filter criminal cases"
        button="Filter"
        asYouType
      >
        <TextField
          form={filters}
          name="q"
          label={FILTER_LABELS.q}
          hint="Station, number or year"
          type="search"
        />
        <SelectField
          form={filters}
          name="district"
          label={FILTER_LABELS.district}
          blank="All districts"
          options={DISTRICT_OPTIONS}
        />
        <SelectField
          form={filters}
          name="stage"
          label={FILTER_LABELS.stage}
          blank="All stages"
          options={STAGE_OPTIONS}
        />
        <SelectField
          form={filters}
          name="offence"
          label={FILTER_LABELS.offence}
          blank="All offences"
          options={OFFENCE_OPTIONS}
        />
        <SelectField
          form={filters}
          name="age"
          label={FILTER_LABELS.age}
          blank="Any age"
          options={AGE_OPTIONS}
        />
      </FilterForm>
      <CaseResults rows={props.rows} paging={props.paging} filters={filters} />
    </Layout>
  )
}

/** Opening a case: directly, or from a complaint or inspection whose case number is carried over. */
export function NewCasePage(props: {
  ctx: PageContext
  source: CaseSource | null
  form: FormState
  /** The case that already has this number (refused). */
  takenId?: string | undefined
  /** Opening a case directly: what was referred to the police and has no case yet. */
  referrals?: Referrals | null
}) {
  const { form, source } = props
  return (
    <Layout ctx={props.ctx} title="Open a criminal case" hasErrors={hasErrors(form)}>
      <ErrorSummary form={form} labels={CASE_FIELD_LABELS} />
      <p>
        <a href={source ? source.href : '/cases'}>Back to {source ? source.label : 'criminal cases'}</a>
      </p>
      <h1>Open a criminal case</h1>
      {source && (
        <p>
          From <a href={source.href}>{source.label}</a>, which gave the police case number{' '}
          <strong>{source.typedNumber}</strong>. Check the station, number and year below against the case
          docket: they were read from what was typed there.
        </p>
      )}
      {source?.openedCase && (
        <p class="notice warning">
          A case has already been opened from this {source.kind}:{' '}
          <a href={`/cases/${source.openedCase.id}`}>{caseNumberText(source.openedCase)}</a>. Open another
          only if it is a separate docket.
        </p>
      )}
      {props.takenId && (
        <p class="notice warning">
          <a href={`/cases/${props.takenId}`}>The case with this number</a> is already in the registry.
        </p>
      )}
      {props.referrals && <ReferralsWithoutCase referrals={props.referrals} />}
      <form method="post" action="/cases" novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="submission_key" value={String(form.values.submission_key ?? '')} />
        {source && <input type="hidden" name={`${source.kind}_id`} value={source.id} />}
        <fieldset class="field">
          <legend>The police case number</legend>
          <TextField
            form={form}
            name="station"
            label={CASE_FIELD_LABELS.station!}
            hint="As on the docket, for example: Maseru Central"
          />
          <TextField
            form={form}
            name="case_number"
            label={CASE_FIELD_LABELS.case_number!}
            inputmode="numeric"
          />
          <TextField
            form={form}
            name="case_year"
            label={CASE_FIELD_LABELS.case_year!}
            hint="Four digits, for example 2026"
            inputmode="numeric"
          />
        </fieldset>
        <SelectField
          form={form}
          name="district"
          label={CASE_FIELD_LABELS.district!}
          hint="Police of this district investigate it; police elsewhere can read it."
          options={DISTRICT_OPTIONS}
          blank="Choose a district"
        />
        <TextField
          form={form}
          name="investigating_officer"
          label={CASE_FIELD_LABELS.investigating_officer!}
          hint="Rank and name, for example: Detective Sergeant M. Lebona"
        />
        <CheckboxesField
          form={form}
          name="offences"
          label={CASE_FIELD_LABELS.offences!}
          options={OFFENCE_OPTIONS}
        />
        <TextField form={form} name="reported_on" label={CASE_FIELD_LABELS.reported_on!} type="date" />
        <TextField form={form} name="opened_on" label={CASE_FIELD_LABELS.opened_on!} type="date" />
        <div class="actions">
          <button type="submit">Open the case</button>
          <a href={source ? source.href : '/cases'}>Cancel</a>
        </div>
      </form>
    </Layout>
  )
}

const EVENT_WORDS: Record<string, string> = {
  open: 'Investigation opened',
  ...CASE_ACTION_LABELS,
  send_to_dpp: 'Sent to the Director of Public Prosecutions',
  charge: 'Charged in court',
  record_verdict: 'Verdict recorded',
  close: 'Closed',
  close_without_charge: 'Closed without charge',
  suspect_verdict: 'Ruling on a suspect',
  conviction_overturned: 'Conviction overturned on appeal',
}

/** One case: its number, where it stands and for how long, what it came from, its history. */
export function CasePage(props: {
  ctx: PageContext
  details: CaseDetails
  actions: CaseAction[]
  today: string
  notice?: string | undefined
  /** Why a step asked for cannot be taken now. */
  warning?: string | undefined
  /** The viewer may open what the case came from. */
  sourceLinked: boolean
  suspects: CaseSuspect[]
  victims: CaseVictims[]
  /** People referred by the inspection the case came from (null when it came from none). */
  referredByInspection: number | null
  canChangeParties: boolean
  canRule: boolean
  canOverturn: boolean
}) {
  const k = props.details
  return (
    <Layout ctx={props.ctx} title={`Criminal case ${caseNumberText(k)}`}>
      <p>
        <a href="/cases">Back to criminal cases</a>
      </p>
      {props.notice && (
        <p class="notice success" role="status">
          {props.notice}
        </p>
      )}
      {props.warning && (
        <p class="notice warning" role="alert">
          {props.warning}
        </p>
      )}
      <h1>Criminal case {caseNumberText(k)}</h1>
      <dl class="summary">
        <dt>Stage</dt>
        <dd>
          <strong>{CASE_STAGE_LABELS[k.stage]}</strong>
          {k.stage !== 'closed' &&
            ` since ${formatDate(k.stage_since)} (${waited(daysInStage(k.stage_since, props.today))})`}
        </dd>
        <dt>District</dt>
        <dd>{k.district}</dd>
      </dl>
      {props.actions.length > 0 && (
        <div class="actions">
          {props.actions.map((a) => (
            <a class={a.startsWith('close') ? 'button secondary' : 'button'} href={`/cases/${k.id}/${a}`}>
              {CASE_ACTION_LABELS[a]}
            </a>
          ))}
        </div>
      )}

      <h2>The case</h2>
      <dl class="facts">
        <dt>Police station</dt>
        <dd>{k.station}</dd>
        <dt>Investigating officer</dt>
        <dd>{k.investigating_officer}</dd>
        <dt>Offences</dt>
        <dd>{offencesText(k.offences)}</dd>
        <dt>Reported</dt>
        <dd>{formatDate(k.reported_on)}</dd>
        <dt>Investigation opened</dt>
        <dd>{formatDate(k.opened_on)}</dd>
        {k.source && (
          <>
            <dt>Opened from</dt>
            <dd>{props.sourceLinked ? <a href={k.source.href}>{k.source.label}</a> : k.source.label}</dd>
          </>
        )}
        {k.court && (
          <>
            <dt>Court</dt>
            <dd>
              {k.court}, case {k.court_case_number}, charged on {formatDate(k.charged_on!)}
            </dd>
          </>
        )}
        {k.closed_reason && (
          <>
            <dt>Why it was closed</dt>
            <dd>{k.closed_reason}</dd>
          </>
        )}
      </dl>

      <SuspectsSection
        caseId={k.id}
        suspects={props.suspects}
        canAdd={props.canChangeParties}
        canRule={props.canRule}
        canOverturn={props.canOverturn}
      />
      <VictimsSection
        caseId={k.id}
        victims={props.victims}
        fromInspection={
          props.referredByInspection === null || !k.inspection_id
            ? null
            : { people: props.referredByInspection, href: `/inspections/${k.inspection_id}` }
        }
        canAdd={props.canChangeParties}
      />

      <h2>History</h2>
      <DataTable caption="History of this case" headings={['Date', 'What', 'Who', 'Reason', 'Recorded']}>
        {k.events.map((e) => (
          <tr>
            <td>{formatDate(e.on_date)}</td>
            <td>{EVENT_WORDS[e.action] ?? e.action}</td>
            <td>{e.actor_label.replace(/\s*<[^>]*>$/, '')}</td>
            <td>{e.reason ?? '–'}</td>
            <td>{formatDateTime(e.at)}</td>
          </tr>
        ))}
      </DataTable>
    </Layout>
  )
}

const STEP_WORDS: Record<CaseAction, { consequence: string; button: string; dateLabel: string }> = {
  send_to_dpp: {
    consequence:
      'The docket goes to the Director of Public Prosecutions. From then on, the prosecutor records the charge, or closes the case if it is not taken to court.',
    button: 'Send to the DPP',
    dateLabel: 'Day it was sent',
  },
  charge: {
    consequence:
      'The case is recorded as charged in court. Its verdict is recorded once the court has ruled.',
    button: 'Record the charge',
    dateLabel: 'Day of the charge',
  },
  record_verdict: {
    consequence: 'The court’s ruling is recorded for the case.',
    button: 'Record the verdict',
    dateLabel: 'Day of the verdict',
  },
  close: {
    consequence: 'The case is closed after its verdict. This cannot be undone.',
    button: 'Close the case',
    dateLabel: 'Day it was closed',
  },
  close_without_charge: {
    consequence:
      'The case ends without anyone charged. This cannot be undone: a new docket needs a new case.',
    button: 'Close without charge',
    dateLabel: 'Day it was closed',
  },
}

/** One step of a case: what follows, its date, and what it records. */
export function CaseStepPage(props: {
  ctx: PageContext
  details: CaseDetails
  action: CaseAction
  form: FormState
}) {
  const k = props.details
  const words = STEP_WORDS[props.action]
  const labels = { ...CASE_FIELD_LABELS, on_date: words.dateLabel }
  return (
    <Layout
      ctx={props.ctx}
      title={`${CASE_ACTION_LABELS[props.action]}: ${caseNumberText(k)}`}
      hasErrors={hasErrors(props.form)}
    >
      <ErrorSummary form={props.form} labels={labels} />
      <p>
        <a href={`/cases/${k.id}`}>Back to the case</a>
      </p>
      <h1>
        {CASE_ACTION_LABELS[props.action]}: {caseNumberText(k)}
      </h1>
      <p>{words.consequence}</p>
      <form method="post" action={`/cases/${k.id}/${props.action}`} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="version" value={String(k.version)} />
        <TextField form={props.form} name="on_date" label={words.dateLabel} type="date" />
        {props.action === 'charge' && (
          <>
            <TextField
              form={props.form}
              name="court"
              label={CASE_FIELD_LABELS.court!}
              hint="For example: Maseru Magistrate’s Court"
            />
            <TextField
              form={props.form}
              name="court_case_number"
              label={CASE_FIELD_LABELS.court_case_number!}
            />
          </>
        )}
        {needsReason(props.action) && (
          <TextAreaField
            form={props.form}
            name="reason"
            label={CASE_FIELD_LABELS.reason!}
            hint="Kept in the case’s history and the audit log."
            rows={3}
          />
        )}
        <div class="actions">
          <button type="submit" class={props.action.startsWith('close') ? 'danger' : undefined}>
            {words.button}
          </button>
          <a href={`/cases/${k.id}`}>Cancel</a>
        </div>
      </form>
    </Layout>
  )
}

/** Referrals with no case yet, each a link that opens a case from it with its number carried over. */
function ReferralsWithoutCase(props: { referrals: Referrals }) {
  const { complaints, inspections } = props.referrals
  if (complaints.length === 0 && inspections.length === 0) return null
  return (
    <details class="field">
      <summary>
        Open it from a referral with no case yet ({complaints.length + inspections.length}
        {complaints.length === 20 || inspections.length === 20 ? ' or more' : ''})
      </summary>
      <p>The case number typed there is carried over; check it against the docket.</p>
      <ul>
        {inspections.map((i) => (
          <li>
            <a href={`/cases/new?inspection=${i.id}`}>
              Inspection of {i.name}, {formatDate(i.on_date)}
            </a>
            : {i.district}, police case {i.police_case_number}
          </li>
        ))}
        {complaints.map((c) => (
          <li>
            <a href={`/cases/new?complaint=${c.id}`}>Complaint {c.reference}</a>: received{' '}
            {formatDate(c.on_date)}
            {c.district && `, ${c.district}`}, police case {c.police_case_number}
          </li>
        ))}
      </ul>
    </details>
  )
}
