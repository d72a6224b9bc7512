import type { SessionUser } from '@baitong/contracts';
import type { Component } from 'vue';
import type { RouteLocationRaw } from 'vue-router';
import {
  ChatDotRound,
  Collection,
  DataAnalysis,
  Document,
  Grid,
  HomeFilled,
  House,
  List,
  Location,
  Odometer,
  OfficeBuilding,
  Phone,
  Tickets,
  TrendCharts,
  UserFilled,
} from '@element-plus/icons-vue';
import {
  canSeeAllDesks,
  canSeeAudit,
  CATEGORY_MENU_ROLES,
  isCaseReader,
  isCaseWorker,
  isCommunityRole,
  ORG_BROWSER_ROLES,
  SUPERVISOR_ROLES,
} from '@/permissions';
import { workforceMenuEntry } from '@/router/routes/workforce';
import { ratingAssessmentsMenuEntries } from '@/router/routes/rating-assessments';
import { ratingRunsMenuEntries } from '@/router/routes/rating-runs';
import { ratingResultsMenuEntries } from '@/router/routes/rating-results';
import { ratingHistoryMenuEntries } from '@/router/routes/rating-history';
import { open311MenuEntries } from '@/router/routes/open311';

export interface MenuEntry {
  key: string;
  labelKey: string;
  icon: Component;
  to: RouteLocationRaw;
  /** The path the entry opens; the menu highlights the entry while the route is under it. */
  path: string;
  testId: string;
}

/** The side menu of a signed-in user: only what their role may open. */
export function menuFor(user: SessionUser | null, homeCommunityId: string | null): MenuEntry[] {
  if (!user) return [];
  const entries: MenuEntry[] = [
    {
      key: 'home',
      labelKey: 'nav.home',
      icon: HomeFilled,
      to: { name: 'home' },
      path: '/',
      testId: 'nav-home',
    },
  ];
  // The service metrics: the street and district read the table of their communities; the
  // community's own staff the dashboard of their community.
  if (isCaseReader(user)) {
    entries.push({
      key: 'metrics',
      labelKey: 'nav.metrics',
      icon: Odometer,
      to: { name: 'metrics' },
      path: '/metrics',
      testId: 'nav-metrics',
    });
  }
  if (isCaseWorker(user) && homeCommunityId) {
    entries.push({
      key: 'workbench',
      labelKey: 'nav.workbench',
      icon: Tickets,
      to: { name: 'workbench' },
      path: '/workbench',
      testId: 'nav-workbench',
    });
    if (canSeeAllDesks(user)) {
      entries.push({
        key: 'all-desks',
        labelKey: 'nav.allDesks',
        icon: Grid,
        to: { name: 'community-desks' },
        path: '/workbench/desks',
        testId: 'nav-all-desks',
      });
    }
    // Everyone who works the community's cases follows up on them (COMMUNITY_ROLES record).
    entries.push({
      key: 'follow-ups',
      labelKey: 'nav.followUps',
      icon: Phone,
      to: { name: 'my-follow-ups' },
      path: '/follow-ups',
      testId: 'nav-follow-ups',
    });
  }
  if (isCaseReader(user)) {
    entries.push({
      key: 'requests',
      labelKey: 'nav.requests',
      icon: List,
      to: { name: 'cases' },
      path: '/cases',
      testId: 'nav-requests',
    });
  }
  if ((SUPERVISOR_ROLES as readonly string[]).includes(user.role)) {
    entries.push({
      key: 'follow-up-overview',
      labelKey: 'nav.followUpOverview',
      icon: DataAnalysis,
      to: { name: 'follow-up-overview' },
      path: '/follow-ups/overview',
      testId: 'nav-follow-up-overview',
    });
  }
  // The council board: the community's own staff, and the street and district above it.
  if ((isCaseWorker(user) && homeCommunityId) || isCaseReader(user)) {
    entries.push({
      key: 'council',
      labelKey: 'nav.council',
      icon: ChatDotRound,
      to: { name: 'council-board' },
      path: '/council',
      testId: 'nav-council',
    });
  }
  // Council activity across the communities a supervisor reads (a community admin: its own row).
  if ((SUPERVISOR_ROLES as readonly string[]).includes(user.role)) {
    entries.push({
      key: 'council-overview',
      labelKey: 'councilOverview.nav',
      icon: TrendCharts,
      to: { name: 'council-overview' },
      path: '/council/overview',
      testId: 'nav-council-overview',
    });
  }
  if ((ORG_BROWSER_ROLES as readonly string[]).includes(user.role)) {
    entries.push(
      {
        key: 'streets',
        labelKey: 'nav.streets',
        icon: Location,
        to: { name: 'streets' },
        path: '/streets',
        testId: 'nav-streets',
      },
      {
        key: 'communities',
        labelKey: 'nav.communities',
        icon: OfficeBuilding,
        to: { name: 'communities' },
        path: '/communities',
        testId: 'nav-communities',
      },
    );
  }
  if (isCommunityRole(user) && homeCommunityId) {
    entries.push({
      key: 'my-metrics',
      labelKey: 'nav.myMetrics',
      icon: Odometer,
      to: { name: 'metrics-community', params: { id: homeCommunityId } },
      path: `/metrics/communities/${homeCommunityId}`,
      testId: 'nav-my-metrics',
    });
    entries.push({
      key: 'my-community',
      labelKey: 'nav.myCommunity',
      icon: House,
      to: { name: 'community-detail', params: { id: homeCommunityId } },
      path: `/communities/${homeCommunityId}`,
      testId: 'nav-my-community',
    });
    entries.push({
      key: 'resident-checks',
      labelKey: 'nav.residentChecks',
      icon: UserFilled,
      to: { name: 'resident-checks' },
      path: '/residents/checks',
      testId: 'nav-resident-checks',
    });
  }
  if ((CATEGORY_MENU_ROLES as readonly string[]).includes(user.role)) {
    entries.push({
      key: 'categories',
      labelKey: 'nav.categories',
      icon: Collection,
      to: { name: 'categories' },
      path: '/categories',
      testId: 'nav-categories',
    });
  }
  entries.push(...workforceMenuEntry(user, homeCommunityId));
  entries.push(...ratingAssessmentsMenuEntries(user, homeCommunityId));
  entries.push(...ratingRunsMenuEntries(user, homeCommunityId));
  entries.push(...ratingResultsMenuEntries(user, homeCommunityId));
  entries.push(...ratingHistoryMenuEntries(user, homeCommunityId));
  entries.push(...open311MenuEntries(user, homeCommunityId));
  if (canSeeAudit(user)) {
    entries.push({
      key: 'audit',
      labelKey: 'nav.audit',
      icon: Document,
      to: { name: 'audit' },
      path: '/audit',
      testId: 'nav-audit',
    });
  }
  return entries;
}
