import { MIN_PASSWORD_LENGTH } from '../../src/auth/schemas.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import {
  CsrfField,
  DISTRICT_OPTIONS,
  ErrorSummary,
  hasErrors,
  SelectField,
  TextField,
} from '../components/forms.js'
import { Layout } from '../layout.js'

const LABELS = {
  name: 'Full name',
  email: 'Email address',
  home_district: 'Home district',
  password: 'Password',
  confirm_password: 'Confirm password',
}

export function SetupPage(props: { ctx: PageContext; form: FormState }) {
  const { form } = props
  return (
    <Layout ctx={props.ctx} title="Set up the first administrator" hasErrors={hasErrors(form)}>
      <ErrorSummary form={form} labels={LABELS} />
      <h1>Set up the first administrator</h1>
      <p>
        The registry has no accounts yet. The person who sets up this account manages all other accounts. This
        link works once.
      </p>
      <form method="post" action="/setup" novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="token" value={form.values.token ?? ''} />
        <TextField form={form} name="name" label={LABELS.name} autocomplete="name" />
        <TextField form={form} name="email" label={LABELS.email} type="email" autocomplete="username" />
        <SelectField
          form={form}
          name="home_district"
          label={LABELS.home_district}
          blank="Select a district"
          options={DISTRICT_OPTIONS}
        />
        <TextField
          form={form}
          name="password"
          label={LABELS.password}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
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
        <button type="submit">Create administrator account</button>
      </form>
    </Layout>
  )
}

export function SetupUnavailablePage(props: { ctx: PageContext }) {
  return (
    <Layout ctx={props.ctx} title="This setup link no longer works">
      <h1>This setup link no longer works</h1>
      <p>
        The link has been used, has expired, or was replaced by a newer one. If the registry already has an
        administrator, <a href="/login">sign in</a>. Otherwise restart the server to print a new link.
      </p>
    </Layout>
  )
}
