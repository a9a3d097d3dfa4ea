// Who the access token names, read from the same claims the services read (README "Roles", console/README.md
// "Sign-in"): `groups` holds the role, `street`, `community` and `unit` its scope, `sub` a Party group member's id.
// Only for the screens: every service decides again from the token itself.
const ROLES = {
  desk: '街道协调台',
  community: '社区',
  unit: '共建单位',
  auditor: '审计',
  member: '党员志愿者',
  operator: '运维',
}

export function identityOf(access, id = {}) {
  const role = [].concat(access.groups ?? []).find((group) => group in ROLES)
  if (!role) return null
  return {
    id: `${role}:${access.street ?? ''}${access.community ? ':' + access.community : ''}${access.unit ? ':' + access.unit : ''}`
      + (role === 'member' ? `:${access.sub}` : ''),
    role,
    roleLabel: ROLES[role],
    name: id.name ?? access.name ?? id.preferred_username ?? access.preferred_username ?? access.sub,
    street: access.street ?? null,
    community: access.community ?? null,
    unit: access.unit ?? null,
    // a Party group member is known to demand-list by the token's subject (their member id)
    member: role === 'member' ? access.sub : null,
  }
}
