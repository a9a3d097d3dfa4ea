import { session, signOut } from '../auth/index.js'

/** A refusal as the services describe it: an RFC 9457 problem document (title, detail, status, type). */
export class ProblemError extends Error {
  constructor(problem) {
    super(`${problem.title ?? '请求被拒绝'}：${problem.detail ?? ''}`)
    this.problem = problem
  }
}

/**
 * Sends a request to a service through the console. {@code headers} are sent besides the console's own (e.g. an
 * Idempotency-Key); with {@code withHeaders} the answer is { body, headers } rather than the body alone.
 */
export async function request(path, { method = 'GET', body, anonymous = false, headers: extra = {}, withHeaders = false } = {}) {
  // the services answer a refusal's title and detail in Chinese when asked (docs/architecture.md, "Problems in Chinese")
  const headers = { Accept: 'application/json, application/problem+json', 'Accept-Language': 'zh-CN', ...extra }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (!anonymous && session.token) headers.Authorization = `Bearer ${session.token}`
  let answer
  try {
    answer = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  } catch (e) {
    // no answer at all: whether the service acted is unknown (unanswered tells a retry key's form so)
    const lost = new ProblemError({ title: '网络错误', detail: '无法连接控制台，请检查网络后重试' })
    lost.unanswered = true
    throw lost
  }
  const text = await answer.text()
  const json = parsed(text)
  if (answer.status === 401 && !anonymous) {
    // the token expired (one working day) or was refused: sign in again
    signOut()
    window.location.hash = '#/sign-in'
  }
  if (!answer.ok) {
    throw new ProblemError(json ?? { title: `请求失败（${answer.status}）`, status: answer.status })
  }
  return withHeaders ? { body: json, headers: answer.headers } : json
}

/** The answer's JSON; null for none, and for a body that is not JSON (a gateway's HTML page, say). */
function parsed(text) {
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** The four services, as the console routes them (/api/<service>/…). */
export const api = {
  demands: (path, options) => request(`/api/demand-list${path}`, options),
  resources: (path, options) => request(`/api/resource-list${path}`, options),
  projects: (path, options) => request(`/api/matchmaker${path}`, options),
  ledger: (path, options) => request(`/api/ledger${path}`, options),
}

export function query(params) {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')
  return entries.length ? '?' + new URLSearchParams(entries).toString() : ''
}
