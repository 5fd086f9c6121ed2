import { formatPublicDate, formatPublicDateTime } from '../../src/i18n/language.js'
import type { PublicAgency } from '../../src/public/queries.js'
import { LicenceNumber } from '../components/licence-number.js'
import { STANDING_LOOK } from '../components/standing.js'
import { OpenOffers } from './job.js'
import { reportHref } from './lookup.js'
import { NoFeeNotice } from './no-fee.js'
import { type PublicContext, PublicLayout } from './public-layout.js'
import { PublicWarnings, statusWords } from './public-status.js'

/** The page a certificate's QR code opens: the status first and large, then the details. */
export function VerifyPage(props: { pc: PublicContext; number: string; agency: PublicAgency; now: Date }) {
  const { t } = props.pc
  const { agency } = props
  const look = STANDING_LOOK[agency.standing]
  const words = statusWords(agency, t)
  const notInForce = (['suspended', 'revoked', 'surrendered', 'expired'] as const).find(
    (s) => s === agency.standing,
  )
  return (
    <PublicLayout
      pc={props.pc}
      title={`${t.verifyTitle(props.number)}: ${words}`}
      description={`${t.verifyTitle(props.number)}, ${agency.name}: ${words}. ${t.noFeeTitle}`}
    >
      <h1 class={`status-banner ${look.tone}`}>
        <span aria-hidden="true">{look.symbol}</span> {words}
      </h1>
      <PublicWarnings agency={agency} t={t} />
      <p class="lead">{t.advice[agency.standing]}</p>
      <dl class="facts">
        <dt>{t.verifyAgency}</dt>
        <dd>
          <strong>{agency.name}</strong>
          {agency.trading_names.length > 0 && ` (${agency.trading_names.join(', ')})`}
        </dd>
        <dt>{t.licenceNumber}</dt>
        <dd>
          <LicenceNumber number={props.number} />
        </dd>
        {agency.issued_on && (
          <>
            <dt>{t.verifyIssued}</dt>
            <dd>{formatPublicDate(agency.issued_on, t)}</dd>
          </>
        )}
        {agency.standing === 'licensed' && agency.expires_on && (
          <>
            <dt>{t.verifyExpires}</dt>
            <dd>{formatPublicDate(agency.expires_on, t)}</dd>
          </>
        )}
        {notInForce && agency.status_since && (
          <>
            <dt>{t.verifySince[notInForce]}</dt>
            <dd>{formatPublicDate(agency.status_since, t)}</dd>
          </>
        )}
        {agency.standing === 'suspended' && agency.suspended_until && (
          <>
            <dt>{t.verifySuspendedUntil}</dt>
            <dd>{formatPublicDate(agency.suspended_until, t)}</dd>
          </>
        )}
        {agency.public_reason && (
          <>
            <dt>{agency.pending_investigation ? t.publicReasonPendingLabel : t.publicReasonLabel}</dt>
            <dd>{t.publicReasons[agency.public_reason]}</dd>
          </>
        )}
        {agency.public_conditions.length > 0 && (
          <>
            <dt>{t.conditionsLabel}</dt>
            <dd>
              <ul>
                {agency.public_conditions.map((c) => (
                  <li>{c}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t.district}</dt>
        <dd>{agency.district}</dd>
      </dl>
      <OpenOffers offers={agency.open_offers} t={t} />
      <p class="muted">{t.checkedOn(formatPublicDateTime(props.now, t))}</p>
      <NoFeeNotice t={t} />
      <p>
        <a href="/">{t.backToSearch}</a> · <a href={reportHref(agency)}>{t.complaint.link}</a>
      </p>
    </PublicLayout>
  )
}

/** An unknown number: the certificate may be forged. */
export function VerifyUnknownPage(props: { pc: PublicContext; number: string; now: Date }) {
  const { t } = props.pc
  return (
    <PublicLayout pc={props.pc} title={t.verifyUnknownTitle}>
      <h1 class="status-banner bad">
        <span aria-hidden="true">✕</span> {t.verifyUnknownTitle}
      </h1>
      <p class="lead">
        <strong>{t.verifyUnknownText(props.number)}</strong>
      </p>
      <p class="muted">{t.checkedOn(formatPublicDateTime(props.now, t))}</p>
      <p>
        <a href={`/complaints/new?name=${encodeURIComponent(props.number)}`}>{t.notFoundReport}</a> ·{' '}
        <a href="/">{t.backToSearch}</a>
      </p>
    </PublicLayout>
  )
}
