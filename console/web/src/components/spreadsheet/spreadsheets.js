import { ProblemError } from '../../api/http.js'
import { session } from '../../auth/index.js'

// Spreadsheets in and out through the console (console/README.md "Spreadsheets"): the imports and the .xlsx export
// run in the console module with the caller's token, so each row is decided by the service as its REST request.

export const templates = {
  'units-and-offers': { href: '/console/templates/units-and-offers.xlsx', name: '共建单位与资源导入模板.xlsx' },
  demands: { href: '/console/templates/demands.xlsx', name: '需求导入模板.xlsx' },
}

async function answerOf(response) {
  if (response.ok) return response
  const text = await response.text()
  let problem
  try {
    problem = JSON.parse(text)
  } catch (e) {
    problem = { title: `请求失败（${response.status}）`, status: response.status }
  }
  throw new ProblemError(problem)
}

function authorised(headers = {}) {
  return session.token ? { ...headers, Authorization: `Bearer ${session.token}` } : headers
}

/** Sends a workbook to /console/import/<kind>; answers the report: rows (outcome, problem), taken, alreadyTaken, refused. */
export async function importWorkbook(kind, file) {
  const response = await fetch(`/console/import/${kind}`, {
    method: 'POST',
    headers: authorised({ 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Accept: 'application/json' }),
    body: file,
  })
  return (await answerOf(response)).json()
}

/** Downloads a CSV report of a service (an /api/… path) as an .xlsx workbook, e.g. the ledger's 下载Excel. */
export async function downloadXlsx(csvPath, fallbackName = '报表.xlsx') {
  const response = await answerOf(await fetch(`/console/export/xlsx?csv=${encodeURIComponent(csvPath)}`, { headers: authorised() }))
  const disposition = response.headers.get('Content-Disposition') ?? ''
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? fallbackName)
  const link = document.createElement('a')
  link.href = URL.createObjectURL(await response.blob())
  link.download = name
  link.click()
  URL.revokeObjectURL(link.href)
}
