import { session } from '../../auth/index.js'
import { ProblemError } from '../../api/http.js'

/**
 * Downloads a report with the signed-in person's bearer token (a plain link would carry none) and saves it under
 * the given file name. A refusal comes back as the service's problem document.
 */
export async function download(path, fileName) {
  let answer
  try {
    answer = await fetch(path, { headers: { Authorization: `Bearer ${session.token}` } })
  } catch (e) {
    throw new ProblemError({ title: '网络错误', detail: '无法连接控制台，请检查网络后重试' })
  }
  if (!answer.ok) {
    const text = await answer.text()
    let problem
    try {
      problem = JSON.parse(text)
    } catch (e) {
      problem = { title: `下载失败（${answer.status}）`, detail: text.slice(0, 200), status: answer.status }
    }
    throw new ProblemError(problem)
  }
  const blob = await answer.blob()
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10000)
  return blob.size
}
