import { ElMessage } from 'element-plus'

// The services' problem types are stable (README "Errors"); their titles and details are written in English, so a
// refusal shows the type's Chinese name first, then the service's own title and detail unchanged.
const chineseTitles = {
  'invalid-input': '填写的内容不符合要求',
  'malformed-body': '请求内容无法读取',
  unauthenticated: '登录已失效，请重新登录',
  forbidden: '无权进行此操作',
  'not-found': '找不到该记录',
  'illegal-transition': '当前状态不允许此操作',
  conflict: '记录已被他人修改，请刷新后重试',
  'personal-data-erased': '居民个人信息已删除',
  'already-exists': '记录已存在',
  'capacity-exhausted': '服务能力不足',
  'claim-pending': '认领确认中，请稍候',
  'upstream-unavailable': '服务暂时不可用',
  'internal-error': '系统内部错误',
}

export function chineseTitle(problem) {
  const slug = (problem?.type ?? '').split('/').pop()
  return chineseTitles[slug]
}

/** Shows why an action was refused: the problem document's title and detail, as the service wrote them. */
export function showProblem(error) {
  const problem = error?.problem ?? { title: '操作失败', detail: String(error?.message ?? error) }
  const zh = chineseTitle(problem)
  const said = `${problem.title ?? '操作失败'}：${problem.detail ?? ''}`
  ElMessage({
    type: 'error',
    customClass: 'problem-message',
    message: zh && zh !== problem.title ? `${zh}（${said}）` : said,
    duration: 8000,
    showClose: true,
  })
}

export function showDone(message) {
  ElMessage({ type: 'success', customClass: 'done-message', message, duration: 3000 })
}

/** Runs an action; a refusal shows its problem and the action returns undefined. */
export async function attempt(action) {
  try {
    return await action()
  } catch (e) {
    showProblem(e)
    return undefined
  }
}
