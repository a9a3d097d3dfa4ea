import { reactive } from 'vue'
import { useLatest } from './latest.js'
import { attempt } from './problem.js'

/**
 * A list paged and filtered on the server (the services' page/size/total): `load` asks for one page with the
 * current filter; the page numbers shown are 1-based, the services' 0-based. `answer` is the latest page's whole
 * answer, for what a page carries besides its rows. `load` answers false when a later load overtook it, so that what a
 * caller reads next for the page's rows is read for the rows shown.
 */
export function usePagedList(fetchPage, filter = {}) {
  const list = reactive({ items: [], total: 0, page: 1, size: 10, loading: false, loaded: false, answer: null,
    filter: reactive(filter) })
  // Only the answer to the latest load may fill the list: a filter chosen while the first page is still on its way
  // asks again, and the earlier answer, arriving last, must not put the unfiltered rows under the chosen filter.
  const latest = useLatest()
  list.load = async (page = list.page) => {
    list.loading = true
    list.page = page
    const { answer, current } = await latest(() => attempt(() => fetchPage({ ...list.filter, page: page - 1, size: list.size })))
    if (!current) {
      return false
    }
    if (answer) {
      list.items = answer.items ?? []
      list.total = answer.total ?? list.items.length
      list.answer = answer
    }
    list.loading = false
    list.loaded = true
    return true
  }
  return list
}
