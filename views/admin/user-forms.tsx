import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import { DISTRICTS, ROLE_LABELS, ROLES } from '../../src/vocabulary.js'
import { CsrfField, ErrorSummary, hasErrors, SelectField, TextField } from '../components/forms.js'
import { Layout } from '../layout.js'

const LABELS = { name: 'Full name', email: 'Email address', role: 'Role', home_district: 'Home district' }

export const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))

export function NewUserPage(props: { ctx: PageContext; form: FormState }) {
  const { form } = props
  return (
    <Layout ctx={props.ctx} title="Create a user" hasErrors={hasErrors(form)}>
      <ErrorSummary form={form} labels={LABELS} />
      <p>
        <a href="/admin/users">Back to users</a>
      </p>
      <h1>Create a user</h1>
      <form method="post" action="/admin/users" novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <TextField form={form} name="name" label={LABELS.name} autocomplete="off" />
        <TextField
          form={form}
          name="email"
          label={LABELS.email}
          hint="Their work email. They sign in with it."
          type="email"
          autocomplete="off"
        />
        <SelectField
          form={form}
          name="role"
          label={LABELS.role}
          blank="Select a role"
          options={roleOptions}
        />
        <SelectField
          form={form}
          name="home_district"
          label={LABELS.home_district}
          blank="Select a district"
          options={DISTRICTS.map((d) => ({ value: d, label: d }))}
        />
        <p>
          The registry makes a one-time password for the new user. They must choose their own password when
          they first sign in.
        </p>
        <button type="submit">Create user</button>
      </form>
    </Layout>
  )
}

/** Shown once after creating a user or resetting a password: the temporary password is not stored. */
export function TemporaryPasswordPage(props: {
  ctx: PageContext
  title: string
  userId: string
  userName: string
  email: string
  password: string
}) {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <div class="notice success" role="status">
        <h1>{props.title}</h1>
      </div>
      <p>
        Give this one-time password to {props.userName} in person or by phone. Do not send it by email. It is
        shown only now.
      </p>
      <dl class="summary">
        <dt>Email address</dt>
        <dd>{props.email}</dd>
        <dt>One-time password</dt>
        <dd>
          <span class="secret">{props.password}</span>
        </dd>
      </dl>
      <p>They will be asked to choose their own password when they sign in.</p>
      <p class="actions">
        <a href={`/admin/users/${props.userId}`}>View {props.userName}</a>
        <a href="/admin/users">Back to users</a>
      </p>
    </Layout>
  )
}
