import { formatDateTime } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import { Layout } from '../layout.js'

export interface LastChange {
  actor_label: string
  /** What the change was, in words ("Complaint RPT-… assigned"). */
  what: string
  at: Date
}

/** The 409 page: nothing was saved, here is what changed and who changed it. */
export function ConflictPage(props: {
  ctx: PageContext
  what: string
  lastChange?: LastChange
  backHref: string
  detail?: string
}) {
  return (
    <Layout ctx={props.ctx} title={`Someone else changed this ${props.what} first`}>
      <h1>Someone else changed this {props.what} first</h1>
      <p>Nothing you submitted was saved, because the {props.what} changed after you opened the page.</p>
      {props.lastChange && (
        <p>
          Last change: <strong>{props.lastChange.what}</strong>, by {props.lastChange.actor_label} on{' '}
          {formatDateTime(props.lastChange.at)}.
        </p>
      )}
      {props.detail && <p>{props.detail}</p>}
      <p>
        <a href={props.backHref}>Open it again</a> to see the latest version, then make your change if it is
        still needed.
      </p>
    </Layout>
  )
}
