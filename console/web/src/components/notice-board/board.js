import { api, query } from '../../api/http.js'

// The public notice board (公示) as the services serve it, without a token: the matchmaker's published projects, the
// demand list's Party-group services (slips) and the ledger's standings (the services' READMEs, "Notice board"). Each
// answer is an envelope {street, year, …} with one section per kind of record; a page reads the sections it knows.

export function boardProjects({ street, community, year, list, page, size }) {
  return api.projects('/notice-board/projects' + query({ street, community, year, list, page, size }), { anonymous: true })
    .then((board) => board.projects)
}

/** The whole answer: the closed slips (section `slips`) and the year's counts (`slipCounts`). */
export function boardSlips({ street, community, year, page, size }) {
  return api.demands('/notice-board/slips' + query({ street, community, year, page, size }), { anonymous: true })
}

export function boardStandings({ street, year, page, size }) {
  return api.ledger('/notice-board/standings' + query({ street, year, page, size }), { anonymous: true })
    .then((board) => board.standings)
}

/** 认领单位: the public names of the units holding a project, or a dash while none does. */
export function holders(project) {
  return project.claimedBy?.length ? project.claimedBy.map((u) => u.name).join('、') : '—'
}
