import { caseNumberText } from '../../src/cases/case-number.js'
import type { CasesWaiting } from '../../src/cases/queries.js'
import { formatDate } from '../../src/format.js'
import type { Role } from '../../src/vocabulary.js'

/** On a prosecutor's or police officer's home page: the cases waiting for them, oldest first. */
export function CasesWaitingSection(props: { cases: CasesWaiting; role: Role }) {
  const { rows, total, stage, district } = props.cases
  const prosecutor = props.role === 'prosecutor'
  const title = prosecutor ? 'Cases sent to the DPP, not yet charged' : `Open investigations in ${district}`
  return (
    <section aria-labelledby="cases-waiting-title">
      <h2 id="cases-waiting-title">{title}</h2>
      {rows.length === 0 ? (
        <p>{prosecutor ? 'None: every case sent to the DPP has been charged or closed.' : 'None open.'}</p>
      ) : (
        <>
          <p>Longest waiting first.</p>
          <ul>
            {rows.map((r) => (
              <li>
                <a href={`/cases/${r.id}`}>{caseNumberText(r)}</a>, {r.district}:{' '}
                {prosecutor ? 'with the DPP' : 'under investigation'} since {formatDate(r.stage_since)} (
                {r.days_in_stage === 1 ? '1 day' : `${r.days_in_stage.toLocaleString('en')} days`})
              </li>
            ))}
          </ul>
          {total > rows.length && (
            <p>
              <a href={`/cases?stage=${stage}${district ? `&district=${encodeURIComponent(district)}` : ''}`}>
                All {total.toLocaleString('en')} of them
              </a>
            </p>
          )}
        </>
      )}
      {!prosecutor && (
        <p>
          <a href="/cases/new">Open a criminal case</a>
        </p>
      )}
    </section>
  )
}
