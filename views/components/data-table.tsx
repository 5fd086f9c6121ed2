import type { Child } from 'hono/jsx'

/**
 * A staff table: scrolls sideways on a phone instead of the page, with a caption for screen
 * readers and column header cells.
 */
export function DataTable(props: { caption: string; headings: readonly string[]; children: Child }) {
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.headings.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  )
}
