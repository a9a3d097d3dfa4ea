// Words for a rebuild run of the ledger (services/ledger/README.md, "Rebuild runs"): its states and phases in Chinese,
// how far it is, and its figures.

export const rebuildStates = {
  QUEUED: '排队等待',
  RUNNING: '正在重建',
  DONE: '完成',
  FAILED: '失败',
  LOST: '进度不明',
}

export const rebuildPhases = {
  READING_TOPICS: '读取事件主题',
  FLIP: '切换到新一代台账',
  VERIFYING_CHAINS: '验证哈希链',
  DROPPING_OLD_GENERATION: '清除旧一代台账',
}

/** What the run is doing, as the bar's caption says it: the phase while it runs, else its state. */
export function stepOf(run) {
  if (run.state === 'RUNNING' && run.phase) return rebuildPhases[run.phase] ?? run.phase
  return rebuildStates[run.state] ?? run.state
}

/** Events read of those to read, in whole percent; only a finished run is complete. */
export function percentRead({ state, eventsRead, eventsToRead }) {
  if (state === 'DONE') return 100
  if (!eventsToRead) return 0
  return Math.min(99, Math.floor((eventsRead * 100) / eventsToRead))
}

/** An instant as the ledger writes it (ISO 8601; seconds since the epoch, were it numeric), in milliseconds. */
export function millis(instant) {
  return typeof instant === 'number' ? instant * 1000 : Date.parse(instant)
}

/** Seconds the run took, or has taken so far, to a tenth. */
export function secondsOf(run, now = Date.now()) {
  if (!run.startedAt) return 0
  const end = run.finishedAt ? millis(run.finishedAt) : now
  return Math.max(0, Math.round((end - millis(run.startedAt)) / 100) / 10) || 0
}

export function count(value) {
  return value === null || value === undefined ? '' : Number(value).toLocaleString('zh-CN')
}

export function perSecond(value) {
  return value === null || value === undefined ? '' : Math.round(value).toLocaleString('zh-CN')
}

export function running(run) {
  return run?.state === 'QUEUED' || run?.state === 'RUNNING'
}
