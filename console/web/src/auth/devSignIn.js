import { request } from '../api/http.js'

/** The street whose identities the sign-in page shows first. */
export const DEFAULT_STREET = 'dianqian'

let early = null

/** The local run's sign-in: the console mints a dev token for a demo identity of the street. */
export const devSignIn = {
  /** Starts asking for the first street's identities while the page still loads (its first use takes the answer). */
  prefetch(street = DEFAULT_STREET) {
    early ??= { street, answer: this.fetchIdentities(street) }
  },
  identities(street) {
    if (early?.street === street) {
      const { answer } = early
      early = null
      return answer
    }
    return this.fetchIdentities(street)
  },
  fetchIdentities(street) {
    return request(`/console/dev-sign-in/identities?street=${encodeURIComponent(street)}`, { anonymous: true })
  },
  async signIn(identityId) {
    return request('/console/dev-sign-in/tokens', { method: 'POST', body: { identity: identityId }, anonymous: true })
  },
}
