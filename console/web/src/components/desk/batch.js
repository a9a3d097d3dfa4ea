import { reactive } from 'vue'
import { chineseTitle } from '../../api/problem.js'

/**
 * One action on a selection, item by item: the services decide each item on its own (there is no batch endpoint),
 * so one refusal stops nothing and the desk sees, per item, what was done and why an item was refused.
 */
export function useBatch() {
  const batch = reactive({ running: false, open: false, title: '', results: [] })
  batch.run = async (title, items, describe, action) => {
    Object.assign(batch, { running: true, open: true, title, results: [] })
    for (const item of items) {
      const result = reactive({ key: describe(item), ok: null, message: '处理中…' })
      batch.results.push(result)
      try {
        await action(item)
        Object.assign(result, { ok: true, message: '成功' })
      } catch (e) {
        Object.assign(result, { ok: false, message: refusal(e) })
      }
    }
    batch.running = false
    return batch.results.filter((r) => r.ok).length
  }
  return batch
}

/** A refusal as the screens show it everywhere: the type's Chinese name, then the service's title and detail. */
export function refusal(error) {
  const problem = error?.problem ?? { title: '操作失败', detail: String(error?.message ?? error) }
  const zh = chineseTitle(problem)
  const said = `${problem.title ?? '操作失败'}：${problem.detail ?? ''}`
  return zh && zh !== problem.title ? `${zh}（${said}）` : said
}
