import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import { messagesFor } from '../../src/i18n/messages.js'
import { type LicenceAction, PUBLIC_REASONS } from '../../src/licensing/lifecycle.js'
import {
  CsrfField,
  ErrorSummary,
  hasErrors,
  SelectField,
  TextAreaField,
  TextField,
} from '../components/forms.js'
import { Layout } from '../layout.js'

const WHAT: Record<LicenceAction, { title: string; consequence: string; button: string }> = {
  suspend: {
    title: 'Suspend the licence at once, pending investigation',
    consequence:
      'For urgent cases only: otherwise give a notice of intended suspension, so the agency can answer first. The agency may not recruit while suspended. The public register and the certificate check will show “Suspended pending investigation” at once, with the reason chosen below.',
    button: 'Suspend licence now',
  },
  reinstate: {
    title: 'Reinstate the licence',
    consequence: 'The agency may recruit again. The public register will show it as licensed.',
    button: 'Reinstate licence',
  },
  revoke: {
    title: 'Revoke the licence',
    consequence:
      'This cannot be undone. The agency may never recruit under this licence again and cannot apply for a new one. The public register will show “Revoked”, and its principal and directors will be flagged if they register another agency.',
    button: 'Revoke licence',
  },
  surrender: {
    title: 'Record that the licence was surrendered',
    consequence: 'This cannot be undone. The agency has given up its licence and may no longer recruit.',
    button: 'Record surrender',
  },
}

export const PUBLIC_REASON_OPTIONS = PUBLIC_REASONS.map((r) => ({
  value: r,
  label: messagesFor('en').publicReasons[r],
}))

export function LicenceActionPage(props: {
  ctx: PageContext
  action: LicenceAction
  agency: { id: string; legal_name: string }
  licence: { licence_number: string; version: number }
  form: FormState
}) {
  const what = WHAT[props.action]
  return (
    <Layout
      ctx={props.ctx}
      title={`${what.title}: ${props.agency.legal_name}`}
      hasErrors={hasErrors(props.form)}
    >
      <ErrorSummary
        form={props.form}
        labels={{
          reason: 'Reason',
          suspended_until: 'Suspended until',
          public_reason: 'What the public is told',
        }}
      />
      <h1>
        {what.title}: {props.licence.licence_number}, {props.agency.legal_name}
      </h1>
      <p>{what.consequence}</p>
      <form method="post" action={`/agencies/${props.agency.id}/licence/${props.action}`} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="version" value={String(props.licence.version)} />
        <TextAreaField
          form={props.form}
          name="reason"
          label="Reason"
          hint="Kept in the licence history and the audit log."
          rows={3}
        />
        {props.action === 'suspend' && (
          <SelectField
            form={props.form}
            name="public_reason"
            label="What the public is told"
            hint="Shown on the public register and the certificate check instead of the reason above, which stays internal."
            options={PUBLIC_REASON_OPTIONS}
            blank="Choose a reason"
          />
        )}
        {props.action === 'suspend' && (
          <TextField
            form={props.form}
            name="suspended_until"
            label="Suspended until"
            hint="Leave empty if the suspension has no set end. An officer reinstates the licence."
            type="date"
            optional
          />
        )}
        <div class="actions">
          <button type="submit" class={props.action === 'reinstate' ? undefined : 'danger'}>
            {what.button}
          </button>
          <a href={`/agencies/${props.agency.id}`}>Cancel</a>
        </div>
      </form>
    </Layout>
  )
}
