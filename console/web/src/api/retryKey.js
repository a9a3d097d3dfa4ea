import { reactive } from 'vue'

/**
 * A form whose submission is safe to send again (services/demand-list/README.md, "Retrying a submission"): one
 * Idempotency-Key per fill of the form, not per click. When an attempt gets no answer (the network; or a gateway's
 * 502 or 504: the console's proxy, or one in front of it, lost the service's answer, and the service may have acted)
 * or a 503 (the service was overloaded and changed nothing), the person sends it again with the same key, and a
 * demand the first attempt did make is answered instead of a second one. A new fill gets a new key (console/README.md,
 * "Retrying a submission").
 */
export function useRetryKey() {
  const fill = reactive({ key: newKey(), pending: null })
  return {
    fill,
    /** The request's headers: the fill's key. */
    headers: () => ({ 'Idempotency-Key': fill.key }),
    /**
     * After a failed attempt: true (and {@code fill.pending} says why, in Chinese) when the same fill may be sent
     * again with its key; false for a refusal, which sending again would not change.
     */
    failed(error) {
      const status = error?.problem?.status
      if (error?.unanswered || status === 502 || status === 504) {
        fill.pending = { reason: 'unanswered', title: '未收到服务器答复，提交结果未确认',
          detail: '网络中断或服务没有应答，需求可能已经登记，也可能没有。请点击“重新提交”：系统会认出这是同一次填写，已登记的不会重复登记。' }
        return true
      }
      if (status === 503) {
        const seconds = error.problem.retryAfter ?? 2
        fill.pending = { reason: 'overloaded', title: '服务繁忙，本次提交未被处理',
          detail: `服务器暂时繁忙，未作任何更改。请约 ${seconds} 秒后点击“重新提交”，不会重复登记。` }
        return true
      }
      return false
    },
    /** The fill was submitted: the next fill is a new one, with a new key. */
    done() {
      fill.key = newKey()
      fill.pending = null
    },
  }
}

/** A random (version 4) UUID: getRandomValues, as randomUUID needs a secure context and a street office may use http. */
function newKey() {
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
