import { reactive } from 'vue'
import { attempt } from './problem.js'

/**
 * A list paged and filtered on the server (the services' page/size/total): `load` asks for one page with the
 * current filter; the page numbers shown are 1-based, the services' 0-based.
 */
export function usePagedList(fetchPage, filter = {}) {
  const list = reactive({ items: [], total: 0, page: 1, size: 10, loading: false, loaded: false, filter: reactive(filter) })
  list.load = async (page = list.page) => {
    list.loading = true
    list.page = page
    const answer = await attempt(() => fetchPage({ ...list.filter, page: page - 1, size: list.size }))
    if (answer) {
      list.items = answer.items ?? []
      list.total = answer.total ?? list.items.length
    }
    list.loading = false
    list.loaded = true
  }
  return list
}
