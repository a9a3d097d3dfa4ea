import { request } from '../api/http.js'

/** The local run's sign-in: the console mints a dev token for a demo identity of the street. */
export const devSignIn = {
  identities(street) {
    return request(`/console/dev-sign-in/identities?street=${encodeURIComponent(street)}`, { anonymous: true })
  },
  async signIn(identityId) {
    return request('/console/dev-sign-in/tokens', { method: 'POST', body: { identity: identityId }, anonymous: true })
  },
}
