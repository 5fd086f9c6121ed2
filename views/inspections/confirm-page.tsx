import { formatDate, formatDateTime } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import { SERVICE_LABELS, type Service } from '../../src/inspections/confirmation-rules.js'
import type { Confirmation } from '../../src/inspections/confirmations.js'
import type { InspectionDetails } from '../../src/inspections/queries.js'
import { CsrfField, ErrorSummary, hasErrors, TextField } from '../components/forms.js'
import { Layout } from '../layout.js'
import { OUTCOME_LABELS, TYPE_LABELS } from './labels.js'

const OFFICER: Record<Service, string> = { labour: 'labour inspector', police: 'police officer' }

/** "Confirmed by Thabo Mokhethi (labour) and Palesa Ntsane (police)", labour first. */
export function confirmedBySentence(c: Confirmation): string {
  const record = `${c.recordName} (${SERVICE_LABELS[c.recordService]})`
  const confirmer = `${c.confirmerName} (${SERVICE_LABELS[c.confirmerService]})`
  return `Confirmed by ${c.recordService === 'labour' ? `${record} and ${confirmer}` : `${confirmer} and ${record}`}`
}

/** The record page's line on the confirmation: given, asked again after an amendment, or awaited. */
export function ConfirmationNotice(props: {
  inspectionId: string
  status: 'draft' | 'submitted'
  confirmation: Confirmation | null
  confirmable: boolean
  canConfirm: boolean
}) {
  const { confirmation: c } = props
  if (props.status !== 'submitted') return null
  // A visit without the other service on its team is no joint operation: nothing to say.
  if (!c && !props.confirmable) return null
  if (c?.current)
    return (
      <p class="notice success" data-confirmation>
        <strong>{confirmedBySentence(c)}</strong>, on {formatDateTime(c.confirmedAt)}
        {c.method === 'password_on_device' ? ' (password given on the recording device)' : ''}.
      </p>
    )
  const link = props.canConfirm && props.confirmable && (
    <a href={`/inspections/${props.inspectionId}/confirm`}>Confirm it with the other service</a>
  )
  return (
    <p class="notice" data-confirmation>
      {c
        ? `Amended after ${confirmedBySentence(c).replace('Confirmed by', 'it was confirmed by')} on ${formatDate(c.confirmedAt)}: the record as it now stands needs confirming again. `
        : 'Not yet confirmed by the other service on the team. '}
      {link}
    </p>
  )
}

export function ConfirmPage(props: {
  ctx: PageContext
  details: InspectionDetails
  form: FormState
  /** Who submitted (or last amended) the record, and the service that must confirm it. */
  record: { name: string; service: Service }
  confirming: Service
  /** The person signed in here may confirm on their own account. */
  ownAccount: boolean
  /** Why it cannot be confirmed at all now (already confirmed, a draft). */
  closed?: string | undefined
}) {
  const { inspection: i } = props.details
  const title = `Confirm the inspection of ${i.worksite_name}, ${formatDate(i.visited_at)}`
  const officer = OFFICER[props.confirming]
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={hasErrors(props.form)}>
      <ErrorSummary
        form={props.form}
        labels={{ email: 'Email address', password: 'Password', version: 'Record' }}
      />
      <p>
        <a href={`/inspections/${i.id}`}>Back to the record</a>
      </p>
      <h1>{title}</h1>
      <dl class="summary">
        <dt>Submitted by</dt>
        <dd>
          {props.record.name} ({SERVICE_LABELS[props.record.service]})
        </dd>
        <dt>Type</dt>
        <dd>{TYPE_LABELS[i.type]}</dd>
        <dt>Lead labour inspector</dt>
        <dd>{i.lead_inspector || 'Not recorded'}</dd>
        <dt>Police officers</dt>
        <dd>
          {i.police_officers.length === 0
            ? 'None recorded'
            : i.police_officers.map((p) => `${p.name} (${p.service_number})`).join(', ')}
        </dd>
        <dt>Outcome</dt>
        <dd>{i.outcome ? OUTCOME_LABELS[i.outcome] : 'Not yet recorded'}</dd>
      </dl>
      <p>
        <a href={`/inspections/${i.id}`}>Read the whole record</a> before confirming it.
      </p>
      {props.closed ? (
        <p class="notice">{props.closed}</p>
      ) : (
        <form method="post" action={`/inspections/${i.id}/confirm`} novalidate>
          <CsrfField token={props.ctx.csrfToken} />
          <input type="hidden" name="version" value={String(i.version)} />
          {props.ownAccount ? (
            <>
              <p>
                You confirm as {props.ctx.user?.name} ({SERVICE_LABELS[props.confirming]}) that you were on
                this inspection and that the record is right. It cannot be undone; an amendment will ask for
                it again.
              </p>
              <div class="actions">
                <button type="submit">Confirm this record</button>
              </div>
            </>
          ) : (
            <>
              <h2>The {officer} on the team confirms here</h2>
              <p>
                Hand this phone to the {officer}. Their password is checked once for this confirmation: it
                does not sign them in, and this device stays signed in as {props.ctx.user?.name}. They may
                instead confirm later on their own account.
              </p>
              <TextField
                form={props.form}
                name="email"
                label={`The ${officer}'s email address`}
                type="email"
                autocomplete="off"
              />
              <TextField
                form={props.form}
                name="password"
                label={`The ${officer}'s password`}
                type="password"
                autocomplete="off"
              />
              <div class="actions">
                <button type="submit">Confirm this record</button>
              </div>
            </>
          )}
        </form>
      )}
    </Layout>
  )
}
