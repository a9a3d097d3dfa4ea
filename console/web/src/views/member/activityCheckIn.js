// The link a project's check-in QR code carries (services/matchmaker/service/README.md, "Check-in and
// reconciliation"): the console's page where a signed-in volunteer confirms it. The code names its project only inside
// its signed bytes, so the link carries the project and the purpose beside it; the service checks all three.
export const ACTIVITY_CHECK_IN_ROUTE = '/member/activity-check-in'

export function activityCheckInLink(projectId, issued) {
  const params = new URLSearchParams({ project: projectId, purpose: issued.purpose, code: issued.code })
  return `${window.location.origin}${window.location.pathname}#${ACTIVITY_CHECK_IN_ROUTE}?${params}`
}

/** {project, purpose, code} from a pasted link (or its query); null when it is none. */
export function parseActivityCheckInLink(text) {
  const trimmed = (text ?? '').trim()
  const query = trimmed.includes('?') ? trimmed.slice(trimmed.indexOf('?') + 1) : trimmed
  const params = new URLSearchParams(query)
  const found = { project: params.get('project'), purpose: params.get('purpose'), code: params.get('code') }
  return found.project && found.code && ['CHECK_IN', 'CHECK_OUT'].includes(found.purpose) ? found : null
}
