import type { Child } from 'hono/jsx'
import type { FormState } from '../../src/http/validation.js'
import { ErrorSummary } from './forms.js'

/**
 * Filters above a staff table: a plain GET form (bookmarkable, works without JavaScript) that
 * htmx submits as the person types or chooses, replacing only the results and the URL. The
 * results begin with the filters' ErrorSummary, so that an answer to refused filters, which
 * replaces only the results, still says what to correct. The results are not a live region (a
 * screen reader would read a whole table, or nothing, as they are replaced); a status line beside
 * the form says what they now are: their `data-summary` line (a count), else their caption.
 * A date box sends the form when it is left, not as each part is typed (views/browser/pages.ts).
 */
export function FilterForm(props: {
  action: string
  /** The id of the results element the partial response replaces. */
  resultsId: string
  label: string
  button: string
  /** Also search while typing (for forms with a text box). */
  asYouType?: boolean
  children: Child
}) {
  return (
    <>
      <form
        class="filters"
        method="get"
        action={props.action}
        aria-label={props.label}
        hx-get={props.action}
        hx-trigger={props.asYouType ? 'input delay:400ms, change, submit' : 'change, submit'}
        hx-target={`#${props.resultsId}`}
        hx-swap="outerHTML"
        // The last choice wins: an answer still on its way for an earlier one is dropped.
        hx-sync="this:replace"
        hx-push-url="true"
      >
        {props.children}
        <div class="field">
          <button type="submit" class="secondary">
            {props.button}
          </button>
        </div>
      </form>
      {/* Filled by views/browser/pages.ts when the results are replaced: what they now are. */}
      <p class="visually-hidden" role="status" data-results-status={props.resultsId} />
    </>
  )
}

/**
 * The results when a filter is refused: what to correct, and no list. A list of everything under
 * "Status: Select a status from the list" would read as the answer to the filters typed.
 */
export function RefusedFilters(props: {
  resultsId: string
  form: FormState
  labels: Record<string, string>
}) {
  return (
    <div id={props.resultsId}>
      <ErrorSummary form={props.form} labels={props.labels} takesFocus={false} />
      <p>Correct the filters above to see the list.</p>
    </div>
  )
}
