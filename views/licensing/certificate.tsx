import { raw } from 'hono/html'
import { countryName } from '../../src/agencies/countries.js'
import { formatDate } from '../../src/format.js'
import type { PageContext } from '../../src/http/render.js'
import { STANDING_LABELS, type Standing } from '../../src/licensing/lifecycle.js'
import { SECTOR_LABELS, type Sector } from '../../src/vocabulary.js'
import { Layout } from '../layout.js'

export function CertificatePage(props: {
  ctx: PageContext
  agency: {
    id: string
    legal_name: string
    trading_names: string[]
    sectors: Sector[]
    destination_countries: string[]
  }
  licence: { licence_number: string; issued_on: string; expires_on: string }
  verifyUrl: string
  /** SVG markup made by the qrcode library from verifyUrl: no user input inside. */
  qrSvg: string
  /** The licence's standing when it is not in force: the certificate says so across it. */
  notValid: Exclude<Standing, 'licensed'> | null
}) {
  const { agency, licence } = props
  const notValid = props.notValid && `NOT VALID: ${STANDING_LABELS[props.notValid].toLowerCase()}`
  return (
    <Layout ctx={props.ctx} title={`Certificate ${licence.licence_number}`}>
      <p class="actions no-print">
        <a href={`/agencies/${agency.id}`}>Back to {agency.legal_name}</a>
        <span>Use your browser's Print command (Ctrl+P) to print on A4.</span>
      </p>
      {notValid && (
        <p class="notice danger no-print">
          This licence is not in force. The certificate below is marked “{notValid}”; the verify page says the
          same to anyone who scans its code.
        </p>
      )}
      <article class={notValid ? 'certificate not-valid' : 'certificate'} aria-labelledby="certificate-title">
        {notValid && (
          <p class="not-valid-stamp" role="note">
            {notValid}
          </p>
        )}
        <p class="certificate-issuer">Kingdom of Lesotho · Ministry of Labour and Employment</p>
        <h1 id="certificate-title">Licence to operate as a labour recruitment agency</h1>
        <p class="certificate-number">{licence.licence_number}</p>
        <dl class="summary">
          <dt>Agency</dt>
          <dd>{agency.legal_name}</dd>
          {agency.trading_names.length > 0 && (
            <>
              <dt>Trading as</dt>
              <dd>{agency.trading_names.join(', ')}</dd>
            </>
          )}
          <dt>Valid from</dt>
          <dd>{formatDate(licence.issued_on)}</dd>
          <dt>Valid until</dt>
          <dd>{formatDate(licence.expires_on)}</dd>
          <dt>Sectors</dt>
          <dd>{agency.sectors.map((s) => SECTOR_LABELS[s]).join(', ')}</dd>
          <dt>Destination countries</dt>
          <dd>{agency.destination_countries.map(countryName).join(', ')}</dd>
        </dl>
        <p class="certificate-fee">
          <strong>This agency may not charge workers any recruitment fee.</strong> Anyone asked to pay for a
          job should not pay, and should report it to the Ministry of Labour and Employment.
        </p>
        <div class="certificate-qr">
          <div class="qr" role="img" aria-label={`QR code linking to ${props.verifyUrl}`}>
            {raw(props.qrSvg)}
          </div>
          <p>
            Check this licence is genuine and still valid: scan the code or visit
            <br />
            <strong>{props.verifyUrl}</strong>
          </p>
        </div>
      </article>
    </Layout>
  )
}
