import type { Context } from 'hono'
import { sendStream } from './compression.js'

// CSV for spreadsheets (RFC 4180), safe to open wherever it is opened. Spreadsheets set to a
// semicolon as separator (common in southern Africa and Europe) split a cell at ";", so every
// cell holding either separator, a quote or a line break is quoted. A cell that a spreadsheet
// would run as a formula is prefixed with an apostrophe, as OWASP advises: when the cell, or any
// part of it between separators, starts with = + - @, a tab or a carriage return. Nothing else
// in a cell is ever changed.

const FORMULA_START = /^[=+\-@\t\r]/

/** Whether a spreadsheet could read any part of the text as a formula. */
function startsLikeFormula(text: string): boolean {
  return text.split(/[;,]/).some((part, i) => FORMULA_START.test(i === 0 ? part : part.trimStart()))
}

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && startsLikeFormula(text)) text = `'${text}`
  return /[",;\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text
}

export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`
}

/**
 * Streams a CSV download: the header, then each batch of rows as the database yields it, so a
 * large export never sits in memory at once. Starts with a byte-order mark so that
 * spreadsheets read the file as UTF-8 (Sesotho names keep their letters).
 */
export function sendCsv(
  c: Context,
  filename: string,
  header: readonly string[],
  batches: AsyncIterable<(string | number | boolean | null)[][]>,
): Response {
  const encoder = new TextEncoder()
  const iterator = batches[Symbol.asyncIterator]()
  let started = false
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`))
        return
      }
      const next = await iterator.next()
      if (next.done) {
        controller.close()
        return
      }
      controller.enqueue(encoder.encode(next.value.map(csvLine).join('')))
    },
    async cancel() {
      await iterator.return?.()
    },
  })
  c.header('Content-Disposition', `attachment; filename="${filename}"`)
  c.header('Cache-Control', 'no-store')
  return sendStream(c, stream, 'text/csv; charset=utf-8')
}
