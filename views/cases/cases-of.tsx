import { caseNumberText } from '../../src/cases/case-number.js'
import { CASE_STAGE_LABELS, type CaseStage } from '../../src/cases/stages.js'

export interface CaseOf {
  id: string
  station: string
  case_number: number
  case_year: number
  stage: string
}

/**
 * On a complaint's or an inspection's page: the criminal cases opened from it and where each
 * stands (a link for those who read cases), and the way to open one for the police.
 */
export function CasesOpenedFrom(props: { cases: CaseOf[]; canRead: boolean; openHref: string | null }) {
  if (props.cases.length === 0 && !props.openHref) return null
  return (
    <section aria-labelledby="criminal-cases-title">
      <h2 id="criminal-cases-title">Criminal case</h2>
      {props.cases.length === 0 ? (
        <p>No criminal case has been opened from it in the registry yet.</p>
      ) : (
        <ul>
          {props.cases.map((k) => (
            <li>
              {props.canRead ? <a href={`/cases/${k.id}`}>{caseNumberText(k)}</a> : caseNumberText(k)}:{' '}
              {CASE_STAGE_LABELS[k.stage as CaseStage]}
            </li>
          ))}
        </ul>
      )}
      {props.openHref && (
        <p>
          <a href={props.openHref}>Open a criminal case from it</a>
        </p>
      )}
    </section>
  )
}
