import { formatDateTime } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import { Layout } from '../layout.js'

export interface LastChange {
  actor_label: string
  /** What the change was, in words ("Complaint RPT-… assigned"). */
  what: string
  at: Date
}

/**
 * The 409 page: nothing was saved. Either the record changed after the page was opened (who
 * changed it, and when), or a rule refused the change (`detail` says which, first and plainly).
 */
export function ConflictPage(props: {
  ctx: PageContext
  what: string
  lastChange?: LastChange
  backHref: string
  /** More about the record as it is now. */
  detail?: string | undefined
  /** A rule refused the change: the page says so first, not that someone else changed it. */
  refusal?: string | undefined
}) {
  if (props.refusal)
    return (
      <Layout ctx={props.ctx} title={`Not done: ${props.refusal}`}>
        <h1>This {props.what} was not changed</h1>
        <p class="notice danger">
          <strong>{props.refusal}</strong>
        </p>
        <p>Nothing you submitted was saved.</p>
        <p>
          <a href={props.backHref}>Back to the {props.what}</a>
        </p>
      </Layout>
    )
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
