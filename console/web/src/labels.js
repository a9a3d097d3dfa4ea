import { reactive } from 'vue'

// Chinese for every code the services send. Categories and streets come from the shared reference data
// (contracts/reference) through the console; statuses follow docs/architecture.md's life cycles.

export const reference = reactive({ categories: [], streets: [] })

export async function loadReference() {
  try {
    const answer = await fetch('/console/reference')
    Object.assign(reference, await answer.json())
  } catch (e) {
    // the pages still work with codes instead of labels; the next load tries again
  }
}

export function categoryLabel(code) {
  return reference.categories.find((c) => c.code === code)?.zh ?? code
}

export function communityName(code) {
  for (const street of reference.streets) {
    const community = street.communities.find((c) => c.code === code)
    if (community) return community.name
  }
  return code
}

export function communitiesOf(street) {
  return reference.streets.find((s) => s.code === street)?.communities ?? []
}

export const demandStatuses = {
  SUBMITTED: '待核实',
  LISTED: '已入清单',
  IN_PARTY_GROUP: '党小组办理中',
  MATCHED: '已匹配',
  IN_PROGRESS: '服务中',
  FULFILLED: '已完成',
  RATED: '已评价',
  WITHDRAWN: '已撤回',
  REJECTED: '已驳回',
  MERGED: '已合并',
}

/**
 * Whether a demand may be withdrawn (撤回), as demand-list decides (services/demand-list/README.md): submitted,
 * listed or matched, or held by a Party group while no slip is open (a slip is recalled first).
 */
export function withdrawable(demand) {
  return ['SUBMITTED', 'LISTED', 'MATCHED'].includes(demand.status)
    || (demand.status === 'IN_PARTY_GROUP' && !demand.openSlipId)
}

export const projectStatuses = {
  PROPOSED: '待联席会审议',
  PUBLISHED: '已发布待认领',
  CLAIM_PENDING: '认领确认中',
  CLAIMED: '已认领',
  SCHEDULED: '已排期',
  DELIVERED: '已交付',
  COMPLETED: '已完成',
  RATED: '已评价',
  CANCELLED: '已取消',
}

export const claimStatuses = { PENDING: '确认中', CONFIRMED: '已确认', REVERTED: '未成功', REFUSED: '未成功', RELEASED: '已退回', CONSUMED: '已使用' }

export const capacityUnits = { VOLUNTEER_HOURS: '志愿服务小时', SERVICE_HOURS: '服务小时', VENUE_HOURS: '场地小时', YUAN: '元', ITEMS: '件' }

/** A project's need, e.g. 2 志愿服务小时. */
export function needLabel(need) {
  return need ? `${need.amount} ${capacityUnits[need.unit] ?? need.unit ?? ''}` : ''
}

export const urgencies = { LOW: '一般', NORMAL: '普通', HIGH: '紧急', CRITICAL: '特急' }

export const scoreTerms = {
  urgency: '紧急程度',
  skillFit: '技能匹配',
  proximity: '就近程度',
  rating: '以往评价',
  fairness: '任务均衡',
}

export function label(map, code) {
  return map[code] ?? code
}

export function statusTagType(code) {
  return {
    SUBMITTED: 'warning', LISTED: 'primary', IN_PARTY_GROUP: 'primary', MATCHED: 'success', IN_PROGRESS: 'success',
    FULFILLED: 'info',
    RATED: 'info', WITHDRAWN: 'info', REJECTED: 'danger', MERGED: 'info', PROPOSED: 'warning', PUBLISHED: 'primary',
    CLAIM_PENDING: 'warning', CLAIMED: 'success', SCHEDULED: 'success', DELIVERED: 'success', COMPLETED: 'info',
    CANCELLED: 'danger',
  }[code] ?? 'info'
}

/** 2026年12月4日: dates as Chinese offices write them, in China's time zone. */
export function formatDate(value) {
  if (!value) return ''
  const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(value + 'T00:00:00+08:00') : new Date(value)
  const parts = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(date)
  const part = (type) => parts.find((p) => p.type === type)?.value
  return `${part('year')}年${part('month')}月${part('day')}日`
}

/** Today in China as yyyy-mm-dd, the form the services read. */
export function today() {
  return dayOf(new Date())
}

/** The calendar day (YYYY-MM-DD) of an instant in Beijing time. */
export function dayOf(instant) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(instant))
}

export const resourceTypes = { VOLUNTEER_SERVICE: '志愿服务', VENUE: '阵地场地', FUNDS: '资金', MATERIALS: '物资', PROFESSIONAL_SERVICE: '专业服务' }

// OUTDATED: the desk corrected hours the statement certifies after it was issued; it is to be issued anew
// (services/ledger/README.md, "Hour statements")
export const statementStatuses = { VALID: '有效', OUTDATED: '已更正，需重新开具', REVOKED: '已撤销', ALTERED: '记录被篡改' }

export function statementTagType(status) {
  return { VALID: 'success', OUTDATED: 'warning', REVOKED: 'info', ALTERED: 'danger' }[status] ?? 'info'
}

export const correctionReasons = { DELIVERED_AFTER_SUMMARY: '汇总报送后新增的服务', CONFIRMED_AFTER_SUMMARY: '汇总报送后才确认完成', CORRECTED_AFTER_SUMMARY: '汇总报送后更正的工时' }

/** 2026年12月: a month (yyyy-mm) as offices write it. */
export function formatMonth(value) {
  const m = /^(\d{4})-(\d{2})$/.exec(value ?? '')
  return m ? `${m[1]}年${Number(m[2])}月` : (value ?? '')
}

/** Hours as the ledger keeps them: up to two decimals, no trailing zeros. */
export function formatHours(value) {
  return value === undefined || value === null ? '' : String(Number(Number(value).toFixed(2)))
}

export const resourceStatuses = { ACTIVE: '有效', WITHDRAWN: '已撤回' }

export const membershipStatuses = { ACTIVE: '在册', LEFT: '已退出' }

/** The member units' kinds (contracts/reference/unit-kinds.json). */
export const unitKinds = {
  GOVERNMENT_BODY: '机关', PUBLIC_INSTITUTION: '事业单位', ENTERPRISE: '企业', SOCIAL_ORGANISATION: '社会组织', SCHOOL: '学校',
  HOSPITAL: '医院', RESEARCH_INSTITUTE: '科研院所', OTHER: '其他',
}

// The second lane (services/demand-list/README.md, "The slip"): a slip's states, how the member served, how far an
// overdue slip was escalated, who the member is, and the lane a demand is in.
export const slipStatuses = { DISPATCHED: '已派单', ACCEPTED: '已接单', DECLINED: '已退单', REPORTED: '已反馈', CLOSED: '已办结', RECALLED: '已撤回' }

export const slipStatusTagTypes = { DISPATCHED: 'warning', ACCEPTED: 'primary', DECLINED: 'info', REPORTED: 'success', CLOSED: 'info', RECALLED: 'info' }

export const serviceModes = { ONLINE: '线上', ON_SITE: '上门' }

export const escalationLevels = { GROUP_LEADER: '已督办至党小组组长', COMMUNITY: '已督办至社区' }

export const memberKinds = { VOLUNTEER: '双报到党员', RESIDENT: '居住地党员' }

/** The lane a demand is in: a building Party group holds it, or the joint meeting plans it; none before it is listed. */
export function laneOf(demand) {
  if (demand.partyGroupId) return '党小组'
  return ['SUBMITTED', 'REJECTED', 'WITHDRAWN', 'MERGED'].includes(demand.status) ? '' : '联席会'
}

/** 2026年12月5日 14:30: a moment as offices write it, in China's time zone. */
export function formatDateTime(value) {
  if (!value) return ''
  const time = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(value))
  return `${formatDate(value)} ${time}`
}
