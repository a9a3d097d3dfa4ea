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

/** The services' largest page (libs/platform, RequestParameters.MAX_PAGE_SIZE): a larger size is refused with 400. */
export const PAGE_SIZE = 100
/**
 * How many pages `everyPage` reads at most. A picker or a board needs every row, but a list that has run away (or a
 * total that keeps growing) must not keep the browser reading: past this many rows the caller is told the read is
 * incomplete and says so on the screen (components/common/PartialList.vue).
 */
export const MAX_PAGES = 50
export const MAX_ROWS = PAGE_SIZE * MAX_PAGES

/**
 * Every row of a list the services page (`{ items, page, size, total }`), for a screen that must offer all of them —
 * a picker, a board — rather than one page. `fetchPage({ page, size })` asks for one page (0-based); the pages are
 * read one after another, in the list's order, until a page comes back short or the rows reach the total the latest
 * answer gives (so a list that grows while it is read is read to its end), and at most MAX_PAGES of them. A failed
 * page fails the whole read: a picker missing some rows would look complete. With `key`, a row seen on an earlier
 * page is not taken twice (a row added meanwhile at the head of a newest-first list pushes the others one place
 * on). Answers `{ items, complete }`: complete is false when MAX_PAGES were read and more rows remain.
 */
export async function everyPage(fetchPage, { key } = {}) {
  const items = []
  const seen = new Set()
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await fetchPage({ page, size: PAGE_SIZE })
    const rows = answer?.items ?? []
    for (const row of rows) {
      if (key) {
        const id = key(row)
        if (seen.has(id)) continue
        seen.add(id)
      }
      items.push(row)
    }
    if (rows.length < PAGE_SIZE || (page + 1) * PAGE_SIZE >= (answer?.total ?? Infinity)) {
      return { items, complete: true }
    }
  }
  return { items, complete: false }
}
