import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import { CsrfField, ErrorSummary, hasErrors, TextField } from '../components/forms.js'
import { Layout } from '../layout.js'

const LABELS = { email: 'Email address', password: 'Password' }

export function LoginPage(props: { ctx: PageContext; form: FormState; notice?: string }) {
  const { form } = props
  return (
    <Layout ctx={props.ctx} title="Sign in" hasErrors={hasErrors(form)}>
      <ErrorSummary form={form} labels={LABELS} />
      {props.notice && (
        <p class="notice success" role="status">
          {props.notice}
        </p>
      )}
      <h1>Sign in</h1>
      <p>For staff of the Ministry of Labour and Employment and the Lesotho Mounted Police Service.</p>
      {/* A whole page load: the page after signing in starts the scripts for field work. */}
      <form method="post" action="/login" novalidate hx-boost="false">
        <CsrfField token={props.ctx.csrfToken} />
        {form.values.next && <input type="hidden" name="next" value={form.values.next} />}
        <TextField form={form} name="email" label={LABELS.email} type="email" autocomplete="username" />
        <TextField
          form={form}
          name="password"
          label={LABELS.password}
          type="password"
          autocomplete="current-password"
        />
        <button type="submit">Sign in</button>
      </form>
      <p class="muted">Forgotten your password? Ask a system administrator to reset it.</p>
    </Layout>
  )
}
