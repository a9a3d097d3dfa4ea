import { reactive } from 'vue'
import { devSignIn } from './devSignIn.js'

// The signed-in person: a bearer token and who it names. Kept in sessionStorage, so that it ends with the browser
// tab and a shared office computer does not keep anyone signed in.
const KEY = 'threelists.session'

export const session = reactive(JSON.parse(sessionStorage.getItem(KEY) ?? 'null') ?? { token: null, identity: null })

export function signedIn(token, identity) {
  session.token = token
  session.identity = identity
  sessionStorage.setItem(KEY, JSON.stringify({ token, identity }))
}

export function signOut() {
  session.token = null
  session.identity = null
  sessionStorage.removeItem(KEY)
}

/**
 * The ways to sign in, by the name the console announces at /console/sign-in-methods. The local run offers `dev`
 * (pick a demo identity); a deployment's OpenID Connect authorisation-code flow with PKCE is the next strategy
 * here, ending in the same signedIn(token, identity).
 */
export const strategies = { dev: devSignIn }

export async function signInMethods() {
  const answer = await fetch('/console/sign-in-methods')
  return (await answer.json()).methods
}
