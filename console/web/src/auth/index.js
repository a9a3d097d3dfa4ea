import { reactive, ref } from 'vue'
import { devSignIn } from './devSignIn.js'
import { oidc } from './oidc.js'

// The signed-in person: a bearer token and who it names. Kept in sessionStorage, so that it ends with the browser
// tab and a shared office computer does not keep anyone signed in.
const KEY = 'threelists.session'

export const session = reactive(JSON.parse(sessionStorage.getItem(KEY) ?? 'null') ?? { token: null, identity: null })

/** Why the last sign-in was refused (shown on the sign-in page), or null. */
export const signInProblem = ref(null)

/** {@code providerSignOut}: where the identity provider ends its own session (OpenID Connect), if it says. */
export function signedIn(token, identity, providerSignOut = null) {
  session.token = token
  session.identity = identity
  session.providerSignOut = providerSignOut
  signInProblem.value = null
  sessionStorage.setItem(KEY, JSON.stringify({ token, identity, providerSignOut }))
}

/**
 * Forgets the token and everything the console kept in this tab for the person (the hour statements a desk issued,
 * with their verification codes): the next person to sign in at a shared office computer finds none of it. A
 * provider's session is ended there too, which brings the browser back to the sign-in page.
 */
export function signOut() {
  const provider = session.providerSignOut
  session.token = null
  session.identity = null
  session.providerSignOut = null
  Object.keys(sessionStorage).filter((key) => key.startsWith('threelists.')).forEach((key) => sessionStorage.removeItem(key))
  if (provider) window.location.assign(oidc.endSessionUrl(provider))
}

/**
 * The ways to sign in, by the name the console announces at /console/sign-in-methods: `oidc` (a deployment's
 * identity provider, authorisation-code flow with PKCE) and `dev` (the local run: pick a demo identity). Both end
 * in signedIn(token, identity).
 */
export const strategies = { dev: devSignIn, oidc }

let options = null

/** The console's answer: {methods: ['oidc', 'dev'], oidc: {issuer, clientId, scopes}}; asked once per page load. */
export function signInOptions() {
  options ??= fetch('/console/sign-in-methods').then((answer) => answer.json()).catch((e) => {
    options = null
    throw e
  })
  return options
}

/**
 * The sign-in page's data asked for at once, while the page's own code still loads (rather than one request after
 * another once it has): the methods and, in the local run, the first street's identities.
 */
export function prefetchSignIn() {
  signInOptions().then((o) => o.methods.includes('dev') && devSignIn.prefetch()).catch(() => {})
}

/**
 * On the page load that brings the browser back from the provider: finishes the code flow and returns the signed-in
 * identity, or null (and signInProblem says why) when it was refused; undefined when this load is no such return.
 */
export async function finishProviderSignIn() {
  if (!oidc.isReturning()) return undefined
  try {
    const { token, identity, signOut: providerSignOut } = await oidc.complete()
    signedIn(token, identity, providerSignOut)
    return identity
  } catch (e) {
    signOut()
    signInProblem.value = e.message
    return null
  }
}
