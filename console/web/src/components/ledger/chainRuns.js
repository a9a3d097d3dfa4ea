// Words for a verification run of the ledger's hash chains (services/ledger/README.md, "Verification runs" and
// "Entries and the hash chains"): its states, how far it is, and the first broken link in Chinese.

export const runStates = {
  QUEUED: '排队等待',
  RUNNING: '正在核对',
  DONE: '核对完成',
  FAILED: '核对失败',
  LOST: '进度不明',
}

/** Entries checked of the total, in whole percent; a finished run of an empty ledger is complete. */
export function percentChecked({ state, checked, total }) {
  if (state === 'DONE') return 100
  if (!total) return 0
  return Math.min(99, Math.floor((checked * 100) / total))
}

/** The chain a broken link lies in: a partition of project-list.events.v1, or the corrections' chain. */
export function chainName(broken) {
  if (broken.chain === 'corrections') return '更正链'
  return broken.partition === null || broken.partition === undefined ? broken.chain : `分区 ${broken.partition} 的链`
}

// the ledger's reasons (ChainVerification), most specific first; an unknown one is shown as the ledger wrote it
const reasons = [
  [/^entry (\d+) is missing: the next stored entry is (\d+)$/, (m) => `缺少第 ${m[1]} 条记录（下一条存储的是第 ${m[2]} 条）`],
  [/^entry (\d+) is missing$/, (m) => `缺少第 ${m[1]} 条记录`],
  [/^correction (\d+) is missing$/, (m) => `缺少第 ${m[1]} 条更正`],
  [/^prev_hash is not the hash of the entry before it$/, () => '前一哈希与上一条记录的哈希不符'],
  [/^prev_hash is not the hash of the correction before it$/, () => '前一哈希与上一条更正的哈希不符'],
  [/^the content no longer gives the stored hash: the entry was altered$/, () => '内容与存储的哈希不符：记录被篡改'],
  [/^the content no longer gives the stored hash: the correction was altered$/, () => '内容与存储的哈希不符：更正被篡改'],
  [/^the chain ends at entry (\d+) but its head says (\d+): entries were removed$/, (m) => `链止于第 ${m[1]} 条，链头却记为第 ${m[2]} 条：记录被删除`],
  [/^the chain's last entry (\d+) is not the one its head names: entries were removed or altered$/, (m) => `链的最后一条（第 ${m[1]} 条）与链头所记不符：记录被删除或篡改`],
]

export function brokenLinkReason(reason) {
  for (const [pattern, words] of reasons) {
    const m = pattern.exec(reason ?? '')
    if (m) return words(m)
  }
  return reason
}
