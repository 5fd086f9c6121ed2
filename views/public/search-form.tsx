import type { Child } from 'hono/jsx'
import type { PublicContext } from './public-layout.js'

export const RESULTS_ID = 'lookup-results'

/**
 * "Is this recruiter licensed?": a plain GET form to /lookup. With JavaScript, htmx searches
 * as the person types (after a pause) and swaps in only the results.
 */
export function SearchForm(props: { pc: PublicContext; q?: string; error?: string }) {
  const { t } = props.pc
  const describedBy = props.error ? 'q-hint q-error' : 'q-hint'
  return (
    <search>
      <form
        class="lookup"
        data-live-search
        method="get"
        action="/lookup"
        hx-get="/lookup"
        hx-trigger="input delay:300ms, submit"
        // What was typed last wins: the answer to an earlier fragment is dropped.
        hx-sync="this:replace"
        hx-target={`#${RESULTS_ID}`}
        hx-swap="outerHTML"
        hx-push-url="true"
      >
        <div class={props.error ? 'field field-error' : 'field'}>
          <label for="q">{t.searchLabel}</label>
          <span class="hint" id="q-hint">
            {t.searchHint}
          </span>
          {props.error && (
            <span class="error-message" id="q-error">
              <span class="visually-hidden">{t.errorPrefix}</span>
              {props.error}
            </span>
          )}
          <div class="lookup-row">
            <input
              id="q"
              name="q"
              type="search"
              value={props.q ?? ''}
              maxlength={100}
              autocomplete="off"
              autocapitalize="words"
              spellcheck={false}
              aria-describedby={describedBy}
              aria-invalid={props.error ? 'true' : undefined}
            />
            <button type="submit">{t.searchButton}</button>
          </div>
        </div>
      </form>
    </search>
  )
}

/** The results region; empty on the home page until a search fills it. */
export function ResultsRegion(props: { children?: Child }) {
  return (
    <div id={RESULTS_ID} aria-live="polite">
      {props.children}
    </div>
  )
}
