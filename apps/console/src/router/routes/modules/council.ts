import type { RouteRecordRaw } from 'vue-router';
import { COUNCIL_READER_ROLES, SUPERVISOR_ROLES } from '@/permissions';

export const councilRoutes: RouteRecordRaw[] = [
  {
    // The proposal pipeline of one community: its staff run it, the street and district read.
    path: 'council',
    name: 'council-board',
    component: () => import('@/views/council/ProposalBoard.vue'),
    meta: { titleKey: 'nav.council', roles: COUNCIL_READER_ROLES },
  },
  {
    // Council activity across communities: the street's and the district's, a community admin's own.
    path: 'council/overview',
    name: 'council-overview',
    component: () => import('@/views/council/CouncilOverview.vue'),
    meta: { titleKey: 'councilOverview.title', roles: SUPERVISOR_ROLES },
  },
  {
    path: 'council/proposals/:id',
    name: 'proposal-detail',
    component: () => import('@/views/council/ProposalDetail.vue'),
    meta: { titleKey: 'council.detail.title', roles: COUNCIL_READER_ROLES },
  },
  {
    // A community's meetings (`?community=`): its staff plan and run them, the rest read.
    path: 'council/meetings',
    name: 'meeting-list',
    component: () => import('@/views/council/MeetingList.vue'),
    meta: { titleKey: 'meeting.list.title', roles: COUNCIL_READER_ROLES },
  },
  {
    path: 'council/meetings/:id',
    name: 'meeting-page',
    component: () => import('@/views/council/MeetingPage.vue'),
    meta: { titleKey: 'meeting.page.title', roles: COUNCIL_READER_ROLES },
  },
];
