/**
 * Loads whose answers may come back out of order (a filter, a grouping or a year changed while the last answer is on
 * its way): only the answer to the latest load may be shown, so an earlier, slower one arriving last cannot put its
 * figures under the newer choice. `latest(load)` runs `load` and answers `{ answer, current }`.
 */
export function useLatest() {
  let asked = 0
  return async (load) => {
    const mine = ++asked
    const answer = await load()
    return { answer, current: mine === asked }
  }
}
