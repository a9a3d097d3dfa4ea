import { api, query } from '../../api/http.js'

// The public notice board (公示) as the services serve it, without a token: the matchmaker's published projects and
// the ledger's standings (services/matchmaker/service/README.md and services/ledger/README.md, "Notice board"). Each
// answer is an envelope {street, year, …} with one section per kind of record; a page reads the sections it knows.

export function boardProjects({ street, community, year, list, page, size }) {
  return api.projects('/notice-board/projects' + query({ street, community, year, list, page, size }), { anonymous: true })
    .then((board) => board.projects)
}

export function boardStandings({ street, year, page, size }) {
  return api.ledger('/notice-board/standings' + query({ street, year, page, size }), { anonymous: true })
    .then((board) => board.standings)
}

/** 认领单位: the public names of the units holding a project, or a dash while none does. */
export function holders(project) {
  return project.claimedBy?.length ? project.claimedBy.map((u) => u.name).join('、') : '—'
}
