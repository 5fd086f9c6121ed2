import { raw } from 'hono/html'
import { countryName } from '../../src/agencies/countries.js'
import { formatDate } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import { messagesFor } from '../../src/i18n/messages.js'
import type { OfferStanding } from '../../src/job-offers/lifecycle.js'
import type { OfferDetails } from '../../src/job-offers/queries.js'
import { formatMoney } from '../../src/money.js'
import { Layout } from '../layout.js'

const en = messagesFor('en').jobs
const st = messagesFor('st').jobs

/**
 * The advert slip an agency prints or pictures with its advert: the offer's essentials, its code
 * and a QR code that opens the public page, in English and Sesotho, as the public pages say it.
 */
export function AdvertSlipPage(props: {
  ctx: PageContext
  details: OfferDetails
  url: string
  /** "4821-5533". */
  code: string
  /** SVG markup made by the qrcode library from `url`: no user input inside. */
  qrSvg: string
  /** The USSD code people dial, if configured. */
  ussdCode?: string | undefined
  /** An offer not valid today (closed, or its agency's licence not in force): stamped so. */
  notValid: OfferStanding | null
}) {
  const { offer } = props.details
  const stamp =
    props.notValid && `NOT VALID: ${props.notValid === 'closed' ? 'closed' : 'licence not in force'}`
  return (
    <Layout ctx={props.ctx} title={`Advert slip ${props.code}`}>
      <p class="actions no-print">
        <a href={`/job-offers/${offer.id}`}>Back to the job offer</a>
        <span>Use your browser's Print command (Ctrl+P) to print on A4.</span>
      </p>
      {stamp && (
        <p class="notice danger no-print">
          This offer is not valid now. The slip below is marked “{stamp}”; its page says the same to anyone
          who checks the code.
        </p>
      )}
      <article
        class={stamp ? 'certificate advert-slip not-valid' : 'certificate advert-slip'}
        aria-labelledby="slip-title"
      >
        {stamp && (
          <p class="not-valid-stamp" role="note">
            {stamp}
          </p>
        )}
        <p class="certificate-issuer">Kingdom of Lesotho · Ministry of Labour and Employment</p>
        <h1 id="slip-title">
          {offer.position}, {offer.employer_name}
        </h1>
        <p class="certificate-number">
          {en.codeLabel} / {st.codeLabel}: <strong class="offer-code">{props.code}</strong>
        </p>
        <dl class="summary">
          <dt>
            {en.place} / <span lang="st">{st.place}</span>
          </dt>
          <dd>
            {offer.employer_place}, {countryName(offer.employer_country)}
          </dd>
          <dt>
            {en.wage} / <span lang="st">{st.wage}</span>
          </dt>
          <dd>{en.perMonth(formatMoney(offer.wage_minor, offer.wage_currency) ?? '')}</dd>
          <dt>
            {en.contract} / <span lang="st">{st.contract}</span>
          </dt>
          <dd>{en.contractText(offer.contract_months, offer.hours_per_week)}</dd>
          <dt>
            {en.recruiter} / <span lang="st">{st.recruiter}</span>
          </dt>
          <dd>
            {offer.agency_name}
            {offer.licence_number && ` (${offer.licence_number})`}
          </dd>
          <dt>
            {en.closes} / <span lang="st">{st.closes}</span>
          </dt>
          <dd>{formatDate(offer.open_until)}</dd>
        </dl>
        <p class="certificate-fee">
          <strong>{en.noFeeBig}</strong>
          <br />
          <strong lang="st">{st.noFeeBig}</strong>
        </p>
        <div class="certificate-qr">
          <div class="qr" role="img" aria-label={`QR code linking to ${props.url}`}>
            {raw(props.qrSvg)}
          </div>
          <p>
            {en.slipCheck} <strong class="slip-url">{props.url}</strong>
            {props.ussdCode && ` ${en.slipDial(props.ussdCode)}`}
            <br />
            <span lang="st">
              {st.slipCheck} <strong class="slip-url">{props.url}</strong>
              {props.ussdCode && ` ${st.slipDial(props.ussdCode)}`}
            </span>
          </p>
        </div>
      </article>
    </Layout>
  )
}
