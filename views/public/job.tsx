import { countryName } from '../../src/agencies/countries.js'
import { formatPublicDate, formatPublicDateTime } from '../../src/i18n/language.js'
import type { Catalogue } from '../../src/i18n/messages.js'
import { formatOfferCode } from '../../src/job-offers/code.js'
import type { OfferStanding } from '../../src/job-offers/lifecycle.js'
import type { PublicOffer } from '../../src/job-offers/queries.js'
import { formatMoney } from '../../src/money.js'
import { NoFeeNotice } from './no-fee.js'
import { type PublicContext, PublicLayout } from './public-layout.js'
import { PublicStatus, PublicWarnings } from './public-status.js'

const LOOK: Record<OfferStanding, { tone: 'ok' | 'warn' | 'bad'; symbol: string }> = {
  open: { tone: 'ok', symbol: '✓' },
  not_yet_open: { tone: 'warn', symbol: '!' },
  closed: { tone: 'bad', symbol: '✕' },
  withdrawn: { tone: 'bad', symbol: '✕' },
  agency_not_licensed: { tone: 'bad', symbol: '✕' },
}

/** The report form, with the code filled in. */
export const jobReportHref = (code: string) => `/complaints/new?job=${encodeURIComponent(code)}`

/** "Is this job real?": a plain GET form, no JavaScript needed. */
export function JobCodeForm(props: { t: Catalogue; code?: string; error?: string | undefined }) {
  const { t } = props
  return (
    <form method="get" action="/jobs" class="lookup">
      <div class={props.error ? 'field field-error' : 'field'}>
        <label for="code">{t.jobs.codeLabel}</label>
        <span class="hint" id="code-hint">
          {t.jobs.codeHint}
        </span>
        {props.error && (
          <span class="error-message" id="code-error">
            <span class="visually-hidden">{t.errorPrefix}</span>
            {props.error}
          </span>
        )}
        <div class="lookup-row">
          <input
            id="code"
            name="code"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            maxlength={20}
            value={props.code ?? ''}
            aria-describedby={props.error ? 'code-hint code-error' : 'code-hint'}
            aria-invalid={props.error ? 'true' : undefined}
          />
          <button type="submit">{t.jobs.checkButton}</button>
        </div>
      </div>
    </form>
  )
}

export function JobCheckPage(props: { pc: PublicContext; code?: string; error?: string | undefined }) {
  const { t } = props.pc
  return (
    <PublicLayout pc={props.pc} title={t.jobs.formTitle} hasErrors={Boolean(props.error)}>
      <h1>{t.jobs.formTitle}</h1>
      <p class="lead">{t.jobs.formLead}</p>
      <JobCodeForm t={t} code={props.code} error={props.error} />
      <p>
        <a href="/">{t.homeTitle}</a>
      </p>
    </PublicLayout>
  )
}

/** An approved offer: whether it is valid today first and large, then the job, then no fee. */
export function JobOfferPage(props: {
  pc: PublicContext
  offer: PublicOffer
  standing: OfferStanding
  now: Date
}) {
  const { t } = props.pc
  const { offer } = props
  const code = formatOfferCode(offer.code)
  const look = LOOK[props.standing]
  const words = t.jobs.standing[props.standing]
  const detail =
    props.standing === 'open'
      ? t.jobs.standingText.open(formatPublicDate(offer.open_until, t))
      : props.standing === 'not_yet_open'
        ? t.jobs.standingText.not_yet_open(formatPublicDate(offer.open_from, t))
        : props.standing === 'closed'
          ? t.jobs.standingText.closed(formatPublicDate(offer.open_until, t))
          : t.jobs.standingText[props.standing]()
  return (
    <PublicLayout
      pc={props.pc}
      title={`${t.jobs.title(code)}: ${words}`}
      description={`${t.jobs.title(code)}, ${offer.position}, ${offer.agency.name}: ${words}. ${t.jobs.noFeeBig}`}
    >
      <h1 class={`status-banner ${look.tone}`}>
        <span aria-hidden="true">{look.symbol}</span> {words}
      </h1>
      <p class="lead">{detail}</p>
      <dl class="facts">
        <dt>{t.jobs.position}</dt>
        <dd>
          <strong>{offer.position}</strong>
        </dd>
        <dt>{t.jobs.employer}</dt>
        <dd>{offer.employer_name}</dd>
        <dt>{t.jobs.place}</dt>
        <dd>
          {offer.employer_place}, {countryName(offer.employer_country)}
        </dd>
        <dt>{t.jobs.wage}</dt>
        <dd>{t.jobs.perMonth(formatMoney(offer.wage_minor, offer.wage_currency) ?? '')}</dd>
        <dt>{t.jobs.contract}</dt>
        <dd>{t.jobs.contractText(offer.contract_months, offer.hours_per_week)}</dd>
        <dt>{t.jobs.accommodation}</dt>
        <dd>{offer.accommodation}</dd>
        {props.standing !== 'withdrawn' && (
          <>
            <dt>{t.jobs.closes}</dt>
            <dd>{formatPublicDate(offer.open_until, t)}</dd>
          </>
        )}
        <dt>{t.jobs.codeLabel}</dt>
        <dd>
          <span class="offer-code">{code}</span>
        </dd>
      </dl>
      <h2>{t.jobs.recruiter}</h2>
      <p>
        <strong>{offer.agency.name}</strong>
        {offer.agency.licence_number && (
          <>
            {' '}
            · <a href={`/verify/${offer.agency.licence_number}`}>{offer.agency.licence_number}</a>
          </>
        )}
      </p>
      <p>
        <PublicStatus agency={offer.agency} t={t} />
      </p>
      <PublicWarnings agency={offer.agency} t={t} />
      <div class="notice warning no-fee-big">
        <p class="no-fee-title">
          <strong>{t.jobs.noFeeBig}</strong>
        </p>
        <p>{t.jobs.noFeeText}</p>
      </div>
      <p class="muted">{t.checkedOn(formatPublicDateTime(props.now, t))}</p>
      <p>
        <a href={jobReportHref(offer.code)}>{t.jobs.reportLink}</a> ·{' '}
        <a href="/jobs">{t.jobs.checkAnother}</a>
      </p>
    </PublicLayout>
  )
}

/** Why a code typed names no offer: none has it, a digit is wrong, or it is no code at all. */
export type CodeProblem = 'unknown' | 'mistyped' | 'not_a_code'

/** A code no approved offer has, one with a typing mistake, or no code: do not pay either way. */
export function JobUnknownPage(props: { pc: PublicContext; typed: string; problem: CodeProblem; now: Date }) {
  const { t } = props.pc
  const title =
    props.problem === 'mistyped'
      ? t.jobs.mistypedTitle
      : props.problem === 'not_a_code'
        ? t.jobs.notACodeTitle
        : t.jobs.unknownTitle
  const unknown = props.problem === 'unknown'
  return (
    <PublicLayout pc={props.pc} title={title}>
      <h1 class={`status-banner ${unknown ? 'bad' : 'warn'}`}>
        <span aria-hidden="true">{unknown ? '✕' : '!'}</span> {title}
      </h1>
      {unknown ? (
        <>
          <p class="lead">
            {t.jobs.unknownCode(formatOfferCode(props.typed))} <strong>{t.jobs.unknownText}</strong>
          </p>
          <NoFeeNotice t={t} />
          <p class="muted">{t.checkedOn(formatPublicDateTime(props.now, t))}</p>
          <p>
            <a href={jobReportHref(props.typed)}>{t.jobs.unknownReport}</a> ·{' '}
            <a href="/jobs">{t.jobs.checkAnother}</a>
          </p>
        </>
      ) : (
        <>
          <p class="lead">
            <strong>{props.problem === 'mistyped' ? t.jobs.mistypedText : t.jobs.notACodeText}</strong>
          </p>
          <JobCodeForm
            t={t}
            code={props.typed}
            error={props.problem === 'mistyped' ? t.jobs.mistypedTitle : t.jobs.notACode}
          />
        </>
      )}
    </PublicLayout>
  )
}

/** An agency's open offers, on the lookup and verify pages: how many, and a link to each. */
export function OpenOffers(props: { offers: { code: string; position: string }[]; t: Catalogue }) {
  if (props.offers.length === 0) return null
  return (
    <div class="open-offers">
      <p>
        <strong>{props.t.jobs.openOffers(props.offers.length)}</strong>
      </p>
      <ul>
        {props.offers.slice(0, 10).map((o) => (
          <li>
            <a href={`/jobs/${o.code}`}>
              {o.position} ({formatOfferCode(o.code)})
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}
