import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { chineseTitle, describeProblem } from './problemTitles.js'

export { chineseTitle }

/** Shows why an action was refused: the problem document's title and detail, as the service wrote them. */
export function showProblem(error) {
  const problem = error?.problem ?? { title: '操作失败', detail: String(error?.message ?? error) }
  ElMessage({
    type: 'error',
    customClass: 'problem-message',
    message: describeProblem(problem),
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
