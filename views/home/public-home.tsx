import { Layout, type PageContext } from '../layout.js'

export function PublicHomePage(props: { ctx: PageContext }) {
  return (
    <Layout ctx={props.ctx} title="Is this recruiter licensed?">
      <h1>Is this recruiter licensed?</h1>
      <p class="lead">
        Before you pay anyone for a job, check that the recruiter is licensed by the Ministry of Labour and
        Employment.
      </p>
      <div class="notice warning">
        <p>
          <strong>A licensed recruiter may not charge you any fee.</strong> If someone asks you to pay for a
          job, do not pay. Report them to the Ministry of Labour and Employment.
        </p>
      </div>
      <p class="muted">The public check of the register opens here soon.</p>
    </Layout>
  )
}
