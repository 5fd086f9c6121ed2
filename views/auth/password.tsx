import { MIN_PASSWORD_LENGTH } from '../../src/auth/schemas.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import { CsrfField, ErrorSummary, hasErrors, TextField } from '../components/forms.js'
import { Layout } from '../layout.js'

const LABELS = {
  current_password: 'Current password',
  new_password: 'New password',
  confirm_password: 'Confirm new password',
}

export function PasswordChangePage(props: { ctx: PageContext; form: FormState; required: boolean }) {
  const { form } = props
  return (
    <Layout ctx={props.ctx} title="Change your password" hasErrors={hasErrors(form)}>
      <ErrorSummary form={form} labels={LABELS} />
      <h1>Change your password</h1>
      {props.required && (
        <p class="notice warning">
          Your password was set by an administrator. Choose your own password before you continue.
        </p>
      )}
      <form method="post" action="/account/password" novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <TextField
          form={form}
          name="current_password"
          label={LABELS.current_password}
          type="password"
          autocomplete="current-password"
        />
        <TextField
          form={form}
          name="new_password"
          label={LABELS.new_password}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong password that is easy to remember.`}
          type="password"
          autocomplete="new-password"
        />
        <TextField
          form={form}
          name="confirm_password"
          label={LABELS.confirm_password}
          type="password"
          autocomplete="new-password"
        />
        <button type="submit">Change password</button>
      </form>
    </Layout>
  )
}
