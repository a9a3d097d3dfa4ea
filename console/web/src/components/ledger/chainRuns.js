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

/** The chain a broken link lies in: a partition of project-list.events.v1, the corrections' or the statements' chain. */
export function chainName(broken) {
  if (broken.chain === 'corrections') return '更正链'
  if (broken.chain === 'statements') return '工时证明标记链'
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
  // the statements' chain and each statement's rows against its marks (README, "Statements' marks")
  [/^mark (\d+) is missing: the next stored mark is (\d+)$/, (m) => `缺少第 ${m[1]} 个标记（下一个存储的是第 ${m[2]} 个）`],
  [/^mark (\d+) is missing$/, (m) => `缺少第 ${m[1]} 个标记`],
  [/^prev_hash is not the hash of the mark before it$/, () => '前一哈希与上一个标记的哈希不符'],
  [/^the content no longer gives the stored hash: the mark of statement (\S+) was altered$/, (m) => `内容与存储的哈希不符：证明 ${m[1]} 的标记被篡改`],
  [/^the chain ends at mark (\d+) but its head says (\d+): marks were removed or altered$/, (m) => `链止于第 ${m[1]} 个标记，链头却记为第 ${m[2]} 个：标记被删除或篡改`],
  [/^the chain's last mark (\d+) is not the one its head names: marks were removed or altered$/, (m) => `链的最后一个标记（第 ${m[1]} 个）与链头所记不符：标记被删除或篡改`],
  [/^the statements' chain has no head: it was deleted$/, () => '工时证明标记链的链头被删除'],
  [/^statement (\S+) has marks in the chain but no record.*$/, (m) => `证明 ${m[1]} 在链上有标记却没有记录：证明被删除或移至其他街道`],
  [/^statement (\S+): the statement's revocation was deleted/, (m) => `证明 ${m[1]}：撤销记录被删除（已撤销的证明会被查验为有效）`],
  [/^statement (\S+): the statement's outdating was deleted/, (m) => `证明 ${m[1]}：已更正标记被删除（会被查验为有效）`],
  [/^statement (\S+): the statement's revocation has no mark/, (m) => `证明 ${m[1]}：撤销记录不在链上，系在台账之外写入`],
  [/^statement (\S+): the statement's outdating has no mark/, (m) => `证明 ${m[1]}：已更正标记不在链上，系在台账之外写入`],
  [/^statement (\S+): the statement's revocation .* is not the one chained/, (m) => `证明 ${m[1]}：撤销记录（原因、撤销人或时间）被篡改`],
  [/^statement (\S+): the statement's outdating .* is not the one chained/, (m) => `证明 ${m[1]}：已更正标记（时间、更正或现行时长）被篡改`],
  [/^statement (\S+): the statement has no mark of its issue/, (m) => `证明 ${m[1]}：开具不在链上，系在台账之外写入`],
  [/^statement (\S+): the statement's content no longer gives its hash/, (m) => `证明 ${m[1]}：内容与其哈希不符，证明被篡改`],
  [/^statement (\S+): the statement's hash is not the one chained at its issue/, (m) => `证明 ${m[1]}：哈希与开具时上链的不符，证明被替换`],
  [/^statement (\S+): the entries the statement certified are not those chained/, (m) => `证明 ${m[1]}：所证明的服务记录与开具时上链的不符`],
]

export function brokenLinkReason(reason) {
  for (const [pattern, words] of reasons) {
    const m = pattern.exec(reason ?? '')
    if (m) return words(m)
  }
  return reason
}
