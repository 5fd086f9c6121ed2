import type { Child } from 'hono/jsx'

/**
 * A staff table: scrolls sideways on a phone instead of the page (a shadow shows there is more),
 * with a caption for screen readers and column header cells. The scrolling region is a named
 * tab stop, so it can be scrolled from the keyboard.
 */
export function DataTable(props: {
  caption: string
  headings: readonly string[]
  children: Child
  /** The first column names each row: it stays in view while the rest scrolls sideways. */
  rowLabels?: boolean
}) {
  return (
    <section class="table-scroll" aria-label={`Table: ${props.caption}`} tabindex={0}>
      <table class={props.rowLabels ? 'row-labels' : undefined}>
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
    </section>
  )
}
