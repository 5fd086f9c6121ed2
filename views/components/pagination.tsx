import { type Paging, pageCount } from '../../src/http/pagination.js'
import type { FormValue } from '../../src/http/validation.js'

/** Previous/next links that keep the current filters in the URL. */
export function Pagination(props: { paging: Paging; baseUrl: string; query: Record<string, FormValue> }) {
  const pages = pageCount(props.paging)
  if (pages <= 1) return null
  const { page } = props.paging
  const href = (p: number) => {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(props.query))
      for (const item of [v ?? []].flat()) if (item) params.append(k, item)
    params.set('page', String(p))
    return `${props.baseUrl}?${params}`
  }
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
