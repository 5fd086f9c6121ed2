import { formatDate } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import type { OpenFollowUp } from '../../src/inspections/queries.js'
import { CsrfField } from '../components/forms.js'

/** Follow-ups still to do, overdue ones marked, each with a "done" button for those who may. */
export function FollowUpList(props: {
  ctx: PageContext
  followUps: OpenFollowUp[]
  today: string
  canMarkDone: boolean
  /** Name the worksite on each (the inspector's home page lists several worksites). */
  showWorksite: boolean
}) {
  const overdue = props.followUps.filter((f) => f.due_on < props.today).length
  return (
    <div class="follow-ups">
      {overdue > 0 && (
        <p class="notice warning">
          <strong>{overdue === 1 ? '1 follow-up is overdue.' : `${overdue} follow-ups are overdue.`}</strong>
        </p>
      )}
      <ul>
        {props.followUps.map((f) => (
          <li>
            {f.due_on < props.today ? (
              <span class="tag bad">Overdue</span>
            ) : (
              <span class="tag neutral">Due</span>
            )}{' '}
            {formatDate(f.due_on)}: {f.action}
            {props.showWorksite && (
              <>
                {' '}
                at <a href={`/worksites/${f.worksite_id}`}>{f.worksite_name}</a>
              </>
            )}{' '}
            (<a href={`/inspections/${f.inspection_id}`}>inspection of {formatDate(f.visited_at)}</a>)
            {props.canMarkDone && (
              <form method="post" action={`/follow-ups/${f.id}/done`} class="inline-form">
                <CsrfField token={props.ctx.csrfToken} />
                <button type="submit" class="secondary">
                  Done<span class="visually-hidden">: {f.action}</span>
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
