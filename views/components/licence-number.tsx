/** A licence number kept on one line: "LRA-2026-00042" broken at a hyphen reads as two numbers. */
export function LicenceNumber(props: { number: string }) {
  return <span class="licence-number">{props.number}</span>
}
