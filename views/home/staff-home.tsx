import type { CasesWaiting } from '../../src/cases/queries.js'
import { formatDateTime } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import type { OpenFollowUp } from '../../src/inspections/queries.js'
import { ROLE_LABELS } from '../../src/vocabulary.js'
import { CasesWaitingSection } from '../cases/cases-waiting.js'
import { DeviceDrafts } from '../inspections/device-drafts.js'
import { FollowUpList } from '../inspections/follow-ups.js'
import { Layout } from '../layout.js'
import { STAFF_NAV } from '../nav.js'

export function StaffHomePage(props: {
  ctx: PageContext
  notice?: string
  /** For those who do field work: follow-ups still to do (null for other roles). */
  followUps: OpenFollowUp[] | null
  /** Records that name this officer on the team and wait for their confirmation. */
  toConfirm: { id: string; visited_at: Date; worksite_name: string }[]
  today: string
  /** A prosecutor's cases sent to the DPP, a police officer's open investigations (null for others). */
  cases: CasesWaiting | null
}) {
  const user = props.ctx.user!
  const links = STAFF_NAV.filter((item) => item.href !== '/staff' && item.roles.includes(user.role))
  return (
    <Layout ctx={props.ctx} title="Home">
      {props.notice && (
        <p class="notice success" role="status">
          {props.notice}
        </p>
      )}
      <h1>Welcome, {user.name}</h1>
      <p>
        You are signed in as {withArticle(ROLE_LABELS[user.role].toLowerCase())}, home district{' '}
        {user.homeDistrict}.
      </p>
      {props.toConfirm.length > 0 && (
        <section aria-labelledby="to-confirm-title">
          <h2 id="to-confirm-title">Records waiting for your confirmation</h2>
          <p>These records name you on the team. Read each and confirm it if it is right.</p>
          <ul>
            {props.toConfirm.map((r) => (
              <li>
                <a href={`/inspections/${r.id}`}>
                  {r.worksite_name}, {formatDateTime(r.visited_at)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.cases && <CasesWaitingSection cases={props.cases} role={user.role} />}
      {props.followUps && (
        <section aria-labelledby="follow-ups-title">
          <h2 id="follow-ups-title">Follow-ups to do</h2>
          {props.followUps.length === 0 ? (
            <p>None: every follow-up of your inspections and your district's is done.</p>
          ) : (
            <FollowUpList
              ctx={props.ctx}
              followUps={props.followUps}
              today={props.today}
              canMarkDone
              showWorksite
            />
          )}
          <p>
            <a href="/inspections/new" hx-boost="false">
              Record an inspection of a worksite not yet in the register
            </a>{' '}
            ·{' '}
            <a href="/inspections/device" hx-boost="false">
              Inspections kept on this device
            </a>
          </p>
          <DeviceDrafts />
        </section>
      )}
      {links.length > 0 ? (
        <>
          <h2>What you can do</h2>
          <ul>
            {links.map((item) => (
              <li>
                <a href={item.href}>{item.label}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>The screens for your work are being built. They will appear here.</p>
      )}
      <p>
        <a href="/account/password">Change your password</a>
      </p>
    </Layout>
  )
}

/** "an analyst", "a labour inspector". */
function withArticle(noun: string) {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`
}
