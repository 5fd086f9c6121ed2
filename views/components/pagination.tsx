import type { Child } from 'hono/jsx'
import { type Paging, pageCount } from '../../src/http/pagination.js'
import type { FormValue } from '../../src/http/validation.js'

/** Previous/next links that keep the current filters in the URL. */
export function Pagination(props: { paging: Paging; baseUrl: string; query: Record<string, FormValue> }) {
  const pages = pageCount(props.paging)
  const { page } = props.paging
  // Nothing matched: the list's own words say so, and there is no page to go back to.
  if ((pages <= 1 && page <= 1) || props.paging.total === 0) return null
  const href = (p: number) => {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(props.query))
      for (const item of [v ?? []].flat()) if (item) params.append(k, item)
    params.set('page', String(p))
    return `${props.baseUrl}?${params}`
  }
  // An old link or a typed address past the end: say so, and lead back.
  if (page > pages)
    return (
      <nav aria-label="Pages">
        <p>
          This page is past the end of the list, which has {pages === 1 ? '1 page' : `${pages} pages`}.{' '}
          <a href={href(pages)}>{pages === 1 ? 'Go to the list' : `Go to page ${pages}, the last`}</a>
        </p>
      </nav>
    )
  return (
    <nav aria-label="Pages">
      <ul class="pagination">
        {page > 1 && (
          <li>
            <a href={href(page - 1)} rel="prev">
              Previous page
            </a>
          </li>
        )}
        <li aria-current="page">
          Page {page} of {pages}
        </li>
        {page < pages && (
          <li>
            <a href={href(page + 1)} rel="next">
              Next page
            </a>
          </li>
        )}
      </ul>
    </nav>
  )
}

/**
 * What an empty page of a list says: its own words ("No case matches these filters") only when
 * nothing matches at all. A page past the end of a list that has rows says nothing here: beside a
 * count of 40 it would be wrong, and Pagination says the page is past the end, with a link back.
 */
export function WhenNoneMatch(props: { paging: Paging; children: Child }) {
  return props.paging.total === 0 ? props.children : null
}
