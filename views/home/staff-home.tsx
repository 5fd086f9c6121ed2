import { ROLE_LABELS } from '../../src/vocabulary.js'
import { Layout, type PageContext } from '../layout.js'
import { STAFF_NAV } from '../nav.js'

export function StaffHomePage(props: { ctx: PageContext; notice?: string }) {
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
        You are signed in as a {ROLE_LABELS[user.role].toLowerCase()}, home district {user.homeDistrict}.
      </p>
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
