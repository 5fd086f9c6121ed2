import { formatDateTime, formatTime } from '../../src/format.js'
import type { Paging } from '../../src/http/pagination.js'
import type { PageContext } from '../../src/http/render.js'
import type { FormState } from '../../src/http/validation.js'
import { ROLE_LABELS, ROLES, type Role } from '../../src/vocabulary.js'
import { DataTable } from '../components/data-table.js'
import { FilterForm, RefusedFilters } from '../components/filter-form.js'
import { hasErrors, SelectField, TextField } from '../components/forms.js'
import { Pagination, WhenNoneMatch } from '../components/pagination.js'
import { Layout } from '../layout.js'

export interface UserRow {
  id: string
  name: string
  email: string
  role: Role
  home_district: string
  active: boolean
  last_login_at: Date | null
  paused_until: Date | null
}

const LABELS = { q: 'Name or email', role: 'Role', status: 'Status' }

/** The part htmx replaces when the filters change; the page includes it. */
export function UsersResults(props: { rows: UserRow[]; paging: Paging; filters: FormState; now: Date }) {
  const { rows, paging } = props
  if (hasErrors(props.filters))
    return <RefusedFilters resultsId="users-results" form={props.filters} labels={LABELS} />
  return (
    <div id="users-results">
      <p data-summary>
        {paging.total === 1 ? '1 user' : `${paging.total} users`}
        {hasActiveFilters(props.filters) &&
          (paging.total === 1 ? ' matches these filters' : ' match these filters')}
      </p>
      {rows.length === 0 ? (
        <WhenNoneMatch paging={paging}>
          <p>
            No users match. Change the filters, or <a href="/admin/users">show all users</a>.
          </p>
        </WhenNoneMatch>
      ) : (
        <DataTable
          caption="Users"
          headings={['Name', 'Email', 'Role', 'Home district', 'Status', 'Last sign-in']}
        >
          {rows.map((u) => (
            <tr>
              <td>
                <a href={`/admin/users/${u.id}`}>{u.name}</a>
              </td>
              <td>{u.email}</td>
              <td>{ROLE_LABELS[u.role]}</td>
              <td>{u.home_district}</td>
              <td>
                <UserStatus active={u.active} pausedUntil={u.paused_until} now={props.now} />
              </td>
              <td>{u.last_login_at ? formatDateTime(u.last_login_at) : 'Never'}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination paging={paging} baseUrl="/admin/users" query={props.filters.values} />
    </div>
  )
}

/** Active, deactivated, or active with sign-in paused somewhere after failed attempts. */
export function UserStatus(props: { active: boolean; pausedUntil: Date | null; now: Date }) {
  if (!props.active) return <span class="tag bad">✕ Deactivated</span>
  if (props.pausedUntil && props.pausedUntil > props.now)
    return <span class="tag warn">! Active, sign-in paused until {formatTime(props.pausedUntil)}</span>
  return <span class="tag ok">✓ Active</span>
}

function hasActiveFilters(filters: FormState) {
  return Boolean(filters.values.q || filters.values.role || filters.values.status)
}

export function UsersListPage(props: {
  ctx: PageContext
  rows: UserRow[]
  paging: Paging
  filters: FormState
  now: Date
}) {
  return (
    <Layout ctx={props.ctx} title="Users" hasErrors={hasErrors(props.filters)}>
      <h1>Users</h1>
      <p>
        <a class="button" href="/admin/users/new">
          Create a user
        </a>
      </p>
      <FilterForm
        action="/admin/users"
        resultsId="users-results"
        label="Filter users"
        button="Filter"
        asYouType
      >
        <TextField form={props.filters} name="q" label={LABELS.q} type="search" />
        <SelectField
          form={props.filters}
          name="role"
          label={LABELS.role}
          blank="All roles"
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
        <SelectField
          form={props.filters}
          name="status"
          label={LABELS.status}
          blank="Active and deactivated"
          options={[
            { value: 'active', label: 'Active' },
            { value: 'inactive', label: 'Deactivated' },
          ]}
        />
      </FilterForm>
      <UsersResults rows={props.rows} paging={props.paging} filters={props.filters} now={props.now} />
    </Layout>
  )
}
