import { api, query } from '../../api/http.js'
import { everyPage } from '../../api/paging.js'
import { session } from '../../auth/index.js'

/**
 * The signed-in unit's active offers in a category, every page of them (api/paging.js), newest first: what a unit may
 * claim, pledge or volunteer with. Answers `{ items, complete }`.
 */
export const activeOffersIn = (category) => everyPage((paging) => api.resources('/resources'
  + query({ unit: session.identity.unit, category, status: 'ACTIVE', ...paging })), { key: (offer) => offer.resourceId })
