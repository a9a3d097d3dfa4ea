import { request } from '../api/http.js'

/** The street whose identities the sign-in page shows first. */
export const DEFAULT_STREET = 'dianqian'

let early = null

/**
 * The local run's sign-in: the console mints a dev token for a demo identity of the street. A street's identities come
 * in two answers asked at once: its office (desk, community workers, auditor), which the console knows by itself and
 * sends at once, and all of them, which waits for resource-list's units and Party groups (console/README.md, "The
 * first page").
 */
export const devSignIn = {
  /** Starts asking for the first street's identities while the page still loads (its first use takes the answers). */
  prefetch(street = DEFAULT_STREET) {
    early ??= { street, answers: this.fetchIdentities(street) }
  },
  /** {office, all}: two promises of {items}. */
  identities(street) {
    if (early?.street === street) {
      const { answers } = early
      early = null
      return answers
    }
    return this.fetchIdentities(street)
  },
  fetchIdentities(street) {
    const of = (scope) => request(`/console/dev-sign-in/identities?street=${encodeURIComponent(street)}${scope}`,
      { anonymous: true })
    return { office: of('&scope=office'), all: of('') }
  },
  async signIn(identityId) {
    return request('/console/dev-sign-in/tokens', { method: 'POST', body: { identity: identityId }, anonymous: true })
  },
}
