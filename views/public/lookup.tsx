import type { Catalogue } from '../../src/i18n/messages.js'
import type { LookupResult, PublicAgency } from '../../src/public/queries.js'
import { SECTORS } from '../../src/vocabulary.js'
import { LicenceNumber } from '../components/licence-number.js'
import { OpenOffers } from './job.js'
import { NoFeeNotice } from './no-fee.js'
import { type PublicContext, PublicLayout } from './public-layout.js'
import { PublicStatus, PublicWarnings } from './public-status.js'
import { ResultsRegion, SearchForm } from './search-form.js'

/** The report form with this recruiter filled in. */
export function reportHref(agency: Pick<PublicAgency, 'licence_number' | 'name'>): string {
  return agency.licence_number
    ? `/complaints/new?licence=${encodeURIComponent(agency.licence_number)}`
    : `/complaints/new?name=${encodeURIComponent(agency.name)}`
}

function AgencyResult(props: {
  agency: PublicAgency
  t: Catalogue
  heading?: 'h2' | 'h3'
  /** A look-alike offers no report link: the report is about the name typed, not this agency. */
  lookAlike?: boolean
}) {
  const { agency, t } = props
  const Heading = props.heading ?? 'h2'
  // Sectors in the vocabulary's order, whatever order they were stored in.
  const sectors = SECTORS.filter((s) => agency.sectors.includes(s)).map((s) => t.sectorNames[s])
  return (
    <li class="result">
      <Heading>{agency.name}</Heading>
      <p class="result-status">
        <PublicStatus agency={agency} t={t} />
      </p>
      <PublicWarnings agency={agency} t={t} />
      <p>{t.advice[agency.standing]}</p>
      <dl class="facts">
        {agency.trading_names.length > 0 && (
          <>
            <dt>{t.tradingAs}</dt>
            <dd>{agency.trading_names.join(', ')}</dd>
          </>
        )}
        <dt>{t.licenceNumber}</dt>
        <dd>
          {agency.licence_number ? <LicenceNumber number={agency.licence_number} /> : t.noLicenceNumber}
        </dd>
        <dt>{t.district}</dt>
        <dd>{agency.district}</dd>
        {sectors.length > 0 && (
          <>
            <dt>{t.sectors}</dt>
            <dd>{sectors.join(', ')}</dd>
          </>
        )}
      </dl>
      {!props.lookAlike && <OpenOffers offers={agency.open_offers} t={t} />}
      {!props.lookAlike && (
        <p>
          <a href={reportHref(agency)}>{t.complaint.link}</a>
        </p>
      )}
    </li>
  )
}

/** "Not in the registry. ... Do not pay." with a link to report the name searched for. */
function NotInRegistry(props: { q: string; t: Catalogue }) {
  const { t } = props
  return (
    <div class="notice danger not-registered">
      <h2>{t.notFoundTitle(props.q)}</h2>
      <p>
        <strong>{t.notFoundText}</strong>
      </p>
      <p>
        <a href={`/complaints/new?name=${encodeURIComponent(props.q)}`}>{t.notFoundReport}</a>
      </p>
    </div>
  )
}

/** The results of one search: the htmx partial, and the heart of the lookup page. */
export function LookupResults(props: { q: string; found: LookupResult | null; t: Catalogue }) {
  const { q, found, t } = props
  if (!found) return <ResultsRegion />
  const list = (heading: 'h2' | 'h3') => (
    <ul class="results">
      {found.results.map((agency) => (
        <AgencyResult agency={agency} t={t} heading={heading} lookAlike={heading === 'h3'} />
      ))}
    </ul>
  )
  // Nothing matched as typed: the warning comes first; names that only look alike follow, as
  // the other recruiters they are.
  if (found.results.length === 0 || found.similar)
    return (
      <ResultsRegion>
        <NotInRegistry q={q} t={t} />
        {found.results.length > 0 && (
          <section class="look-alikes" aria-labelledby="look-alikes-title">
            <h2 id="look-alikes-title">{t.similarTitle}</h2>
            <p>{t.similarText(q)}</p>
            {list('h3')}
          </section>
        )}
      </ResultsRegion>
    )
  return (
    <ResultsRegion>
      <p class="result-count">{t.resultCount(found.results.length)}</p>
      {list('h2')}
      {found.more && <p>{t.moreResults}</p>}
    </ResultsRegion>
  )
}

/** The home page, and the lookup page with its results: the same page before and after a search. */
export function LookupPage(props: {
  pc: PublicContext
  q: string
  found: LookupResult | null
  error?: string
}) {
  const { t } = props.pc
  const title = props.error ? t.homeTitle : props.q ? t.lookupTitle(props.q) : t.homeTitle
  return (
    <PublicLayout pc={props.pc} title={title} hasErrors={Boolean(props.error)}>
      <h1>{t.homeTitle}</h1>
      <p class="lead">{t.homeLead}</p>
      <SearchForm pc={props.pc} q={props.q} error={props.error} />
      <LookupResults q={props.q} found={props.found} t={t} />
      <NoFeeNotice t={t} />
      <p>
        <a href="/jobs">{t.jobs.link}</a> · <a href="/complaints/new">{t.complaint.link}</a> ·{' '}
        <a href="/complaints/track">{t.complaint.trackLink}</a>
      </p>
      {props.pc.ussdCode && <p>{t.ussdDial(props.pc.ussdCode)}</p>}
    </PublicLayout>
  )
}
