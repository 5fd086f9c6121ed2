import type { publicUserFields } from '../../src/auth/accounts.js'
import { formatDateTime } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import { ROLE_LABELS } from '../../src/vocabulary.js'
import { CsrfField, ErrorSummary, hasErrors, SelectField, TextField } from '../components/forms.js'
import { Layout } from '../layout.js'
import { roleOptions } from './user-forms.js'
import { UserStatus } from './users-list.js'

export type UserDetails = ReturnType<typeof publicUserFields> & {
  created_at: Date
  last_login_at: Date | null
  paused_until: Date | null
}

export function UserPage(props: {
  ctx: PageContext
  user: UserDetails
  roleForm: FormState
  notice?: string
  now: Date
}) {
  const { user } = props
  const isSelf = props.ctx.user?.id === user.id
  return (
    <Layout ctx={props.ctx} title={user.name} hasErrors={hasErrors(props.roleForm)}>
      <ErrorSummary form={props.roleForm} labels={{ role: 'Role' }} />
      <p>
        <a href="/admin/users">Back to users</a>
      </p>
      {props.notice && (
        <p class="notice success" role="status">
          {props.notice}
        </p>
      )}
      <h1>{user.name}</h1>
      <dl class="summary">
        <dt>Email address</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
        <dt>Home district</dt>
        <dd>{user.home_district}</dd>
        <dt>Status</dt>
        <dd>
          <UserStatus active={user.active} pausedUntil={user.paused_until} now={props.now} />
          {user.must_change_password && ' · must choose a new password at next sign-in'}
          {user.paused_until && user.paused_until > props.now && (
            <span class="hint">
              Too many failed sign-in attempts with this email, from one network or from many. The pause ends
              by itself at that time; resetting the password ends it at once.
            </span>
          )}
        </dd>
        <dt>Last sign-in</dt>
        <dd>{user.last_login_at ? formatDateTime(user.last_login_at) : 'Never'}</dd>
        <dt>Account created</dt>
        <dd>{formatDateTime(user.created_at)}</dd>
      </dl>

      <h2>Change role</h2>
      {isSelf ? (
        <p>You cannot change your own role. Ask another administrator.</p>
      ) : (
        <form method="post" action={`/admin/users/${user.id}/role`} novalidate>
          <CsrfField token={props.ctx.csrfToken} />
          <input type="hidden" name="version" value={String(user.version)} />
          <SelectField form={props.roleForm} name="role" label="Role" options={roleOptions} />
          <button type="submit">Change role</button>
        </form>
      )}

      <h2>Access</h2>
      <p class="actions">
        <a class="button secondary" href={`/admin/users/${user.id}/reset-password`}>
          Reset password
        </a>
        {!isSelf && user.active && (
          <a class="button danger" href={`/admin/users/${user.id}/deactivate`}>
            Deactivate account
          </a>
        )}
      </p>
      {!user.active && (
        <form method="post" action={`/admin/users/${user.id}/reactivate`}>
          <CsrfField token={props.ctx.csrfToken} />
          <input type="hidden" name="version" value={String(user.version)} />
          <button type="submit">Reactivate account</button>
        </form>
      )}
      <p>
        <a href={`/admin/audit?entity=user&entity_id=${user.id}`}>History of this account in the audit log</a>
      </p>
    </Layout>
  )
}

export function ConfirmDeactivatePage(props: { ctx: PageContext; user: UserDetails; form: FormState }) {
  const { user, form } = props
  return (
    <Layout ctx={props.ctx} title={`Deactivate ${user.name}`} hasErrors={hasErrors(form)}>
      <ErrorSummary form={form} labels={{ reason: 'Reason' }} />
      <h1>Deactivate {user.name}?</h1>
      <p>
        {user.name} ({user.email}) will be signed out everywhere at once and will not be able to sign in.
        Their past work stays in the registry and the audit log. You can reactivate the account later.
      </p>
      <form method="post" action={`/admin/users/${user.id}/deactivate`} novalidate>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="version" value={form.values.version ?? String(user.version)} />
        <TextField
          form={form}
          name="reason"
          label="Reason"
          hint="For example: left the ministry on 30 June 2026."
        />
        <div class="actions">
          <button type="submit" class="danger">
            Deactivate account
          </button>
          <a href={`/admin/users/${user.id}`}>Cancel</a>
        </div>
      </form>
    </Layout>
  )
}

export function ConfirmResetPage(props: { ctx: PageContext; user: UserDetails }) {
  const { user } = props
  return (
    <Layout ctx={props.ctx} title={`Reset the password of ${user.name}`}>
      <h1>Reset the password of {user.name}?</h1>
      <p>
        Their current password stops working and they are signed out everywhere. You will see a one-time
        password to give them; they must choose a new password when they sign in.
      </p>
      <form method="post" action={`/admin/users/${user.id}/reset-password`}>
        <CsrfField token={props.ctx.csrfToken} />
        <input type="hidden" name="version" value={String(user.version)} />
        <div class="actions">
          <button type="submit" class="danger">
            Reset password
          </button>
          <a href={`/admin/users/${user.id}`}>Cancel</a>
        </div>
      </form>
    </Layout>
  )
}
