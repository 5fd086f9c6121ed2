import { formatDateTime } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import type { ApplicationKind } from '../../src/licensing/lifecycle.js'
import type { ApplicationDetails } from '../../src/licensing/queries.js'
import { CsrfField, ErrorSummary, hasErrors, TextAreaField } from '../components/forms.js'
import { Layout } from '../layout.js'

export const CHECKLIST: { name: keyof ApplicationDetails & string; label: string }[] = [
  { name: 'fit_and_proper_checked', label: 'Fit-and-proper checks of the principal and directors done' },
  { name: 'registration_seen', label: 'Company registration certificate seen' },
  { name: 'office_visited', label: 'Office visited' },
  {
    name: 'fee_free_declaration_signed',
    label: 'Declaration signed that workers are charged no recruitment fee',
  },
]

const kindLabel = (kind: ApplicationKind) => (kind === 'new' ? 'licence application' : 'renewal application')

export function NewApplicationPage(props: {
  ctx: PageContext
  agency: { id: string; legal_name: string }
  kind: ApplicationKind
  form: FormState
}) {
  const { form } = props
  return (
    <Layout ctx={props.ctx} title={`Record a ${kindLabel(props.kind)}`} hasErrors={hasErrors(form)}>
      <ErrorSummary form={form} labels={{ checklist_notes: 'Notes' }} />
      <p>
        <a href={`/agencies/${props.agency.id}`}>Back to {props.agency.legal_name}</a>
      </p>
      <h1>
        Record a {kindLabel(props.kind)}: {props.agency.legal_name}
      </h1>
      <form method="post" action={`/agencies/${props.agency.id}/applications`} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <fieldset class="field">
          <legend>Checklist</legend>
          <span class="hint">
            Tick what has been done. The decision can be taken later, with the checklist in view.
          </span>
          {CHECKLIST.map((item) => (
            <div class="checkbox">
              <input
                type="checkbox"
                id={item.name}
                name={item.name}
                checked={form.values[item.name] === 'on'}
              />
              <label for={item.name}>{item.label}</label>
            </div>
          ))}
        </fieldset>
        <TextAreaField
          form={form}
          name="checklist_notes"
          label="Notes"
          hint="Anything else the decision should know."
          optional
        />
        <button type="submit">Record application</button>
      </form>
    </Layout>
  )
}

export function ApplicationPage(props: {
  ctx: PageContext
  application: ApplicationDetails
  canWrite: boolean
  notice?: string
}) {
  const a = props.application
  const open = a.status === 'submitted'
  return (
    <Layout
      ctx={props.ctx}
      title={`${a.kind === 'new' ? 'Licence' : 'Renewal'} application: ${a.legal_name}`}
    >
      <p>
        <a href={`/agencies/${a.agency_id}`}>Back to {a.legal_name}</a> ·{' '}
        <a href="/applications">Applications awaiting decision</a>
      </p>
      {props.notice && (
        <p class="notice success" role="status">
          {props.notice}
        </p>
      )}
      <h1>
        {a.kind === 'new' ? 'Licence' : 'Renewal'} application: {a.legal_name}
      </h1>
      <dl class="summary">
        <dt>Status</dt>
        <dd>{open ? 'Awaiting decision' : a.status[0]!.toUpperCase() + a.status.slice(1)}</dd>
        <dt>Submitted</dt>
        <dd>
          {formatDateTime(a.submitted_at)}
          {a.submitted_by_name && ` by ${a.submitted_by_name}`}
        </dd>
        <dt>District</dt>
        <dd>{a.district}</dd>
        {a.decided_at && (
          <>
            <dt>Decided</dt>
            <dd>
              {formatDateTime(a.decided_at)}
              {a.decided_by_name && ` by ${a.decided_by_name}`}
            </dd>
          </>
        )}
        {a.decision_reason && (
          <>
            <dt>Reason</dt>
            <dd>{a.decision_reason}</dd>
          </>
        )}
      </dl>
      <h2>Checklist</h2>
      <ul>
        {CHECKLIST.map((item) => (
          <li>
            {a[item.name] ? '✓ Done: ' : '✕ Not done: '}
            {item.label}
          </li>
        ))}
      </ul>
      {a.checklist_notes && <p>Notes: {a.checklist_notes}</p>}
      {open && props.canWrite && (
        <>
          <h2>Decision</h2>
          <form method="post" action={`/applications/${a.id}/approve`}>
            <CsrfField token={props.ctx.csrfToken} />
            <input type="hidden" name="version" value={String(a.version)} />
            <p>
              {a.kind === 'new'
                ? 'Approving issues a licence number and a licence valid for 12 months.'
                : 'Approving extends the licence by 12 months.'}
            </p>
            <div class="actions">
              <button type="submit">
                {a.kind === 'new' ? 'Approve and issue the licence' : 'Approve the renewal'}
              </button>
              <a class="button danger" href={`/applications/${a.id}/refuse`}>
                Refuse
              </a>
              <a class="button secondary" href={`/applications/${a.id}/withdraw`}>
                Record withdrawal
              </a>
            </div>
          </form>
        </>
      )}
    </Layout>
  )
}

export function ConfirmDecisionPage(props: {
  ctx: PageContext
  application: ApplicationDetails
  decision: 'refuse' | 'withdraw'
  form: FormState
}) {
  const a = props.application
  const refuse = props.decision === 'refuse'
  const title = refuse
    ? `Refuse the application of ${a.legal_name}?`
    : `Record that ${a.legal_name} withdrew its application?`
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={hasErrors(props.form)}>
      <ErrorSummary form={props.form} labels={{ reason: 'Reason' }} />
      <h1>{title}</h1>
      <p>
        {refuse
          ? `${a.legal_name} will not be licensed. The refusal and its reason are kept in the agency's history, and its principal and directors will be flagged if they register another agency.`
          : 'The application will be closed without a decision. The agency may apply again later.'}
      </p>
      <form method="post" action={`/applications/${a.id}/${props.decision}`} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="version" value={String(a.version)} />
        <TextAreaField form={props.form} name="reason" label="Reason" rows={3} />
        <div class="actions">
          <button type="submit" class={refuse ? 'danger' : undefined}>
            {refuse ? 'Refuse application' : 'Record withdrawal'}
          </button>
          <a href={`/applications/${a.id}`}>Cancel</a>
        </div>
      </form>
    </Layout>
  )
}
