import { reactive } from 'vue'
import { api, query } from '../../api/http.js'
import { useLatest } from '../../api/latest.js'
import { everyPage } from '../../api/paging.js'
import { showProblem } from '../../api/problem.js'
import { session } from '../../auth/index.js'

// The second lane over demand-list's REST (services/demand-list/README.md, "The second lane", "The slip"): every call
// is the signed-in person's own; demand-list decides who may do what, the screens only choose what to offer.

export const slipApi = {
  list: (params) => api.demands('/slips' + query(params)),
  dispatch: (demandId, memberId, problem) => api.demands('/slips', { method: 'POST', body: { demandId, memberId, problem } }),
  accept: (slipId) => api.demands(`/slips/${slipId}/accept`, { method: 'POST' }),
  decline: (slipId, reason) => api.demands(`/slips/${slipId}/decline`, { method: 'POST', body: { reason } }),
  // 撤回派单: the leader, or the community or desk once escalated to them (README "The slip")
  recall: (slipId, reason) => api.demands(`/slips/${slipId}/recall`, { method: 'POST', body: { reason } }),
  report: (slipId, report) => api.demands(`/slips/${slipId}/report`, { method: 'POST', body: report }),
  recordSatisfaction: (slipId, score) => api.demands(`/slips/${slipId}/satisfaction`, { method: 'POST', body: { score } }),
  // 签到码 / 签退码: the leader's signed, short-lived code; the member sends its text back (README "Check-in and check-out")
  checkInCode: (slipId, purpose) => api.demands(`/slips/${slipId}/check-in-code`, { method: 'POST', body: { purpose } }),
  checkIn: (slipId, code) => api.demands(`/slips/${slipId}/check-in`, { method: 'POST', body: { code } }),
  checkOut: (slipId, code) => api.demands(`/slips/${slipId}/check-out`, { method: 'POST', body: { code } }),
  confirmHours: (slipId, hours, reason) =>
    api.demands(`/slips/${slipId}/hours-confirmation`, { method: 'POST', body: { hours, reason } }),
}

/** Routes a listed demand to a building Party group, or sends a group's demand back to the joint meeting (联席会). */
export const routeToGroup = (demandId, groupId) =>
  api.demands(`/demands/${demandId}/route`, { method: 'POST', body: { lane: 'PARTY_GROUP', groupId } })
export const sendBackToJointMeeting = (demandId, reason) =>
  api.demands(`/demands/${demandId}/route`, { method: 'POST', body: { lane: 'JOINT_MEETING', reason } })

/** The signed-in member's id: demand-list knows a member by the token's subject. */
export const memberId = () => session.identity?.member

/**
 * Every slip demand-list lists to the caller, newest first (api/paging.js): a member's page and a leader's board show
 * all of them, the older ones past the first page too. Answers `{ items, complete }`.
 */
const everySlip = () => everyPage((paging) => slipApi.list(paging), { key: (slip) => slip.slipId })

/**
 * Whether the signed-in member leads a building Party group now, and which. demand-list lists to a member exactly
 * the demands held by the groups they lead and, besides their own slips, only the slips of those groups; so the
 * groups seen there are theirs. A leader whose group holds nothing yet and has no slip has no board to show. Both
 * lists are read whole (every page): an open slip older than the newest hundred is still on the board and still
 * counts among its member's open slips. `complete` is false when either read stopped at its bound.
 */
export const leadership = reactive({ checked: false, groupIds: [], demands: [], slips: [], complete: true })

/** Forgets what was read for the person signed in before. */
export function forgetLeadership() {
  Object.assign(leadership, { checked: false, groupIds: [], demands: [], slips: [], complete: true })
}

// The shell, 我的三联单 and the board each ask; a read of many pages takes a while, and only the latest may fill the
// board: an earlier one finishing last would bring back a slip as it was before the leader's step.
const latestLeadership = useLatest()

/**
 * Reads which groups the signed-in member leads, with their demands and slips. A failed read keeps what was read last
 * and is shown, unless {@code quiet} (a caller that reports the same outage through its own request).
 */
export async function checkLeadership({ quiet = false } = {}) {
  const me = memberId()
  const { answer: read, current } = await latestLeadership(() => Promise.all([
    everyPage((paging) => api.demands('/demands' + query(paging)), { key: (demand) => demand.demandId }),
    everySlip(),
  ]).catch((e) => ({ failed: e })))
  if (!current) return leadership
  if (read.failed) {
    // not knowing is no answer: the last board read stays (and 党小组派单 in the menu with it), the person is told why,
    // and the next look asks again; a failure is never taken for "you lead no group"
    if (memberId() === me && !quiet) showProblem(read.failed)
    return leadership
  }
  // an answer for someone who has signed out since is not this person's
  if (memberId() !== me) return leadership
  const [demands, slips] = read
  const groups = new Set(demands.items.map((d) => d.partyGroupId).filter(Boolean))
  for (const slip of slips.items) if (slip.memberId !== me) groups.add(slip.groupId)
  Object.assign(leadership, { checked: true, groupIds: [...groups], demands: demands.items, slips: slips.items,
    complete: demands.complete && slips.complete })
  return leadership
}

/**
 * A group and its roster (masked names, skills) if resource-list lets the caller read it, else null. resource-list
 * opens a group to its community, the street's desk and auditors, and to the group's own leader (组长) — not to its
 * other members (services/resource-list/README.md, "Party groups"): a refusal falls back to typing a member id.
 */
export async function groupOf(groupId) {
  try {
    return (await api.resources(`/party-groups/${groupId}`)) ?? null
  } catch (e) {
    return null
  }
}

/** The group's roster (its members), or null when resource-list does not show it to the caller. */
export async function rosterOf(groupId) {
  return (await groupOf(groupId))?.members ?? null
}

/** Open slips (dispatched or accepted) by member, among the slips given: what each member has on hand now. */
export function openSlipsByMember(slips) {
  const counts = {}
  for (const s of slips) if (['DISPATCHED', 'ACCEPTED'].includes(s.status)) counts[s.memberId] = (counts[s.memberId] ?? 0) + 1
  return counts
}

/** A reported slip with no checked time and no confirmed hours: only the leader's 确认工时 lets it count and close. */
export function hoursNeedConfirmation(slip) {
  return slip.status === 'REPORTED' && slip.checkedHours == null && !slip.hoursSource
}

/**
 * Whether the rule lets the caller take the slip back (撤回派单, services/demand-list/README.md, "The slip"), as
 * by: 'GROUP_LEADER' (the group's leader) — a dispatched slip at any time, an accepted one once overdue
 * (escalated), never while its member is checked in; 'COMMUNITY' (the community worker or the desk) — once it was
 * escalated to the community, a check-in nobody ended included (its time is not credited). Never one reported or
 * ended. demand-list decides again at the call.
 */
export function recallable(slip, by) {
  if (!slip || !['DISPATCHED', 'ACCEPTED'].includes(slip.status)) return false
  if (by === 'COMMUNITY') return slip.escalationLevel === 'COMMUNITY'
  if (slip.checkedIn) return false
  return slip.status === 'DISPATCHED' || slip.escalationLevel != null
}

/** What a slip's member is answering by now: accept by (dispatched), resolve by (accepted); nothing otherwise. */
export function runningDeadline(slip) {
  if (slip.status === 'DISPATCHED') return { label: '接单截止', due: slip.acceptBy }
  if (slip.status === 'ACCEPTED') return { label: '办结截止', due: slip.resolveBy }
  return null
}
