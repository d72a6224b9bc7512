import type { RouteRecordRaw } from 'vue-router';
import { useAuthStore } from '@/stores/auth';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title shown in the top bar and the browser tab. */
    title?: string;
    requiresAuth?: boolean;
    /** Pages for signed-out visitors only (a signed-in resident goes home). */
    guestOnly?: boolean;
    /** Shows the bottom tab bar. */
    tab?: boolean;
    /** Where the top bar's back arrow leads when there is no history to go back to. */
    back?: string;
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/LoginView.vue'),
    meta: { title: 'nav.login', guestOnly: true },
  },
  {
    // Reached from the login page after a right code for a new phone; the token stays in memory.
    path: '/register',
    name: 'register',
    component: () => import('@/views/RegisterView.vue'),
    meta: { title: 'nav.register', guestOnly: true, back: '/login' },
    beforeEnter: (to) => (useAuthStore().registration ? true : { name: 'login', query: to.query }),
  },
  {
    path: '/',
    name: 'home',
    component: () => import('@/views/HomeView.vue'),
    meta: { title: 'nav.home', requiresAuth: true, tab: true },
  },
  {
    path: '/desks',
    name: 'desks',
    component: () => import('@/views/desks/DeskFinderView.vue'),
    meta: { title: 'nav.desks', tab: true },
  },
  {
    path: '/desks/:id',
    name: 'desk',
    component: () => import('@/views/desks/DeskDetailView.vue'),
    props: true,
    meta: { title: 'nav.deskDetail', back: '/desks' },
  },
  {
    path: '/requests',
    name: 'requests',
    component: () => import('@/views/requests/RequestListView.vue'),
    meta: { title: 'nav.requests', requiresAuth: true, back: '/' },
  },
  {
    path: '/requests/new',
    name: 'request-new',
    component: () => import('@/views/requests/NewRequestView.vue'),
    meta: { title: 'nav.newRequest', requiresAuth: true, back: '/' },
  },
  {
    path: '/requests/:id',
    name: 'request',
    component: () => import('@/views/requests/RequestDetailView.vue'),
    props: true,
    meta: { title: 'nav.requestDetail', requiresAuth: true, back: '/requests' },
  },
  {
    path: '/council',
    name: 'council',
    component: () => import('@/views/council/ProposalListView.vue'),
    meta: { title: 'nav.council', requiresAuth: true, tab: true },
  },
  {
    path: '/council/new',
    name: 'proposal-new',
    component: () => import('@/views/council/NewProposalView.vue'),
    meta: { title: 'nav.newProposal', requiresAuth: true, back: '/council' },
  },
  {
    path: '/council/meetings',
    name: 'meetings',
    component: () => import('@/views/council/MeetingListView.vue'),
    meta: { title: 'meetings.title', requiresAuth: true, back: '/council' },
  },
  {
    path: '/council/meetings/:id',
    name: 'meeting',
    component: () => import('@/views/council/MeetingDetailView.vue'),
    props: true,
    meta: { title: 'meetings.meeting', requiresAuth: true, back: '/council/meetings' },
  },
  {
    path: '/council/:id',
    name: 'proposal',
    component: () => import('@/views/council/ProposalDetailView.vue'),
    props: true,
    meta: { title: 'nav.proposal', requiresAuth: true, back: '/council' },
  },
  {
    path: '/community-rating',
    name: 'community-rating',
    component: () => import('@/views/rating/CommunityRatingView.vue'),
    meta: { title: 'communityRating.title', requiresAuth: true, back: '/' },
  },
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('@/views/NotificationsView.vue'),
    meta: { title: 'nav.notifications', requiresAuth: true, back: '/' },
  },
  {
    path: '/me',
    name: 'me',
    component: () => import('@/views/MeView.vue'),
    meta: { title: 'nav.me', requiresAuth: true, tab: true },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/NotFoundView.vue'),
    meta: { title: 'nav.notFound', back: '/' },
  },
];
