import { formatPublicDate } from '../../src/i18n/language.js'
import type { Catalogue } from '../../src/i18n/messages.js'
import type { PublicAgency } from '../../src/public/queries.js'
import { STANDING_LOOK } from '../components/standing.js'

/** "Licensed until 3 March 2027", "Suspended", ...: the words the public reads for a status. */
export function statusWords(agency: PublicAgency, t: Catalogue): string {
  if (agency.standing === 'licensed' && agency.expires_on)
    return t.licensedUntil(formatPublicDate(agency.expires_on, t))
  if (agency.standing === 'suspended' && agency.pending_investigation) return t.suspendedPending
  if (agency.standing === 'suspended' && agency.suspended_until)
    return t.suspendedUntil(formatPublicDate(agency.suspended_until, t))
  return t.standing[agency.standing]
}

/** Status as a word, a symbol and a colour together, never colour alone. */
export function PublicStatus(props: { agency: PublicAgency; t: Catalogue; large?: boolean }) {
  const look = STANDING_LOOK[props.agency.standing]
  return (
    <span class={`tag ${look.tone}${props.large ? ' large' : ''}`}>
      <span aria-hidden="true">{look.symbol}</span> {statusWords(props.agency, props.t)}
    </span>
  )
}

/** Substantiated findings and "under watch", in words, after the status. */
export function PublicWarnings(props: { agency: PublicAgency; t: Catalogue }) {
  const { convicted_on } = props.agency
  if (props.agency.warnings.length === 0 && !convicted_on) return null
  return (
    <div class="notice danger warnings">
      <p>
        <strong>
          <span aria-hidden="true">⚠ </span>
          {props.t.warningsTitle}
        </strong>
      </p>
      <ul>
        {convicted_on && <li>{props.t.convictedOn(formatPublicDate(convicted_on, props.t))}</li>}
        {props.agency.warnings.map((w) => (
          <li>{props.t.warnings[w]}</li>
        ))}
      </ul>
    </div>
  )
}
