import { identityOf } from './claims.js'

// A deployment's sign-in: OpenID Connect authorisation-code flow with PKCE (RFC 7636, S256) as a public client, against
// the provider the console announces at /console/sign-in-methods (Keycloak, the province's identity platform).
// What the browser keeps between leaving for the provider and coming back (the verifier, state and nonce) lives in
// sessionStorage of this tab only, and is used once.
const PENDING = 'threelists.oidc.pending'

export class SignInRefused extends Error {}

async function discover(issuer) {
  const answer = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`)
  if (!answer.ok) throw new SignInRefused(`统一身份认证服务不可用（${answer.status}）`)
  const provider = await answer.json()
  // OpenID Connect Discovery §4.3: the document must name the issuer we asked, or it is not that provider's
  if (provider.issuer !== issuer) throw new SignInRefused(`统一身份认证服务的签发方 ${provider.issuer} 与配置的 ${issuer} 不符`)
  return provider
}

function randomText(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)))
}

function base64url(bytes) {
  let text = ''
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b)
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function claimsOf(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')
  const json = decodeURIComponent(Array.from(atob(payload), (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''))
  return JSON.parse(json)
}

/** Where the provider sends the browser back: the console's own page, which finishes the flow before routing. */
function redirectUri() {
  return `${window.location.origin}/`
}

export const oidc = {
  /** Leaves for the provider's sign-in page. */
  async begin({ issuer, clientId, scopes }) {
    const provider = await discover(issuer)
    const verifier = randomText(48)
    const pending = {
      verifier, state: randomText(24), nonce: randomText(24), issuer, clientId,
      tokenEndpoint: provider.token_endpoint, endSessionEndpoint: provider.end_session_endpoint ?? null,
    }
    sessionStorage.setItem(PENDING, JSON.stringify(pending))
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)))
    const url = new URL(provider.authorization_endpoint)
    for (const [name, value] of Object.entries({
      response_type: 'code', client_id: clientId, redirect_uri: redirectUri(), scope: scopes,
      state: pending.state, nonce: pending.nonce, code_challenge: challenge, code_challenge_method: 'S256',
    })) url.searchParams.set(name, value)
    window.location.assign(url.toString())
  },

  /** Whether this page load is the provider sending the browser back (code or error, with a state). */
  isReturning() {
    const params = new URLSearchParams(window.location.search)
    return params.has('state') && (params.has('code') || params.has('error'))
  },

  /**
   * Finishes the flow on the way back: the state must be the one this tab sent (else a forged or replayed answer),
   * the code is exchanged with the verifier, the ID token must name the provider, this client and the nonce.
   * Returns what signedIn() keeps; throws SignInRefused with the reason in Chinese.
   */
  async complete() {
    const params = new URLSearchParams(window.location.search)
    const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null')
    sessionStorage.removeItem(PENDING)
    if (!pending || params.get('state') !== pending.state) {
      throw new SignInRefused('登录回调的 state 与本页发出的不符，已拒绝（回调可能被篡改或重放）。请重新登录。')
    }
    if (params.has('error')) {
      throw new SignInRefused(`统一身份认证未通过：${params.get('error_description') ?? params.get('error')}`)
    }
    const answer = await fetch(pending.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
        client_id: pending.clientId, code_verifier: pending.verifier,
      }),
    })
    const tokens = await answer.json().catch(() => ({}))
    if (!answer.ok || !tokens.access_token || !tokens.id_token) {
      throw new SignInRefused(`令牌交换失败：${tokens.error_description ?? tokens.error ?? answer.status}`)
    }
    // the ID token came straight from the token endpoint over TLS, so its claims are checked, not its signature
    // (OpenID Connect Core §3.1.3.7); the services verify the access token's signature on every call
    const id = claimsOf(tokens.id_token)
    const audiences = [].concat(id.aud)
    if (id.iss !== pending.issuer) throw new SignInRefused(`身份令牌的签发方 ${id.iss} 与配置的不符`)
    if (!audiences.includes(pending.clientId)) throw new SignInRefused('身份令牌不是签发给本控制台的')
    if (id.nonce !== pending.nonce) throw new SignInRefused('身份令牌的 nonce 与本页发出的不符，已拒绝')
    if (id.exp * 1000 < Date.now()) throw new SignInRefused('身份令牌已过期，请重新登录')
    const identity = identityOf(claimsOf(tokens.access_token), id)
    if (!identity) throw new SignInRefused('您的账号没有三张清单的角色（groups 中应有 desk、community、unit、member、auditor 或 operator），请联系管理员')
    return {
      token: tokens.access_token, identity,
      signOut: pending.endSessionEndpoint ? { endpoint: pending.endSessionEndpoint, idToken: tokens.id_token } : null,
    }
  },

  /** The provider's end-session address (RP-initiated logout), back to the console's sign-in page afterwards. */
  endSessionUrl({ endpoint, idToken }) {
    const url = new URL(endpoint)
    url.searchParams.set('id_token_hint', idToken)
    url.searchParams.set('post_logout_redirect_uri', redirectUri())
    return url.toString()
  },
}
