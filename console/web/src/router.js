import { createRouter, createWebHashHistory } from 'vue-router'
import { session } from './auth/index.js'
import { homeOf } from './auth/home.js'

// Every screen is its own chunk. The router is part of the shell (src/shell.js), loaded after sign-in; the public
// routes are here too, for a signed-in person who goes back to them (the first page draws them without the router).
const routes = [
  { path: '/', redirect: () => homeOf(session.identity?.role) },
  { path: '/sign-in', component: () => import('./views/SignIn.vue'), meta: { public: true, title: '登录' } },
  { path: '/verify', component: () => import('./views/public/VerifyStatement.vue'), meta: { public: true, title: '工时证明核验' } },
  { path: '/notice-board', component: () => import('./views/public/NoticeBoard.vue'), meta: { public: true, title: '公示' } },
  { path: '/community/demands/new', component: () => import('./views/community/SubmitDemand.vue'), meta: { role: 'community', title: '提交需求' } },
  { path: '/community/demands/import', component: () => import('./views/community/ImportDemands.vue'), meta: { role: 'community', title: '批量导入需求' } },
  { path: '/community/demands', component: () => import('./views/community/CommunityDemands.vue'), meta: { role: 'community', title: '本社区需求' } },
  { path: '/desk/overview', component: () => import('./views/desk/Overview.vue'), meta: { role: 'desk', title: '态势' } },
  { path: '/desk/demands', component: () => import('./views/desk/DemandList.vue'), meta: { role: 'desk', title: '需求清单' } },
  { path: '/desk/projects', component: () => import('./views/desk/ProjectList.vue'), meta: { role: 'desk', title: '项目清单' } },
  { path: '/desk/resources', component: () => import('./views/desk/ResourceList.vue'), meta: { role: 'desk', title: '资源清单' } },
  { path: '/desk/import', component: () => import('./views/desk/ImportUnits.vue'), meta: { role: 'desk', title: '导入单位与资源' } },
  { path: '/desk/joint-meeting', component: () => import('./views/desk/JointMeeting.vue'), meta: { role: 'desk', title: '联席会' } },
  { path: '/desk/ledger', component: () => import('./views/desk/Ledger.vue'), meta: { role: 'desk', title: '台账' } },
  { path: '/desk/corrections', component: () => import('./views/desk/HourCorrections.vue'), meta: { role: 'desk', title: '工时更正' } },
  { path: '/desk/statements', component: () => import('./views/desk/StatementList.vue'), meta: { role: 'desk', title: '工时证明清单' } },
  { path: '/desk/contact-reveals', component: () => import('./views/desk/ContactReveals.vue'), meta: { role: 'desk', title: '联系方式查看记录' } },
  { path: '/unit/claimable', component: () => import('./views/unit/ClaimableProjects.vue'), meta: { role: 'unit', title: '可认领项目' } },
  { path: '/unit/projects', component: () => import('./views/unit/UnitProjects.vue'), meta: { role: 'unit', title: '本单位项目' } },
  { path: '/unit/open-demands', component: () => import('./views/unit/OpenDemands.vue'), meta: { role: 'unit', title: '揭榜' } },
  { path: '/unit/resources', component: () => import('./views/unit/UnitResources.vue'), meta: { role: 'unit', title: '本单位资源' } },
  { path: '/member/slips', component: () => import('./views/member/MemberSlips.vue'), meta: { role: 'member', title: '我的三联单' } },
  { path: '/member/group', component: () => import('./views/member/GroupSlipBoard.vue'), meta: { role: 'member', title: '党小组派单' } },
  { path: '/member/activity-check-in', component: () => import('./views/member/ActivityCheckIn.vue'), meta: { role: 'member', title: '活动签到' } },
  { path: '/operator/operations', component: () => import('./views/operator/Operations.vue'), meta: { role: 'operator', title: '运维' } },
  // the auditor reads (README "Roles": reports and statements, no contact data): the desk's read-only screens
  { path: '/auditor/reports', component: () => import('./views/auditor/AuditorReports.vue'), meta: { role: 'auditor', title: '台账报表' } },
  { path: '/auditor/statements', component: () => import('./views/desk/StatementList.vue'), meta: { role: 'auditor', title: '工时证明清单' } },
  { path: '/auditor/contact-reveals', component: () => import('./views/desk/ContactReveals.vue'), meta: { role: 'auditor', title: '联系方式查看记录' } },
  { path: '/unit/hours', component: () => import('./views/unit/UnitHours.vue'), meta: { role: 'unit', title: '本单位工时与排名' } },
]

export const router = createRouter({ history: createWebHashHistory(), routes })

router.beforeEach((to) => {
  if (to.meta.public) return true
  if (!session.identity) return '/sign-in'
  if (to.meta.role && to.meta.role !== session.identity.role) return homeOf(session.identity.role)
  return true
})
