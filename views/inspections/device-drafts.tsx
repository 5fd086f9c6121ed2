import type { PageContext } from '../../src/http/render.js'
import { Layout } from '../layout.js'

/**
 * Where the browser code lists the inspections kept on this device (drafts being written,
 * records waiting for a network, records the registry refused). Hidden until it has some.
 */
export function DeviceDrafts(props: { alwaysShown?: boolean }) {
  return (
    <section
      class="device-drafts"
      data-device-drafts
      data-always={props.alwaysShown ? '' : undefined}
      hidden={!props.alwaysShown}
      aria-labelledby="device-drafts-title"
    >
      <h2 id="device-drafts-title">Inspections kept on this device</h2>
      <div data-device-drafts-list />
    </section>
  )
}

/** The page that lists them; kept on the device, so it opens without a network. */
export function DeviceDraftsPage(props: { ctx: PageContext }) {
  return (
    <Layout ctx={props.ctx} title="Inspections kept on this device">
      <h1>Inspections kept on this device</h1>
      <p>
        Inspections typed on this device stay here until the registry has stored them: drafts being written,
        records submitted without a network (sent as soon as it returns) and records the registry refused,
        with the reason.
      </p>
      <p class="hint">
        Before going where there is no network, open the form of each worksite you will visit from its page:
        the form then opens on this device without a network.{' '}
        <a href="/inspections/new" hx-boost="false">
          The form for a worksite not yet in the register
        </a>{' '}
        is always kept.
      </p>
      <noscript>
        <p class="notice">This list needs JavaScript. Without it, the form works only with a network.</p>
      </noscript>
      <DeviceDrafts alwaysShown />
    </Layout>
  )
}
