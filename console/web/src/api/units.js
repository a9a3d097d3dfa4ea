import { reactive } from 'vue'
import { api, query } from './http.js'
import { everyPage } from './paging.js'

// The member units' names by id, for screens that receive only ids (the project list speaks of unitIds).
const names = reactive({})

/**
 * Every unit of the caller's street, by name (resource-list's GET /units, every page): for a screen's unit picker,
 * which must offer the units past the first page too. Keeps their names for unitName. Answers `{ items, complete }`
 * (api/paging.js); a failed read throws.
 */
export async function loadUnits() {
  const units = await everyPage((paging) => api.resources('/units' + query(paging)), { key: (unit) => unit.unitId })
  for (const unit of units.items) names[unit.unitId] = unit.name
  return units
}

export async function loadUnitNames() {
  try {
    await loadUnits()
  } catch (e) {
    // ids stay readable without names
  }
}

export function unitName(id) {
  return names[id] ?? id
}
