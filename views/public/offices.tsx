import type { FocalPoint } from '../../src/focal-points/queries.js'
import { FOCAL_SERVICES } from '../../src/focal-points/services.js'
import type { Catalogue } from '../../src/i18n/messages.js'
import { DISTRICTS, type District } from '../../src/vocabulary.js'
import { NoFeeNotice } from './no-fee.js'
import { type PublicContext, PublicLayout } from './public-layout.js'

// Where to report in person: each district's focal points (offices only), as the public sees
// them on their own page, and a district's after a report is sent.

const telHref = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, '')}`

/** One district's offices, each with its line and where it is. */
export function DistrictOffices(props: {
  district: District
  points: FocalPoint[]
  t: Catalogue
  heading?: 'h2' | 'h3'
}) {
  const { t } = props
  const Heading = props.heading ?? 'h2'
  const points = FOCAL_SERVICES.flatMap((s) =>
    props.points.filter((p) => p.district === props.district && p.service === s),
  )
  return (
    <section class="offices">
      <Heading>{t.offices.inDistrict(props.district)}</Heading>
      {points.length === 0 ? (
        <p>{t.offices.none}</p>
      ) : (
        <ul>
          {points.map((p) => (
            <li>
              <strong>{t.offices.services[p.service]}</strong>: {p.office},{' '}
              <a href={telHref(p.phone)}>{p.phone}</a>
              <div class="muted">
                {p.address}
                {p.hours && `; ${p.hours}`}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function OfficesPage(props: { pc: PublicContext; district: District | null; points: FocalPoint[] }) {
  const { t } = props.pc
  return (
    <PublicLayout pc={props.pc} title={t.offices.title}>
      <h1>{t.offices.title}</h1>
      <p>{t.offices.lead}</p>
      <form method="get" action="/offices" class="filters">
        {props.pc.lang !== 'en' && <input type="hidden" name="lang" value={props.pc.lang} />}
        <div class="field">
          <label for="district">{t.offices.choose}</label>
          <select id="district" name="district">
            <option value="">{t.offices.all}</option>
            {DISTRICTS.map((d) => (
              <option value={d} selected={d === props.district}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <button type="submit" class="secondary">
            {t.offices.show}
          </button>
        </div>
      </form>
      {(props.district ? [props.district] : DISTRICTS).map((d) => (
        <DistrictOffices district={d} points={props.points} t={t} />
      ))}
      <NoFeeNotice t={t} />
    </PublicLayout>
  )
}
