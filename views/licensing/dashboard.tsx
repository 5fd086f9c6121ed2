import type { AgencyWithConviction } from '../../src/cases/consequences.js'
import { formatDate } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import { reminderBand } from '../../src/licensing/lifecycle.js'
import { DataTable } from '../components/data-table.js'
import { LicenceNumber } from '../components/licence-number.js'
import { Layout } from '../layout.js'
import { type NoticeRow, OpenNoticesTable } from './notice-pages.js'

export interface ReminderRow {
  agency_id: string
  legal_name: string
  district: string
  licence_number: string
  expires_on: string
}

function ReminderTable(props: { caption: string; rows: ReminderRow[]; empty: string }) {
  return (
    <section>
      <h2>
        {props.caption} ({props.rows.length})
      </h2>
      {props.rows.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <DataTable caption={props.caption} headings={['Agency', 'Licence', 'District', 'Valid until']}>
          {props.rows.map((r) => (
            <tr>
              <td>
                <a href={`/agencies/${r.agency_id}`}>{r.legal_name}</a>
              </td>
              <td>
                <LicenceNumber number={r.licence_number} />
              </td>
              <td>{r.district}</td>
              <td>{formatDate(r.expires_on)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  )
}

export function LicensingDashboardPage(props: {
  ctx: PageContext
  reminders: ReminderRow[]
  waiting: number
  today: string
  /** Licences whose demerit points reached the review threshold. */
  forReview: { id: string; legal_name: string; licence_number: string | null; points: number }[]
  /** Open notices of intended action. */
  notices: NoticeRow[]
  /** Agencies convicted, or whose principal or director was convicted, of a recruitment offence. */
  convicted: AgencyWithConviction[]
}) {
  const band = (b: ReturnType<typeof reminderBand>) =>
    props.reminders.filter((r) => reminderBand(r.expires_on, props.today) === b)
  return (
    <Layout ctx={props.ctx} title="Licensing">
      <h1>Licensing</h1>
      <p class="actions">
        <a class="button" href="/applications">
          Applications awaiting decision ({props.waiting})
        </a>
        <a class="button secondary" href="/agencies">
          Agencies
        </a>
      </p>
      <h2>Notices of intended action</h2>
      {props.notices.length === 0 ? (
        <p>No notice is open.</p>
      ) : (
        <OpenNoticesTable rows={props.notices} today={props.today} />
      )}
      <h2>Licences to review</h2>
      {props.forReview.length === 0 ? (
        <p>No agency has reached 24 demerit points in the last 24 months.</p>
      ) : (
        <DataTable
          caption="Agencies with 24 or more demerit points, most first"
          headings={['Agency', 'Licence', 'Points']}
        >
          {props.forReview.map((r) => (
            <tr>
              <td>
                <a href={`/agencies/${r.id}#flags-title`}>{r.legal_name}</a>
              </td>
              <td>{r.licence_number ? <LicenceNumber number={r.licence_number} /> : 'None'}</td>
              <td>{r.points}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {props.convicted.length > 0 && <h3>Convicted of a recruitment offence</h3>}
      {props.convicted.length > 0 && (
        <DataTable
          caption="Agencies convicted of a recruitment offence, or whose principal or director was, latest first"
          headings={['Agency', 'Licence', 'Convicted']}
        >
          {props.convicted.map((r) => (
            <tr>
              <td>
                <a href={`/agencies/${r.id}#agency-cases-title`}>{r.legal_name}</a>
              </td>
              <td>{r.licence_number ? <LicenceNumber number={r.licence_number} /> : 'None'}</td>
              <td>
                {[
                  r.agency_convicted && 'The agency',
                  r.people_convicted > 0 &&
                    (r.people_convicted === 1
                      ? 'a principal or director'
                      : `${r.people_convicted} of its people`),
                ]
                  .filter(Boolean)
                  .join(' and ')}
                , latest on {formatDate(r.convicted_on)}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <p>The reasons and the system's recommendation are on each agency's page. People decide suspensions.</p>
      <h2>Renewals</h2>
      <p>Renewal reminders, as of {formatDate(props.today)}.</p>
      <ReminderTable
        caption="Expired, not renewed"
        rows={band('expired')}
        empty="No licence has expired without renewal."
      />
      <ReminderTable caption="Expiring within 3 weeks" rows={band('within_3_weeks')} empty="None." />
      <ReminderTable caption="Expiring in 3 to 6 weeks" rows={band('within_6_weeks')} empty="None." />
    </Layout>
  )
}
