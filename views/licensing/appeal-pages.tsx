import { formatDate, formatDateTime } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import type { AppealableDecision, AppealDetails } from '../../src/licensing/appeals.js'
import type { AppealAgainst, AppealStatus } from '../../src/licensing/lifecycle.js'
import { DataTable } from '../components/data-table.js'
import {
  CsrfField,
  ErrorSummary,
  hasErrors,
  SelectField,
  TextAreaField,
  TextField,
} from '../components/forms.js'
import { Layout } from '../layout.js'

const AGAINST_WORDS: Record<AppealAgainst, string> = {
  refusal: 'the refusal of the application',
  suspension: 'the suspension of the licence',
  revocation: 'the revocation of the licence',
}
const STATUS_WORDS: Record<AppealStatus, string> = {
  lodged: 'Lodged: waiting for a licensing manager’s decision',
  upheld: 'Dismissed: the decision stands',
  overturned: 'Allowed: the decision was undone',
}
const LABELS = {
  decision: 'Decision appealed',
  lodged_on: 'Received on',
  grounds: 'Grounds of the appeal',
  reason: 'Reason',
}

export function NewAppealPage(props: {
  ctx: PageContext
  agency: { id: string; legal_name: string }
  decisions: AppealableDecision[]
  form: FormState
}) {
  return (
    <Layout
      ctx={props.ctx}
      title={`Record an appeal: ${props.agency.legal_name}`}
      hasErrors={hasErrors(props.form)}
    >
      <ErrorSummary form={props.form} labels={LABELS} />
      <p>
        <a href={`/agencies/${props.agency.id}`}>Back to {props.agency.legal_name}</a>
      </p>
      <h1>Record an appeal from {props.agency.legal_name}</h1>
      {props.decisions.length === 0 ? (
        <p>No decision of this agency can be appealed now: none was taken in the time allowed for appeals.</p>
      ) : (
        <form method="post" action={`/agencies/${props.agency.id}/appeals`} novalidate>
          <CsrfField token={props.ctx.csrfToken} />
          <SelectField
            form={props.form}
            name="decision"
            label={LABELS.decision}
            options={props.decisions.map((d) => ({
              value: d.ref,
              label: `${d.label} (appeal by ${formatDate(d.deadline)})`,
            }))}
          />
          <TextField form={props.form} name="lodged_on" label={LABELS.lodged_on} type="date" />
          <TextAreaField
            form={props.form}
            name="grounds"
            label={LABELS.grounds}
            hint="What the agency says was wrong with the decision. A licensing manager decides it."
            rows={5}
          />
          <div class="actions">
            <button type="submit">Record appeal</button>
            <a href={`/agencies/${props.agency.id}`}>Cancel</a>
          </div>
        </form>
      )}
    </Layout>
  )
}

export function AppealPage(props: {
  ctx: PageContext
  appeal: AppealDetails
  canDecide: boolean
  form: FormState
  notice?: string | undefined
}) {
  const a = props.appeal
  return (
    <Layout ctx={props.ctx} title={`Appeal: ${a.agency_name}`} hasErrors={hasErrors(props.form)}>
      <ErrorSummary form={props.form} labels={LABELS} />
      <p>
        <a href={`/agencies/${a.agency_id}`}>Back to {a.agency_name}</a> · <a href="/appeals">All appeals</a>
      </p>
      {props.notice && (
        <p class="notice success" role="status">
          {props.notice}
        </p>
      )}
      <h1>
        Appeal against {AGAINST_WORDS[a.against]}: {a.agency_name}
      </h1>
      <dl class="summary">
        <dt>Status</dt>
        <dd>
          <strong>{STATUS_WORDS[a.status]}</strong>
        </dd>
        <dt>Decision appealed</dt>
        <dd>
          {formatDate(a.decided_on)}
          {a.officer_name && `, by ${a.officer_name}`}
        </dd>
        <dt>Received</dt>
        <dd>{formatDate(a.lodged_on)}</dd>
        {a.decision_appealed_reason && (
          <>
            <dt>Reason given for the decision</dt>
            <dd class="prose">{a.decision_appealed_reason}</dd>
          </>
        )}
      </dl>
      <p>
        <a href={`/agencies/${a.agency_id}`}>The agency’s page</a> holds the licence history, the notice and
        its representations.
      </p>
      <h2>{LABELS.grounds}</h2>
      <p class="prose">{a.grounds}</p>
      {a.status === 'lodged' && props.canDecide && (
        <form method="post" action={`/appeals/${a.id}/decide`} novalidate>
          <CsrfField token={props.ctx.csrfToken} />
          <input type="hidden" name="version" value={String(a.version)} />
          <h2>Decision</h2>
          <p>
            Overturning {AGAINST_WORDS[a.against]}{' '}
            {a.against === 'refusal'
              ? 'returns the application to the queue, to be decided again.'
              : 'restores the licence as it was before, with the same expiry.'}
          </p>
          <TextAreaField form={props.form} name="reason" label={LABELS.reason} rows={3} />
          <div class="actions">
            <button type="submit" name="decision" value="overturn" class="danger">
              Allow the appeal: undo the decision
            </button>
            <button type="submit" name="decision" value="uphold" class="secondary">
              Dismiss the appeal: the decision stands
            </button>
          </div>
        </form>
      )}
      {a.status === 'lodged' && !props.canDecide && (
        <p class="muted">A licensing manager who did not take the decision decides this appeal.</p>
      )}
      {a.status !== 'lodged' && (
        <>
          <h2>Decision</h2>
          <p class="prose">{a.decision_reason}</p>
          {a.decided_at && <p class="muted">Decided {formatDateTime(a.decided_at)}</p>}
        </>
      )}
    </Layout>
  )
}

export function AppealListPage(props: {
  ctx: PageContext
  rows: { id: string; against: AppealAgainst; status: AppealStatus; lodged_on: string; agency_name: string }[]
}) {
  return (
    <Layout ctx={props.ctx} title="Appeals">
      <h1>Appeals</h1>
      <p>Appeals are recorded from the agency’s page; those waiting for a decision come first.</p>
      {props.rows.length === 0 ? (
        <p class="muted">No appeal has been lodged.</p>
      ) : (
        <DataTable
          caption="Appeals, those waiting first"
          headings={['Agency', 'Against', 'Received', 'Status']}
        >
          {props.rows.map((r) => (
            <tr>
              <td>
                <a href={`/appeals/${r.id}`}>{r.agency_name}</a>
              </td>
              <td>{AGAINST_WORDS[r.against]}</td>
              <td>{formatDate(r.lodged_on)}</td>
              <td>{STATUS_WORDS[r.status]}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Layout>
  )
}
