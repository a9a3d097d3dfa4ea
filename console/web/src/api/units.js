import { reactive } from 'vue'
import { api } from './http.js'

// The member units' names by id, for screens that receive only ids (the project list speaks of unitIds).
const names = reactive({})

export async function loadUnitNames() {
  try {
    const page = await api.resources('/units?size=100')
    for (const unit of page.items ?? []) names[unit.unitId] = unit.name
  } catch (e) {
    // ids stay readable without names
  }
}

export function unitName(id) {
  return names[id] ?? id
}
