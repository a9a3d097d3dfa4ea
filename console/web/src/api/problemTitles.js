import titles from './problem-titles.json'

// The services' problem types are stable (README "Errors"). Asked with Accept-Language: zh-CN (http.js does), the
// services answer a refusal's title and detail in Chinese; the type's Chinese name from problem-titles.json comes
// first when the title is another (a problem the console itself answers, or a text a service has no Chinese for).
// ProblemTitlesTest holds the names against every type the services and the console answer with. No Element Plus
// here: the sign-in page shows a refusal with this alone.

/** The Chinese name of the problem's type, or undefined for a type the console does not know. */
export function chineseTitle(problem) {
  const slug = (problem?.type ?? '').split('/').pop()
  return titles[slug]
}

/** A refusal as a person reads it: 当前状态不允许此操作（title：detail）. */
export function describeProblem(problem) {
  const zh = chineseTitle(problem)
  const said = `${problem?.title ?? '操作失败'}：${problem?.detail ?? ''}`
  return zh && zh !== problem?.title ? `${zh}（${said}）` : said
}
