import { caseNumberText } from '../../src/cases/case-number.js'
import type { CaseNamingAgency } from '../../src/cases/consequences.js'
import { AGENCY_LINK_LABELS, standsConvicted, VERDICT_LABELS } from '../../src/cases/parties.js'
import { CASE_STAGE_LABELS, type CaseStage } from '../../src/cases/stages.js'
import { formatDate } from '../../src/format.js'
import { DataTable } from '../components/data-table.js'

// On an agency's page: the convictions that stand, and the criminal cases that name it or its
// people, by stage. Never a suspect's name or ID number: those are for the police and the DPP.

const whoNamed = (r: CaseNamingAgency) =>
  r.kind === 'agency' ? 'The agency' : `A ${AGENCY_LINK_LABELS[r.agency_link!].toLowerCase()} of the agency`

/** The standing convictions, said at the top of the page. */
export function ConvictionNotice(props: { rows: CaseNamingAgency[] }) {
  const standing = props.rows.filter(standsConvicted)
  if (standing.length === 0) return null
  return (
    <div class="notice danger" role="note">
      <p>
        <strong>Convicted of a recruitment offence</strong>
      </p>
      <ul>
        {standing.map((r) => (
          <li>
            {whoNamed(r)}, on {formatDate(r.verdict_on!)} ({caseNumberText(r)})
            {r.kind === 'agency' && ': the public pages say so'}.
          </li>
        ))}
      </ul>
      <p>Consider the licence: a conviction is grounds for a notice of intended revocation.</p>
    </div>
  )
}

/** Every case naming the agency or its people, with its stage and the ruling. */
export function AgencyCasesSection(props: { rows: CaseNamingAgency[]; linkCases: boolean }) {
  return (
    <section aria-labelledby="agency-cases-title">
      <h2 id="agency-cases-title">Criminal cases</h2>
      {props.rows.length === 0 ? (
        <p class="muted">No criminal case names this agency or its people.</p>
      ) : (
        <DataTable
          caption="Criminal cases naming this agency"
          headings={['Case', 'Names', 'Stage', 'Ruling']}
        >
          {props.rows.map((r) => (
            <tr>
              <td>
                {props.linkCases ? (
                  <a href={`/cases/${r.case_id}`}>{caseNumberText(r)}</a>
                ) : (
                  caseNumberText(r)
                )}
              </td>
              <td>{whoNamed(r)}</td>
              <td>{CASE_STAGE_LABELS[r.stage as CaseStage]}</td>
              <td>
                {r.verdict ? `${VERDICT_LABELS[r.verdict]} on ${formatDate(r.verdict_on!)}` : '–'}
                {r.overturned_on && `; overturned on appeal on ${formatDate(r.overturned_on)}`}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  )
}
