import type { DuplicateMatch } from '../../src/agencies/queries.js'
import { formatDateTime } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import { emptyForm, type FormState } from '../../src/http/validation.js'
import { CHECKLIST_ITEMS, openItems } from '../../src/licensing/checklist.js'
import type { ApplicationKind } from '../../src/licensing/lifecycle.js'
import type { ApplicationDetails } from '../../src/licensing/queries.js'
import { CsrfField, ErrorSummary, hasErrors, TextAreaField } from '../components/forms.js'
import { Layout } from '../layout.js'

const LABELS = {
  checklist_notes: 'Notes',
  open_items_confirmed: 'Checks not done',
}

/** The checklist's boxes and notes: recording an application, and updating it later. */
function ChecklistFields(props: { form: FormState }) {
  const { form } = props
  return (
    <>
      <fieldset class="field">
        <legend>Checklist</legend>
        <span class="hint">
          Tick what has been done. The decision can be taken later, with the checklist in view.
        </span>
        {CHECKLIST_ITEMS.map((item) => (
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
    </>
  )
}

/** The application's checklist as the form shows it. */
function checklistValues(a: ApplicationDetails): FormState {
  const values: Record<string, string> = { checklist_notes: a.checklist_notes ?? '' }
  for (const item of CHECKLIST_ITEMS) if (a[item.name]) values[item.name] = 'on'
  return emptyForm(values)
}

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
      <ErrorSummary form={form} labels={LABELS} />
      <p>
        <a href={`/agencies/${props.agency.id}`}>Back to {props.agency.legal_name}</a>
      </p>
      <h1>
        Record a {kindLabel(props.kind)}: {props.agency.legal_name}
      </h1>
      <form method="post" action={`/agencies/${props.agency.id}/applications`} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <ChecklistFields form={form} />
        <button type="submit">Record application</button>
      </form>
    </Layout>
  )
}

/** People linked to a revoked or refused agency: what the office must weigh before licensing. */
function PhoenixLinks(props: { phoenix: { links: DuplicateMatch[]; reasonAtRegistration: string | null } }) {
  const { links, reasonAtRegistration } = props.phoenix
  if (links.length === 0) return null
  return (
    <section class="notice danger" aria-labelledby="phoenix-title">
      <h2 id="phoenix-title">Linked to a revoked or refused agency</h2>
      <p>A principal or director of this agency is linked to:</p>
      <ul>
        {links.map((m) => (
          <li>
            <a href={`/agencies/${m.id}`}>{m.legal_name}</a> (registration {m.registration_number}):{' '}
            {m.reasons.join('; ')}
          </li>
        ))}
      </ul>
      <p>
        {reasonAtRegistration
          ? `Reason given when the agency was registered all the same: ${reasonAtRegistration}`
          : 'No reason was recorded when the agency was registered.'}
      </p>
    </section>
  )
}

export function ApplicationPage(props: {
  ctx: PageContext
  application: ApplicationDetails
  canWrite: boolean
  phoenix: { links: DuplicateMatch[]; reasonAtRegistration: string | null }
  notice?: string | undefined
  /** Refused: approving with checks not done, without saying so. */
  approveForm?: FormState | undefined
  /** Refused: the checklist's update. */
  checklistForm?: FormState | undefined
}) {
  const a = props.application
  const open = a.status === 'submitted'
  const notDone = openItems(a)
  const approveForm = props.approveForm ?? emptyForm()
  const checklistForm = props.checklistForm ?? checklistValues(a)
  const confirmError = approveForm.errors.open_items_confirmed
  return (
    <Layout
      ctx={props.ctx}
      title={`${a.kind === 'new' ? 'Licence' : 'Renewal'} application: ${a.legal_name}`}
      hasErrors={hasErrors(approveForm) || hasErrors(checklistForm)}
    >
      <ErrorSummary form={approveForm} labels={LABELS} />
      <ErrorSummary form={checklistForm} labels={LABELS} />
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
      <PhoenixLinks phoenix={props.phoenix} />
      <h2>Checklist</h2>
      <ul>
        {CHECKLIST_ITEMS.map((item) => (
          <li>
            {a[item.name] ? '✓ Done: ' : '✕ Not done: '}
            {item.label}
          </li>
        ))}
      </ul>
      {a.checklist_notes && <p>Notes: {a.checklist_notes}</p>}
      {open && props.canWrite && (
        <>
          <details class="checklist-update" open={hasErrors(checklistForm) || undefined}>
            <summary>Update the checklist</summary>
            <form method="post" action={`/applications/${a.id}/checklist`} novalidate>
              <CsrfField token={props.ctx.csrfToken} />
              <input type="hidden" name="version" value={String(a.version)} />
              <ChecklistFields form={checklistForm} />
              <button type="submit" class="secondary">
                Save the checklist
              </button>
            </form>
          </details>
          <h2>Decision</h2>
          <form method="post" action={`/applications/${a.id}/approve`} novalidate>
            <CsrfField token={props.ctx.csrfToken} />
            <input type="hidden" name="version" value={String(a.version)} />
            <p>
              {a.kind === 'new'
                ? 'Approving issues a licence number and a licence valid for 12 months.'
                : 'Approving extends the licence by 12 months.'}
            </p>
            {notDone.length > 0 && (
              <div class={confirmError ? 'field field-error' : 'field'} id="open_items_confirmed-field">
                <p>
                  <strong>
                    {notDone.length === 1
                      ? 'One check is not done:'
                      : `${notDone.length} checks are not done:`}
                  </strong>
                </p>
                <ul>
                  {notDone.map((item) => (
                    <li>{item.label}</li>
                  ))}
                </ul>
                {confirmError && (
                  <span class="error-message" id="open_items_confirmed-error">
                    <span class="visually-hidden">Error: </span>
                    {confirmError}
                  </span>
                )}
                <div class="checkbox">
                  <input
                    type="checkbox"
                    id="open_items_confirmed"
                    name="open_items_confirmed"
                    aria-describedby={confirmError ? 'open_items_confirmed-error' : undefined}
                    aria-invalid={confirmError ? 'true' : undefined}
                  />
                  <label for="open_items_confirmed">
                    Approve although {notDone.length === 1 ? 'this check is' : 'these checks are'} not done
                  </label>
                </div>
              </div>
            )}
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
