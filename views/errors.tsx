import type { ErrorStatus } from '../src/http/problems.js'
import type { PageContext } from '../src/http/render.js'
import { Layout } from './layout.js'

const MESSAGES: Record<ErrorStatus, { title: string; body: string }> = {
  401: {
    title: 'Sign in to continue',
    body: 'You are not signed in, or your session has ended. Nothing was saved. Sign in, then try again.',
  },
  403: {
    title: 'You do not have access to this page',
    body: 'Your account is not allowed to do this. If you need it for your work, ask a system administrator.',
  },
  404: {
    title: 'Page not found',
    body: 'If you typed the address, check it is correct. If you followed a link, the page may have been moved.',
  },
  409: {
    title: 'Someone else changed this first',
    body: 'Nothing you submitted was saved. Reload the page to see the latest version, then make your change again.',
  },
  422: {
    title: 'Check what you asked for',
    // The reason (the detail) is shown first, just above.
    body: 'Nothing was saved. Go back, correct it, then try again.',
  },
  413: {
    title: 'What you sent is too large',
    body: 'Nothing was saved. Go back, shorten what you typed, then send it again.',
  },
  429: {
    title: 'Too many attempts',
    body: 'Nothing was saved. Wait a few minutes, then try again.',
  },
  500: {
    title: 'Sorry, something went wrong',
    body: 'Nothing was saved. Try again in a few minutes. If it keeps happening, tell a system administrator.',
  },
  503: {
    title: 'Sorry, the service is unavailable',
    body: 'The registry cannot reach its database at the moment. Nothing was saved. Try again in a few minutes.',
  },
}

export function ErrorMessage(props: { status: ErrorStatus; detail?: string; requestId?: string }) {
  const message = MESSAGES[props.status]
  return (
    <section aria-labelledby="error-title" role={props.status >= 500 ? 'alert' : undefined}>
      <h1 id="error-title">{message.title}</h1>
      {props.detail && <p>{props.detail}</p>}
      <p>{message.body}</p>
      {props.requestId && <p class="muted">Reference for support: {props.requestId}</p>}
    </section>
  )
}

export function ErrorPage(props: {
  ctx: PageContext
  status: ErrorStatus
  detail?: string
  requestId?: string
}) {
  return (
    <Layout ctx={props.ctx} title={MESSAGES[props.status].title}>
      <ErrorMessage status={props.status} detail={props.detail} requestId={props.requestId} />
      <p>
        {props.status === 401 ? (
          <a href="/login">Sign in</a>
        ) : (
          <a href={props.ctx.user ? '/staff' : '/'}>Go to the home page</a>
        )}
      </p>
    </Layout>
  )
}
